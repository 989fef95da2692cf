// Every golden case of every supported checkpoint in ../shared/golden, run from its golden token
// ids on the CPU backend and compared tensor by tensor with transformers' own outputs, using the
// tolerances of ../shared/golden/README.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>

#include "core/error.h"
#include "io/safetensors.h"
#include "models/model.h"
#include "models/roberta.h"
#include "support/golden.h"
#include "support/test_support.h"

namespace as {
namespace {

using nlohmann::json;
using test::GoldenCase;

// Models are loaded once per process and shared by all cases.
Model& model_for(const std::string& name) {
  static std::map<std::string, std::unique_ptr<Model>> models;
  auto& slot = models[name];
  if (!slot) slot = load_model(test::models_dir() / name, make_cpu_backend(2));
  return *slot;
}

ForwardInput input_of(const json& g) {
  ForwardInput in;
  in.ids = g["input_ids"].get<std::vector<int32_t>>();
  if (g.contains("token_type_ids") && g["token_type_ids"].is_array())
    in.token_type_ids = g["token_type_ids"].get<std::vector<int32_t>>();
  return in;
}

class GoldenForward : public ::testing::TestWithParam<GoldenCase> {};

TEST(RobertaPositions, MatchTheGoldenPositionIds) {
  AS_REQUIRE_SHARED();
  for (const auto& c : test::golden_cases({"random-roberta-L2-H64-f16"})) {
    const json g = test::read_json(c.json_path);
    EXPECT_EQ(RobertaModel::position_ids(g["input_ids"].get<std::vector<int32_t>>(), 1),
              g["position_ids"].get<std::vector<int32_t>>())
        << c.name;
  }
  // A padding token keeps padding_idx and does not advance the count (HF's cumsum rule).
  EXPECT_EQ(RobertaModel::position_ids({0, 5, 1, 7}, 1), (std::vector<int32_t>{2, 3, 1, 4}));
}

TEST_P(GoldenForward, MatchesTransformers) {
  AS_REQUIRE_SHARED();
  const GoldenCase& c = GetParam();
  const json g = test::read_json(c.json_path);
  Model& model = model_for(c.model);
  if (g["input_ids"].empty()) {
    // HF cannot run GPT-2 on an empty sequence; neither do we, with a clear error.
    EXPECT_THROW(model.forward(input_of(g)), Error);
    return;
  }
  ForwardOptions options;
  options.logits_positions = g["logits_positions"].get<std::vector<int64_t>>();
  if (g.contains("logits_summary"))
    for (const auto& s : g["logits_summary"]) options.logits_positions->push_back(s["position"].get<int64_t>());
  const ForwardResult r = model.forward(input_of(g), options);
  auto golden = SafetensorsFile::open(c.json_path.parent_path() / g["tensors_file"].get<std::string>());

  for (int l : g["attention_layers_stored"].get<std::vector<int>>()) {
    test::expect_close(r.attentions.at(static_cast<size_t>(l)), golden->load_f32("attentions." + std::to_string(l)),
                       test::kAttentionTol, "attentions." + std::to_string(l));
    test::expect_scores_consistent(r.scores.at(static_cast<size_t>(l)), r.attentions.at(static_cast<size_t>(l)));
  }
  for (int i : g["hidden_state_indices_stored"].get<std::vector<int>>())
    test::expect_close(r.hidden_states.at(static_cast<size_t>(i)), golden->load_f32("hidden_states." + std::to_string(i)),
                       test::kHiddenTol, "hidden_states." + std::to_string(i));
  const size_t stored_logit_rows = g["logits_positions"].size();
  if (stored_logit_rows > 0)
    test::expect_rows_close(r.logits, 0, golden->load_f32("logits"), test::kLogitTol, "logits");
  if (g.contains("logits_summary"))
    for (size_t k = 0; k < g["logits_summary"].size(); ++k)
      test::expect_logits_summary(r.logits, static_cast<int64_t>(stored_logit_rows + k), g["logits_summary"][k]);
  if (g.contains("fill_mask")) test::expect_fill_mask(r, g["fill_mask"]);
  if (g.contains("next_token_top10")) test::expect_top_k(r.logits, 0, g["next_token_top10"], "next_token_top10");
  if (g.contains("nsp")) {
    ASSERT_TRUE(r.nsp_logits.has_value()) << "checkpoint has an NSP head but no NSP logits were produced";
    EXPECT_NEAR((*r.nsp_logits)[0], g["nsp"]["logits"][0].get<double>(), test::kLogitTol);
    EXPECT_NEAR((*r.nsp_logits)[1], g["nsp"]["logits"][1].get<double>(), test::kLogitTol);
  }
}

// Greedy generation with the KV cache: every step's chosen id and top-5 probabilities.
class GoldenGeneration : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenGeneration, GreedyWithKvCacheMatchesTransformers) {
  AS_REQUIRE_SHARED();
  const GoldenCase& c = GetParam();
  const json g = test::read_json(c.json_path);
  if (!g.contains("generation") || g["input_ids"].empty()) GTEST_SKIP() << "no generation in this case";
  Model& model = model_for(c.model);
  auto state = model.new_state();
  ForwardOptions options;
  options.capture_attention = options.capture_hidden = false;
  std::vector<int32_t> next = g["input_ids"].get<std::vector<int32_t>>();
  for (const auto& step : g["generation"]["steps"]) {
    options.logits_positions = std::vector<int64_t>{static_cast<int64_t>(next.size()) - 1};
    const ForwardResult r = model.extend(*state, next, options);
    test::expect_top_k(r.logits, 0, step["top5"], "step " + step["step"].dump(), test::kGenerationProbTol);
    const float* row = r.logits.data();
    const int32_t chosen = static_cast<int32_t>(std::max_element(row, row + r.logits.dim(1)) - row);
    ASSERT_EQ(chosen, step["chosen_id"].get<int32_t>()) << "greedy step " << step["step"];
    next = {chosen};
  }
  EXPECT_EQ(state->length(), static_cast<int64_t>(g["input_ids"].size() + g["generation"]["steps"].size()) - 1);
}

const std::vector<std::string> kSupportedModels = {
    "random-bert-uncased-L4-H256", "random-gpt2-L4-H256", "random-gpt2-L4-H256-f16",
    "random-bert-uncased-L2-H64-bf16", "random-gpt2-L2-H64-sharded", "random-distilbert-uncased-L2-H64-f16",
    "random-roberta-L2-H64-f16", "random-bert-uncased-L2-H64-bin"};

INSTANTIATE_TEST_SUITE_P(Checkpoints, GoldenForward, ::testing::ValuesIn(test::golden_cases(kSupportedModels)),
                         test::golden_case_name);
INSTANTIATE_TEST_SUITE_P(Checkpoints, GoldenGeneration,
                         ::testing::ValuesIn(test::golden_cases({"random-gpt2-L4-H256", "random-gpt2-L4-H256-f16",
                                                                 "random-gpt2-L2-H64-sharded"})),
                         test::golden_case_name);

}  // namespace
}  // namespace as
