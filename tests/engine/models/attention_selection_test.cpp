// ForwardOptions::attention_layers (capture only the layers a viewer needs, issue 10 item 5) and
// ForwardOptions::cancel (stop between layers, item 6). The captured layers must still equal
// transformers' golden attentions; the others must be empty, not computed-and-kept.
#include <gtest/gtest.h>

#include <atomic>

#include "core/error.h"
#include "io/safetensors.h"
#include "models/model.h"
#include "support/golden.h"
#include "support/test_support.h"

namespace as {
namespace {

using nlohmann::json;

struct Case {
  const char* model;
  const char* golden_case;
};

class AttentionSelection : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    AS_REQUIRE_SHARED();
    model_ = load_model(test::models_dir() / GetParam().model, make_cpu_backend(1));
    golden_json_ = test::golden_dir() / GetParam().model / (std::string(GetParam().golden_case) + ".json");
    const json g = test::read_json(golden_json_);
    input_.ids = g["input_ids"].get<std::vector<int32_t>>();
    if (g.contains("token_type_ids") && g["token_type_ids"].is_array() && model_->info().family == "bert")
      input_.token_type_ids = g["token_type_ids"].get<std::vector<int32_t>>();
    golden_ = SafetensorsFile::open(golden_json_.parent_path() / g["tensors_file"].get<std::string>());
  }

  std::unique_ptr<Model> model_;
  std::filesystem::path golden_json_;
  ForwardInput input_;
  std::shared_ptr<const SafetensorsFile> golden_;
};

TEST_P(AttentionSelection, OnlyTheSelectedLayersAreCapturedAndTheyMatchTransformers) {
  ForwardOptions options;
  options.attention_layers = std::vector<int64_t>{1, 3};
  const ForwardResult r = model_->forward(input_, options);
  ASSERT_EQ(r.attentions.size(), 4u) << "one entry per layer, so indices keep naming layers";
  ASSERT_EQ(r.scores.size(), 4u);
  for (size_t l : {0u, 2u}) {
    EXPECT_TRUE(r.attentions[l].empty()) << "layer " << l;
    EXPECT_TRUE(r.scores[l].empty()) << "layer " << l;
  }
  for (int l : {1, 3}) {
    test::expect_close(r.attentions[static_cast<size_t>(l)], golden_->load_f32("attentions." + std::to_string(l)),
                       test::kAttentionTol, "attentions." + std::to_string(l));
    test::expect_scores_consistent(r.scores[static_cast<size_t>(l)], r.attentions[static_cast<size_t>(l)]);
  }
  // Skipping capture must not change what flows on: the last hidden state still matches.
  test::expect_close(r.hidden_states.back(), golden_->load_f32("hidden_states.4"), test::kHiddenTol, "hidden_states.4");
}

TEST_P(AttentionSelection, OnAttentionSeesEveryLayerWhileOnlyTheSelectedOneIsKept) {
  ForwardOptions options;
  options.attention_layers = std::vector<int64_t>{2};
  std::vector<size_t> seen;
  options.on_attention = [&](size_t layer, const Tensor& probabilities, const Tensor& scores) {
    seen.push_back(layer);
    const std::string name = "attentions." + std::to_string(layer);
    test::expect_close(probabilities, golden_->load_f32(name), test::kAttentionTol, name + " (on_attention)");
    test::expect_scores_consistent(scores, probabilities);
  };
  const ForwardResult r = model_->forward(input_, options);
  EXPECT_EQ(seen, (std::vector<size_t>{0, 1, 2, 3})) << "every layer, in order";
  for (size_t l : {0u, 1u, 3u}) EXPECT_TRUE(r.attentions[l].empty()) << "layer " << l << " must not be kept";
  test::expect_close(r.attentions[2], golden_->load_f32("attentions.2"), test::kAttentionTol, "attentions.2");
}

TEST_P(AttentionSelection, QueriesKeysAndValuesFollowTheSelectedLayers) {
  ForwardOptions options;
  options.capture_qkv = true;
  options.attention_layers = std::vector<int64_t>{1};
  const ForwardResult r = model_->forward(input_, options);
  ASSERT_EQ(r.queries.size(), 4u) << "one entry per layer";
  ASSERT_EQ(r.keys.size(), 4u);
  ASSERT_EQ(r.values.size(), 4u);
  const auto T = static_cast<int64_t>(input_.ids.size());
  for (size_t l = 0; l < 4; ++l) {
    if (l == 1) {
      EXPECT_EQ(r.queries[l].shape(), (Shape{T, model_->info().hidden}));
      EXPECT_EQ(r.values[l].shape(), (Shape{T, model_->info().hidden}));
    } else {
      EXPECT_TRUE(r.queries[l].empty() && r.keys[l].empty() && r.values[l].empty()) << "layer " << l;
    }
  }
}

TEST_P(AttentionSelection, ALayerOutsideTheModelIsAnError) {
  ForwardOptions options;
  options.attention_layers = std::vector<int64_t>{4};
  try {
    model_->forward(input_, options);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "attention layer 4 does not exist (the model has layers 0..3)");
  }
}

TEST_P(AttentionSelection, ARaisedCancelFlagStopsTheForwardPass) {
  std::atomic<bool> cancel{true};
  ForwardOptions options;
  options.cancel = &cancel;
  EXPECT_THROW(model_->forward(input_, options), Cancelled);
  cancel = false;
  EXPECT_NO_THROW(model_->forward(input_, options));
}

INSTANTIATE_TEST_SUITE_P(Models, AttentionSelection,
                         ::testing::Values(Case{"random-bert-uncased-L4-H256", "accents"},
                                           Case{"random-gpt2-L4-H256", "accents"}),
                         [](const auto& param_info) {
                           std::string name = param_info.param.model;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace as
