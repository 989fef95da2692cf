#pragma once
// Shared by the tokenizer tests: tokenizers loaded once per test binary, and token comparison
// helpers that print the whole sequence on a mismatch.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "support/test_support.h"
#include "tokenizers/tokenizer.h"

namespace as::test {

// load_tokenizer(models_dir() / folder), built once.
inline const Tokenizer& shared_tokenizer(const std::string& folder) {
  static std::map<std::string, std::unique_ptr<Tokenizer>> cache;
  auto& slot = cache[folder];
  if (!slot) slot = load_tokenizer(models_dir() / folder);
  return *slot;
}

inline const Tokenizer& bert_uncased() { return shared_tokenizer("random-bert-uncased-L4-H256"); }
inline const Tokenizer& gpt2() { return shared_tokenizer("random-gpt2-L4-H256"); }
inline const Tokenizer& roberta() { return shared_tokenizer("random-roberta-L2-H64-f16"); }
inline const Tokenizer& mbert() { return shared_tokenizer("tokenizers/bert-base-multilingual-cased"); }

// What a test states about one token: its text and its [start, end) in original code points.
struct Expected {
  std::string text;
  int64_t start;
  int64_t end;
};

inline std::string describe(const Encoding& e) {
  std::string out;
  for (const auto& t : e.tokens)
    out += "  '" + t.text + "' [" + std::to_string(t.start) + "," + std::to_string(t.end) + ") word " +
           std::to_string(t.word) + (t.continuation ? " cont" : "") + (t.special ? " special" : "") + "\n";
  return out;
}

inline void expect_tokens(const Encoding& e, const std::vector<Expected>& expected) {
  ASSERT_EQ(e.tokens.size(), expected.size()) << describe(e);
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(e.tokens[i].text, expected[i].text) << "token " << i << "\n" << describe(e);
    EXPECT_EQ(e.tokens[i].start, expected[i].start) << "token " << i << " start\n" << describe(e);
    EXPECT_EQ(e.tokens[i].end, expected[i].end) << "token " << i << " end\n" << describe(e);
  }
}

inline EncodeOptions without_specials() {
  EncodeOptions o;
  o.add_special_tokens = false;
  return o;
}

}  // namespace as::test
