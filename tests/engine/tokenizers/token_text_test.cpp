// TokenText: interned token strings. Tokens must stay readable after their tokenizer is gone (the
// GUI keeps results of a model it has since closed), and interning must be exact and thread-safe.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/tokenizers/tokenizer_test_util.h"
#include "tokenizers/token_text.h"

namespace {

TEST(TokenText, EqualStringsShareOneCopyAndDifferentOnesDoNot) {
  const std::string built = std::string("\xC4\xA0") + "the";
  const as::TokenText a("\xC4\xA0the"), b(built), c("the");
  EXPECT_EQ(a.data(), b.data());
  EXPECT_NE(a.data(), c.data());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(a, "\xC4\xA0the");
  EXPECT_EQ(a, built);
  EXPECT_EQ(a.size(), 5u);
  EXPECT_TRUE(a.starts_with("\xC4\xA0"));
  EXPECT_EQ(std::string("##") + c, "##the");
}

TEST(TokenText, DefaultIsTheEmptyStringAndNulIsKept) {
  const as::TokenText empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty, as::TokenText(""));
  EXPECT_EQ(empty, "");
  const as::TokenText nul(std::string_view("a\0b", 3));
  EXPECT_EQ(nul.size(), 3u);
  EXPECT_NE(nul, as::TokenText("a"));
}

TEST(TokenText, ThreadsInterningTheSameStringsGetTheSameCopies) {
  constexpr int kStrings = 2000;
  std::vector<std::vector<const char*>> seen(4, std::vector<const char*>(kStrings));
  std::vector<std::thread> threads;
  for (size_t k = 0; k < seen.size(); ++k)
    threads.emplace_back([&seen, k] {
      for (int i = 0; i < kStrings; ++i) {
        const int n = (i * 7 + static_cast<int>(k) * 13) % kStrings;  // each thread in its own order
        seen[k][static_cast<size_t>(n)] = as::TokenText("token-text-test-" + std::to_string(n)).data();
      }
    });
  for (auto& t : threads) t.join();
  for (int i = 0; i < kStrings; ++i) {
    EXPECT_EQ(std::string(seen[0][static_cast<size_t>(i)]), "token-text-test-" + std::to_string(i));
    for (size_t k = 1; k < seen.size(); ++k) EXPECT_EQ(seen[k][static_cast<size_t>(i)], seen[0][static_cast<size_t>(i)]);
  }
}

// Every golden GPT-2 line's tokens, read after the tokenizer that made them is destroyed.
TEST(TokenText, TokensOutliveTheirTokenizer) {
  AS_REQUIRE_SHARED();
  std::vector<nlohmann::json> lines;
  std::ifstream in(as::test::golden_dir() / "tokenizers" / "gpt2.jsonl");
  std::string line;
  while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line));
  ASSERT_GT(lines.size(), 400u);
  std::vector<as::Encoding> encodings;
  {
    const auto tokenizer = as::load_tokenizer(as::test::models_dir() / "random-gpt2-L4-H256");
    for (const auto& l : lines) encodings.push_back(tokenizer->encode(l["text"].get<std::string>()));
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto expected = lines[i]["tokens"].get<std::vector<std::string>>();
    ASSERT_EQ(encodings[i].tokens.size(), expected.size()) << "line " << i;
    for (size_t t = 0; t < expected.size(); ++t) EXPECT_EQ(encodings[i].tokens[t].text, expected[t]) << "line " << i;
  }
}

}  // namespace
