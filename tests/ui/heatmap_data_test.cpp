#include "ui/heatmap_data.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace as::ui {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

Tensor tensor3(int64_t heads, int64_t rows, int64_t cols, std::vector<float> values) {
  Tensor t({heads, rows, cols});
  std::copy(values.begin(), values.end(), t.mutable_data());
  return t;
}

// A causal (GPT-2-like) two-layer, two-head result over two tokens.
ForwardResult causal_result() {
  ForwardResult r;
  r.attentions = {tensor3(2, 2, 2, {1, 0, 0.25f, 0.75f, 1, 0, 0.5f, 0.5f}),
                  tensor3(2, 2, 2, {1, 0, 0.5f, 0.5f, 1, 0, 0.75f, 0.25f})};
  r.scores = {tensor3(2, 2, 2, {0.1f, -kInf, -1, 0.1f, 0.2f, -kInf, 0, 0}),
              tensor3(2, 2, 2, {0.3f, -kInf, 0, 0, 0.4f, -kInf, 1, -0.1f})};
  return r;
}

TEST(HeatmapData, SingleHeadBlanksTheCausalMask) {
  const HeatmapData d = heatmap_data(causal_result(), {.layer = 0, .head = 1});
  EXPECT_FLOAT_EQ(d.matrix.at(0, 0), 1.0f);
  EXPECT_TRUE(std::isnan(d.matrix.at(0, 1)));
  EXPECT_FLOAT_EQ(d.matrix.at(1, 0), 0.5f);
  EXPECT_EQ(d.title, "Layer 0 · head 1 · attention probabilities");
  ASSERT_TRUE(d.colour_range.valid);
  EXPECT_FLOAT_EQ(d.colour_range.min, 0.5f);
  EXPECT_FLOAT_EQ(d.colour_range.max, 1.0f);
}

TEST(HeatmapData, FixedUnitRangeAppliesToProbabilitiesOnly) {
  HeatmapSelection s{.layer = 1, .head = 0, .fixed_unit_range = true};
  const HeatmapData probabilities = heatmap_data(causal_result(), s);
  EXPECT_FLOAT_EQ(probabilities.colour_range.min, 0.0f);
  EXPECT_FLOAT_EQ(probabilities.colour_range.max, 1.0f);
  s.values = ValueKind::Scores;
  const HeatmapData scores = heatmap_data(causal_result(), s);
  EXPECT_FLOAT_EQ(scores.colour_range.min, 0.0f);
  EXPECT_FLOAT_EQ(scores.colour_range.max, 0.3f);
  EXPECT_EQ(scores.value_name, "score");
}

TEST(HeatmapData, MeanAndMaxOfHeads) {
  const HeatmapData mean = heatmap_data(causal_result(), {.layer = 1, .mode = HeatmapMode::MeanOfHeads});
  EXPECT_FLOAT_EQ(mean.matrix.at(1, 0), 0.625f);
  EXPECT_EQ(mean.title, "Layer 1 · mean of heads · attention probabilities");
  const HeatmapData max = heatmap_data(causal_result(), {.layer = 1, .mode = HeatmapMode::MaxOfHeads});
  EXPECT_FLOAT_EQ(max.matrix.at(1, 0), 0.75f);
  EXPECT_TRUE(std::isnan(max.matrix.at(0, 1)));
}

TEST(HeatmapData, RolloutAlwaysUsesProbabilities) {
  HeatmapSelection s{.layer = 0, .mode = HeatmapMode::Rollout, .values = ValueKind::Scores};
  EXPECT_EQ(effective_selection(s).values, ValueKind::Probabilities);
  const HeatmapData d = heatmap_data(causal_result(), s);
  // Layer 0 mean = [[1, 0], [0.375, 0.625]] -> 0.5·mean + 0.5·I.
  EXPECT_NEAR(d.matrix.at(1, 0), 0.1875f, 1e-6f);
  EXPECT_NEAR(d.matrix.at(1, 1), 0.8125f, 1e-6f);
  EXPECT_TRUE(std::isnan(d.matrix.at(0, 1)));
  EXPECT_EQ(d.title, "Attention rollout through layers 0–0");
}

TEST(HeatmapData, OutOfRangeSelectionThrows) {
  EXPECT_THROW(heatmap_data(causal_result(), {.layer = 2}), std::out_of_range);
  EXPECT_THROW(heatmap_data(causal_result(), {.layer = 0, .head = 5}), std::out_of_range);
}

}  // namespace
}  // namespace as::ui
