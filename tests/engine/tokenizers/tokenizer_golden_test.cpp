// Every line of the tokenizer golden files (HF transformers 4.31 slow tokenizers) must be
// reproduced exactly: token strings, ids, ids with special tokens, and GPT-2 decoding.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/test_support.h"
#include "tokenizers/tokenizer.h"
#include "tokenizers/tokenizer_factory.h"
#include "tokenizers/unicode.h"

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::vector<json> read_jsonl(const fs::path& path) {
  std::ifstream in(path);
  std::vector<json> lines;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) lines.push_back(json::parse(line));
  return lines;
}

fs::path golden_file(const std::string& name) { return as::test::golden_dir() / "tokenizers" / name; }

std::vector<std::string> texts_of(const as::Encoding& e) {
  std::vector<std::string> out;
  for (const auto& t : e.tokens) out.push_back(t.text);
  return out;
}

std::string show(const json& j) { return j.dump(-1, ' ', true); }  // ASCII-escaped, one line

struct GoldenCounts {
  size_t lines = 0;
  size_t passed = 0;
};

// Checks tokens, ids and (when present) input_ids / decoded of every line; returns the counts and
// reports each failing line with its text.
GoldenCounts check_golden(const as::Tokenizer& tokenizer, const fs::path& file, bool check_tokens) {
  GoldenCounts counts;
  const std::vector<json> lines = read_jsonl(file);
  EXPECT_EQ(lines.size(), 458u) << file;
  as::EncodeOptions plain;
  plain.add_special_tokens = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const json& line = lines[i];
    const std::string text = line["text"].get<std::string>();
    const as::Encoding encoding = tokenizer.encode(text, plain);
    bool ok = true;
    const auto ids = encoding.ids();
    if (ids != line["ids"].get<std::vector<int32_t>>()) {
      ADD_FAILURE() << file.filename() << " line " << i + 1 << " ids differ for text " << show(line["text"])
                    << "\n  expected " << show(line["ids"]) << "\n  actual   " << show(json(ids))
                    << "\n  expected tokens " << show(line["tokens"]) << "\n  actual tokens   "
                    << show(json(texts_of(encoding)));
      ok = false;
    }
    if (check_tokens && texts_of(encoding) != line["tokens"].get<std::vector<std::string>>()) {
      ADD_FAILURE() << file.filename() << " line " << i + 1 << " tokens differ for text " << show(line["text"])
                    << "\n  expected " << show(line["tokens"]) << "\n  actual   " << show(json(texts_of(encoding)));
      ok = false;
    }
    if (line.contains("input_ids")) {
      const auto with_specials = tokenizer.encode(text).ids();
      if (with_specials != line["input_ids"].get<std::vector<int32_t>>()) {
        ADD_FAILURE() << file.filename() << " line " << i + 1 << " input_ids differ for text " << show(line["text"])
                      << "\n  expected " << show(line["input_ids"]) << "\n  actual   " << show(json(with_specials));
        ok = false;
      }
    }
    if (line.contains("decoded")) {
      const std::string decoded = tokenizer.decode(line["ids"].get<std::vector<int32_t>>());
      if (decoded != line["decoded"].get<std::string>()) {
        ADD_FAILURE() << file.filename() << " line " << i + 1 << " decode differs for text " << show(line["text"])
                      << "\n  expected " << show(line["decoded"]) << "\n  actual   " << show(json(decoded));
        ok = false;
      }
    }
    // explain() matches pieces its own way (listing every candidate / every merge step); its pieces
    // must be the tokens.
    std::vector<std::string> explained;
    for (const auto& word : tokenizer.explain(text))
      explained.insert(explained.end(), word.pieces.begin(), word.pieces.end());
    if (explained != texts_of(encoding)) {
      ADD_FAILURE() << file.filename() << " line " << i + 1 << " explain() pieces differ for text " << show(line["text"])
                    << "\n  encode  " << show(json(texts_of(encoding))) << "\n  explain " << show(json(explained));
      ok = false;
    }
    if (!encoding.warnings.empty()) {
      ADD_FAILURE() << file.filename() << " line " << i + 1 << " unexpected warning: " << encoding.warnings[0];
      ok = false;
    }
    counts.lines += 1;
    counts.passed += ok ? 1 : 0;
  }
  return counts;
}

// Loading is the slow part; each tokenizer is built once per test binary run.
const as::Tokenizer& cached(const std::string& key, const std::function<std::unique_ptr<as::Tokenizer>()>& make) {
  static std::map<std::string, std::unique_ptr<as::Tokenizer>> cache;
  auto& slot = cache[key];
  if (!slot) slot = make();
  return *slot;
}

