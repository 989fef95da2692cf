// Special tokens typed in a text: where they are found and which whitespace they swallow
// (PreTrainedTokenizer.tokenize in transformers 4.31), and when lower-casing cannot move them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tokenizers/special_tokens.h"

namespace {

struct Part {
  std::string text;
  int special;
  bool operator==(const Part&) const = default;
};

std::vector<Part> parts_of(const as::SpecialTokenMatcher& m, const std::string& text) {
  std::vector<Part> out;
  for (const auto& p : m.split(text)) out.push_back({text.substr(p.begin, p.end - p.begin), p.special});
  return out;
}

void PrintTo(const Part& p, std::ostream* os) { *os << "{'" << p.text << "', " << p.special << "}"; }

TEST(TokenizerSpecialTokens, PlainStringsSwallowWhitespaceOnBothSides) {
  const as::SpecialTokenMatcher m({{"<|endoftext|>", 50256, true, true}});
  EXPECT_EQ(parts_of(m, "a \t<|endoftext|>\n b"), (std::vector<Part>{{"a", -1}, {"<|endoftext|>", 0}, {"b", -1}}));
  EXPECT_EQ(parts_of(m, "<|endoftext|>"), (std::vector<Part>{{"<|endoftext|>", 0}}));
  // Whitespace-only text between two occurrences disappears entirely.
  EXPECT_EQ(parts_of(m, "<|endoftext|>  <|endoftext|>"), (std::vector<Part>{{"<|endoftext|>", 0}, {"<|endoftext|>", 0}}));
}

TEST(TokenizerSpecialTokens, AddedTokenFlagsDecideTheSide) {
  // RoBERTa's <mask>: lstrip=True, rstrip=False; <s>: neither.
  const as::SpecialTokenMatcher m({{"<mask>", 50264, true, false}, {"<s>", 0, false, false}});
  EXPECT_EQ(parts_of(m, "is <mask> ."), (std::vector<Part>{{"is", -1}, {"<mask>", 0}, {" .", -1}}));
  EXPECT_EQ(parts_of(m, "a <s> b"), (std::vector<Part>{{"a ", -1}, {"<s>", 1}, {" b", -1}}));
  // Python's str.rstrip(): U+3000 and U+0085 are whitespace too.
  EXPECT_EQ(parts_of(m, "x\u3000\u0085<mask>"), (std::vector<Part>{{"x", -1}, {"<mask>", 0}}));
}

TEST(TokenizerSpecialTokens, LeftmostThenLongest) {
  const as::SpecialTokenMatcher m({{"<a>", 1, false, false}, {"<a><b>", 2, false, false}, {"b>", 3, false, false}});
  EXPECT_EQ(parts_of(m, "x<a><b>y"), (std::vector<Part>{{"x", -1}, {"<a><b>", 1}, {"y", -1}}));
  EXPECT_EQ(parts_of(m, "x<a>b>"), (std::vector<Part>{{"x", -1}, {"<a>", 0}, {"b>", 2}}));
}

TEST(TokenizerSpecialTokens, WhenLowerCasingCannotMoveThem) {
  const auto tokens = [](std::vector<std::string> names) {
    std::vector<as::SpecialToken> out;
    for (auto& n : names) out.push_back({n, 0, true, true});
    return out;
  };
  EXPECT_TRUE(as::special_tokens_survive_lower_casing(tokens({"[CLS]", "[SEP]", "[PAD]", "[UNK]", "[MASK]"})));
  EXPECT_FALSE(as::special_tokens_survive_lower_casing(tokens({"[CLS]", "<s>"})));   // no capital: "<S>" lower-cases to it
  EXPECT_FALSE(as::special_tokens_survive_lower_casing(tokens({"[CLS]", "a[CLS]"})));  // one inside another
  EXPECT_FALSE(as::special_tokens_survive_lower_casing(tokens({"[X]Y", "Y[Z]"})));    // overlapping ends
  EXPECT_FALSE(as::special_tokens_survive_lower_casing(tokens({"XaX"})));             // overlaps itself
  EXPECT_TRUE(as::special_tokens_survive_lower_casing({}));
}

}  // namespace
