#include "ui/attention_math.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace as::ui {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

// [heads, rows, cols] from values listed head by head, row by row.
Tensor tensor3(int64_t heads, int64_t rows, int64_t cols, std::vector<float> values) {
  Tensor t({heads, rows, cols});
  std::copy(values.begin(), values.end(), t.mutable_data());
  return t;
}

// Two heads over two tokens.
Tensor two_heads() { return tensor3(2, 2, 2, {0.9f, 0.1f, 0.4f, 0.6f, /*head 1*/ 0.5f, 0.5f, 0.2f, 0.8f}); }

TEST(AttentionMath, HeadMatrixPicksOneHead) {
  const Matrix m = head_matrix(two_heads(), 1);
  EXPECT_EQ(m.rows, 2);
  EXPECT_EQ(m.cols, 2);
  EXPECT_EQ(m.values, (std::vector<float>{0.5f, 0.5f, 0.2f, 0.8f}));
  EXPECT_THROW(head_matrix(two_heads(), 2), std::out_of_range);
}

TEST(AttentionMath, MeanOfHeadsMatchesHandComputed) {
  const Matrix m = mean_of_heads(two_heads());
  EXPECT_FLOAT_EQ(m.at(0, 0), 0.7f);
  EXPECT_FLOAT_EQ(m.at(0, 1), 0.3f);
  EXPECT_FLOAT_EQ(m.at(1, 0), 0.3f);
  EXPECT_FLOAT_EQ(m.at(1, 1), 0.7f);
}

TEST(AttentionMath, MaxOfHeadsMatchesHandComputed) {
  const Matrix m = max_of_heads(two_heads());
  EXPECT_EQ(m.values, (std::vector<float>{0.9f, 0.5f, 0.4f, 0.8f}));
}

TEST(AttentionMath, AggregatesKeepCausallyMaskedScoresMasked) {
  const Tensor scores = tensor3(2, 2, 2, {1.0f, -kInf, 2.0f, 3.0f, /*head 1*/ 3.0f, -kInf, -2.0f, 1.0f});
  const Matrix mean = mean_of_heads(scores);
  EXPECT_TRUE(std::isinf(mean.at(0, 1)) && mean.at(0, 1) < 0);
  EXPECT_FLOAT_EQ(mean.at(0, 0), 2.0f);
  EXPECT_FLOAT_EQ(mean.at(1, 0), 0.0f);
  const Matrix max = max_of_heads(scores);
  EXPECT_TRUE(std::isinf(max.at(0, 1)) && max.at(0, 1) < 0);
  EXPECT_FLOAT_EQ(max.at(1, 1), 3.0f);
}

TEST(AttentionMath, BlankMaskedCellsTurnsMaskedIntoNaN) {
  Matrix probabilities{2, 2, {1.0f, 0.0f, 0.25f, 0.75f}};
  const Matrix scores{2, 2, {0.5f, -kInf, 1.0f, 2.0f}};
  blank_masked_cells(probabilities, scores);
  EXPECT_FLOAT_EQ(probabilities.at(0, 0), 1.0f);
  EXPECT_TRUE(std::isnan(probabilities.at(0, 1)));
  EXPECT_FLOAT_EQ(probabilities.at(1, 0), 0.25f);
}

TEST(AttentionMath, FiniteRangeSkipsNaNAndInfinity) {
  const Matrix m{1, 4, {std::nanf(""), -kInf, 0.5f, -1.5f}};
  const ValueRange range = finite_range(m);
  ASSERT_TRUE(range.valid);
  EXPECT_FLOAT_EQ(range.min, -1.5f);
  EXPECT_FLOAT_EQ(range.max, 0.5f);
  EXPECT_FALSE(finite_range(Matrix{1, 1, {std::nanf("")}}).valid);
}

TEST(AttentionMath, RolloutOfOneLayerIsHalfMeanAttentionPlusHalfIdentity) {
  const Matrix r = attention_rollout({two_heads()}, 0);
  // mean = [[0.7, 0.3], [0.3, 0.7]]; 0.5·mean + 0.5·I = [[0.85, 0.15], [0.15, 0.85]].
  EXPECT_NEAR(r.at(0, 0), 0.85f, 1e-6f);
  EXPECT_NEAR(r.at(0, 1), 0.15f, 1e-6f);
  EXPECT_NEAR(r.at(1, 0), 0.15f, 1e-6f);
  EXPECT_NEAR(r.at(1, 1), 0.85f, 1e-6f);
}

TEST(AttentionMath, RolloutMultipliesLayersInOrder) {
  // Layer 0 (one head): token 1 copies token 0. Layer 1: token 0 copies token 1.
  const Tensor layer0 = tensor3(1, 2, 2, {1.0f, 0.0f, 1.0f, 0.0f});
  const Tensor layer1 = tensor3(1, 2, 2, {0.0f, 1.0f, 0.0f, 1.0f});
  // Â0 = [[1, 0], [0.5, 0.5]], Â1 = [[0.5, 0.5], [0, 1]]; rollout = Â1·Â0 = [[0.75, 0.25], [0.5, 0.5]].
  const Matrix r = attention_rollout({layer0, layer1}, 1);
  EXPECT_NEAR(r.at(0, 0), 0.75f, 1e-6f);
  EXPECT_NEAR(r.at(0, 1), 0.25f, 1e-6f);
  EXPECT_NEAR(r.at(1, 0), 0.5f, 1e-6f);
  EXPECT_NEAR(r.at(1, 1), 0.5f, 1e-6f);
  EXPECT_THROW(attention_rollout({layer0, layer1}, 2), std::out_of_range);
}

TEST(AttentionMath, MaxPoolingKeepsEachBlocksStrongestWeightAndBlanksOnlyFullyMaskedBlocks) {
  const float n = std::nanf("");
  // 5 × 5 to 2 × 2: source rows/cols 0-2 go to block 0 (r·2/5 < 1), 3-4 to block 1.
  const Matrix m{5, 5, {0.1f, 0.2f, 0.3f, n,    n,
                        0.4f, 0.9f, 0.0f, n,    n,
                        0.1f, 0.1f, 0.1f, n,    n,
                        0.2f, 0.2f, 0.2f, 0.6f, n,
                        0.3f, 0.7f, 0.1f, 0.5f, 0.8f}};
  const Matrix p = max_pooled(m, 2);
  ASSERT_EQ(p.rows, 2);
  ASSERT_EQ(p.cols, 2);
  EXPECT_FLOAT_EQ(p.at(0, 0), 0.9f);
  EXPECT_TRUE(std::isnan(p.at(0, 1))) << "every cell of the block is masked";
  EXPECT_FLOAT_EQ(p.at(1, 0), 0.7f);
  EXPECT_FLOAT_EQ(p.at(1, 1), 0.8f) << "masked cells are skipped, not taken as the maximum";
  EXPECT_EQ(max_pooled(m, 5).values.size(), m.values.size()) << "small enough already: unchanged";
  EXPECT_THROW(max_pooled(m, 0), std::invalid_argument);
}

TEST(AttentionMath, RolloutOfMeansEqualsRolloutOfTheHeads) {
  const Tensor layer0 = two_heads();
  const Matrix from_heads = attention_rollout({layer0, layer0}, 1);
  const Matrix from_means = attention_rollout_of_means({mean_of_heads(layer0), mean_of_heads(layer0)}, 1);
  ASSERT_EQ(from_means.values.size(), from_heads.values.size());
  for (size_t i = 0; i < from_heads.values.size(); ++i) EXPECT_FLOAT_EQ(from_means.values[i], from_heads.values[i]);
}

}  // namespace
}  // namespace as::ui
