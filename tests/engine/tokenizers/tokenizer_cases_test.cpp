// The model-level golden cases (shared/golden/<model>/<case>.json) record the exact tokenizer call
// HF made: text, optional text_pair, truncation / max_length, and the resulting input_ids, tokens
// and token_type_ids. Every case of every model folder is reproduced through load_tokenizer().
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "engine/tokenizers/tokenizer_test_util.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct CaseCounts {
  size_t cases = 0;
  size_t truncated = 0;
  size_t pairs = 0;
};

CaseCounts check_model_cases(const std::string& model) {
  CaseCounts counts;
  const fs::path case_dir = as::test::golden_dir() / model;
  const auto tokenizer = as::load_tokenizer(as::test::models_dir() / model);
  for (const auto& entry : fs::directory_iterator(case_dir)) {
    if (entry.path().extension() != ".json") continue;
    const json c = as::test::read_json(entry.path());
    if (!c.is_object() || !c.contains("text") || !c.contains("input_ids")) continue;
    const std::string name = entry.path().filename().string();
    as::EncodeOptions options;
    if (c.contains("tokenizer_call") && c["tokenizer_call"].value("truncation", false))
      options.max_length = c["tokenizer_call"]["max_length"].get<int64_t>();
    const bool pair = c.contains("text_pair") && c["text_pair"].is_string();
    const as::Encoding e = pair ? tokenizer->encode_pair(c["text"].get<std::string>(), c["text_pair"].get<std::string>(), options)
                                : tokenizer->encode(c["text"].get<std::string>(), options);
    EXPECT_EQ(e.ids(), c["input_ids"].get<std::vector<int32_t>>()) << model << "/" << name;
    std::vector<std::string> texts;
    for (const auto& t : e.tokens) texts.push_back(t.text);
    EXPECT_EQ(texts, c["tokens"].get<std::vector<std::string>>()) << model << "/" << name;
    if (c.contains("token_type_ids") && c["token_type_ids"].is_array()) {
      EXPECT_EQ(e.token_type_ids, c["token_type_ids"].get<std::vector<int32_t>>()) << model << "/" << name;
    }
    if (c.contains("untruncated_num_tokens")) {
      const int64_t dropped = c["untruncated_num_tokens"].get<int64_t>() - static_cast<int64_t>(e.tokens.size());
      EXPECT_EQ(e.dropped_tokens, dropped) << model << "/" << name;
      EXPECT_EQ(e.warnings.size(), 1u) << model << "/" << name;
      if (!e.warnings.empty()) {
        EXPECT_NE(e.warnings[0].find("dropped " + std::to_string(dropped)), std::string::npos) << e.warnings[0];
      }
      counts.truncated += 1;
    } else {
      EXPECT_TRUE(e.warnings.empty()) << model << "/" << name;
    }
    counts.pairs += pair ? 1 : 0;
    counts.cases += 1;
  }
  return counts;
}

TEST(TokenizerGoldenCases, BertUncasedL4IncludingTruncationTo512) {
  AS_REQUIRE_SHARED();
  const CaseCounts c = check_model_cases("random-bert-uncased-L4-H256");
  EXPECT_EQ(c.cases, 15u);
  EXPECT_EQ(c.truncated, 1u);  // overlong_truncated_512: 700 tokens -> 512
  EXPECT_EQ(c.pairs, 1u);
}

TEST(TokenizerGoldenCases, SmallEncoderModels) {
  AS_REQUIRE_SHARED();
  EXPECT_EQ(check_model_cases("random-distilbert-uncased-L2-H64-f16").cases, 13u);
  EXPECT_EQ(check_model_cases("random-bert-uncased-L2-H64-bf16").cases, 13u);
  EXPECT_EQ(check_model_cases("random-bert-uncased-L2-H64-bin").cases, 3u);
}

TEST(TokenizerGoldenCases, RobertaWithoutTokenizerConfig) {
  AS_REQUIRE_SHARED();
  const CaseCounts c = check_model_cases("random-roberta-L2-H64-f16");
  EXPECT_EQ(c.cases, 13u);
  EXPECT_EQ(c.pairs, 1u);
}

TEST(TokenizerGoldenCases, Gpt2Models) {
  AS_REQUIRE_SHARED();
  EXPECT_EQ(check_model_cases("random-gpt2-L4-H256").cases, 14u);
  EXPECT_EQ(check_model_cases("random-gpt2-L4-H256-f16").cases, 4u);
  EXPECT_EQ(check_model_cases("random-gpt2-L2-H64-sharded").cases, 12u);
}

}  // namespace