const as::Tokenizer& bert_uncased() {
  return cached("bert", [] { return as::load_tokenizer(as::test::models_dir() / "random-bert-uncased-L4-H256"); });
}

}  // namespace

TEST(TokenizerGolden, BertBaseUncasedEveryLine) {
  AS_REQUIRE_SHARED();
  const GoldenCounts c = check_golden(bert_uncased(), golden_file("bert-base-uncased.jsonl"), true);
  EXPECT_EQ(c.passed, c.lines);
  std::cout << "bert-base-uncased.jsonl: " << c.passed << "/" << c.lines << " lines exact\n";
}

TEST(TokenizerGolden, BertUncasedVocabWithoutLowerCasingEveryLine) {
  AS_REQUIRE_SHARED();
  // The golden file was made with BertTokenizer(vocab.txt, do_lower_case=False): built directly,
  // not through from_pretrained, so special tokens typed in the text are not split out first.
  as::WordPieceConfig config;
  config.basic.do_lower_case = false;
  config.split_special_tokens_from_text = false;
  const auto tokenizer = std::make_unique<as::WordPieceTokenizer>(
      as::WordPieceTokenizer::read_vocab_txt(as::test::models_dir() / "random-bert-uncased-L4-H256" / "vocab.txt"),
      config);
  const GoldenCounts c = check_golden(*tokenizer, golden_file("bert-base-uncased-vocab.do_lower_case-false.jsonl"), true);
  EXPECT_EQ(c.passed, c.lines);
  std::cout << "bert-base-uncased-vocab.do_lower_case-false.jsonl: " << c.passed << "/" << c.lines << " lines exact\n";
}

TEST(TokenizerGolden, BertUncasedThroughTheGeneralLowerCasingRoute) {
  AS_REQUIRE_SHARED();
  // A special token without a capital letter makes the tokenizer lower-case the whole text before
  // looking for special tokens (its general route); the golden lines never contain this one.
  as::WordPieceConfig config;
  config.additional_special_tokens = {"<zz-not-in-any-line>"};
  const auto tokenizer = std::make_unique<as::WordPieceTokenizer>(
      as::WordPieceTokenizer::read_vocab_txt(as::test::models_dir() / "random-bert-uncased-L4-H256" / "vocab.txt"),
      config);
  const GoldenCounts c = check_golden(*tokenizer, golden_file("bert-base-uncased.jsonl"), true);
  EXPECT_EQ(c.passed, c.lines);
}

TEST(TokenizerGolden, MultilingualCasedEveryLine) {
  AS_REQUIRE_SHARED();
  const auto tokenizer = as::load_tokenizer(as::test::models_dir() / "tokenizers" / "bert-base-multilingual-cased");
  const GoldenCounts c = check_golden(*tokenizer, golden_file("bert-base-multilingual-cased.jsonl"), true);
  EXPECT_EQ(c.passed, c.lines);
  std::cout << "bert-base-multilingual-cased.jsonl: " << c.passed << "/" << c.lines << " lines exact\n";
}

TEST(TokenizerGolden, Gpt2EveryLine) {
  AS_REQUIRE_SHARED();
  const auto tokenizer = as::load_tokenizer(as::test::models_dir() / "random-gpt2-L4-H256");
  const GoldenCounts c = check_golden(*tokenizer, golden_file("gpt2.jsonl"), true);
  EXPECT_EQ(c.passed, c.lines);
  std::cout << "gpt2.jsonl: " << c.passed << "/" << c.lines << " lines exact\n";
}

TEST(TokenizerGolden, BertTokenizerJsonMatchesSlowFilesOnEveryLine) {
  AS_REQUIRE_SHARED();
  const auto tokenizer = as::load_tokenizer_json(as::test::models_dir() / "random-bert-uncased-L4-H256" / "tokenizer.json");
  EXPECT_EQ(tokenizer->kind(), "wordpiece");
  const GoldenCounts c = check_golden(*tokenizer, golden_file("bert-base-uncased.jsonl"), true);
  EXPECT_EQ(c.passed, c.lines);
}

TEST(TokenizerGolden, Gpt2TokenizerJsonMatchesSlowFilesOnEveryLine) {
  AS_REQUIRE_SHARED();
  for (const char* model : {"random-gpt2-L4-H256", "random-gpt2-L4-H256-f16"}) {
    const auto tokenizer = as::load_tokenizer_json(as::test::models_dir() / model / "tokenizer.json");
    EXPECT_EQ(tokenizer->kind(), "bpe");
    const GoldenCounts c = check_golden(*tokenizer, golden_file("gpt2.jsonl"), true);
    EXPECT_EQ(c.passed, c.lines) << model;
  }
}

namespace {

// Texts of 16 KiB and more take another route: a run of text (WordPiece) or pre-token (BPE) seen
// earlier in the same call reuses its tokens. The golden lines joined into one long text, three times
// over so that every run repeats, must give the lines' golden ids in order, with each token
// keeping the span and word it has when its line is encoded alone, moved by the line's place.
struct Joined {
  std::string separator;            // between lines
  std::vector<int32_t> separator_ids;  // what the separator becomes
};

void check_joined_lines(const as::Tokenizer& tokenizer, const fs::path& file, const Joined& joined,
                        const std::function<bool(const std::string&)>& usable) {
  std::vector<std::string> texts;
  std::vector<std::vector<int32_t>> golden_ids;
  for (const json& line : read_jsonl(file)) {
    const auto text = line["text"].get<std::string>();
    if (!usable(text)) continue;
    texts.push_back(text);
    golden_ids.push_back(line["ids"].get<std::vector<int32_t>>());
  }
  as::EncodeOptions plain;
  plain.add_special_tokens = false;
  std::string long_text;
  std::vector<int32_t> expected_ids;
  std::vector<as::Token> expected;  // ids, spans and words only
  int64_t chars = 0;
  int32_t words = 0;
  const int64_t separator_chars = static_cast<int64_t>(as::unicode::count_code_points(joined.separator));
  for (int round = 0; round < 3; ++round) {
    for (size_t i = 0; i < texts.size(); ++i) {
      for (as::Token t : tokenizer.encode(texts[i], plain).tokens) {
        t.start += chars;
        t.end += chars;
        t.word += words;
        expected.push_back(t);
      }
      if (!expected.empty() && expected.back().word >= words) words = expected.back().word + 1;
      expected_ids.insert(expected_ids.end(), golden_ids[i].begin(), golden_ids[i].end());
      long_text += texts[i];
      chars += static_cast<int64_t>(as::unicode::count_code_points(texts[i]));
      for (int32_t id : joined.separator_ids) {
        as::Token t;
        t.id = id;
        t.start = chars;
        t.end = chars + separator_chars;
        t.word = words++;
        expected.push_back(t);
      }
      expected_ids.insert(expected_ids.end(), joined.separator_ids.begin(), joined.separator_ids.end());
      long_text += joined.separator;
      chars += separator_chars;
    }
  }
  ASSERT_GE(long_text.size(), 16384u) << "too short to take the long-text route";
  const as::Encoding encoding = tokenizer.encode(long_text, plain);
  EXPECT_TRUE(encoding.warnings.empty());
  ASSERT_EQ(encoding.ids(), expected_ids) << file.filename();  // golden
  ASSERT_EQ(encoding.tokens.size(), expected.size());
  size_t mismatches = 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    const as::Token& a = encoding.tokens[i];
    const as::Token& e = expected[i];
    if (a.start != e.start || a.end != e.end || a.word != e.word) {
      if (++mismatches <= 5)
        ADD_FAILURE() << "token " << i << " '" << a.text << "': span [" << a.start << "," << a.end << ") word " << a.word
                      << ", expected [" << e.start << "," << e.end << ") word " << e.word;
    }
  }
  EXPECT_EQ(mismatches, 0u);
}

bool any_line(const std::string&) { return true; }

TEST(TokenizerGoldenLongText, BertUncasedEveryLineJoined) {
  AS_REQUIRE_SHARED();
  check_joined_lines(bert_uncased(), golden_file("bert-base-uncased.jsonl"), {"\n", {}}, any_line);
}

TEST(TokenizerGoldenLongText, MultilingualCasedEveryLineJoined) {
  AS_REQUIRE_SHARED();
  const auto tokenizer = as::load_tokenizer(as::test::models_dir() / "tokenizers" / "bert-base-multilingual-cased");
  check_joined_lines(*tokenizer, golden_file("bert-base-multilingual-cased.jsonl"), {"\n", {}}, any_line);
}

TEST(TokenizerGoldenLongText, Gpt2LinesJoinedByEndOfText) {
  AS_REQUIRE_SHARED();
  // <|endoftext|> swallows the whitespace on both sides (GPT2Tokenizer in transformers 4.31), which
  // would change a line that begins or ends with some: those lines are left out.
  const auto tokenizer = as::load_tokenizer(as::test::models_dir() / "random-gpt2-L4-H256");
  const auto no_outer_space = [](const std::string& text) {
    const std::u32string chars = as::unicode::decode_utf8(text);
    return chars.empty() || (!as::unicode::is_python_space(chars.front()) && !as::unicode::is_python_space(chars.back()));
  };
  check_joined_lines(*tokenizer, golden_file("gpt2.jsonl"), {"<|endoftext|>", {50256}}, no_outer_space);
}

}  // namespace
