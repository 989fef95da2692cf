#pragma once
// Pure computations on attention tensors for the views: picking one head, combining heads, masking
// and rollout. Qt-free, so that they are unit-tested against hand-computed values.
#include <cstdint>
#include <vector>

#include "core/tensor.h"

namespace as::ui {

// A row-major [rows, cols] matrix: rows are queries (the token attending, "from"), columns are
// keys (the token attended to, "to"), as in the engine's [NH, Tq, Tk] tensors.
struct Matrix {
  int64_t rows = 0;
  int64_t cols = 0;
  std::vector<float> values;

  float at(int64_t row, int64_t col) const { return values[static_cast<size_t>(row * cols + col)]; }
  float& at(int64_t row, int64_t col) { return values[static_cast<size_t>(row * cols + col)]; }
  bool empty() const { return values.empty(); }
};

// How the heatmap turns a layer's heads into one matrix.
enum class HeadAggregate { Single, Mean, Max };

// One head of a [NH, Tq, Tk] tensor.
Matrix head_matrix(const Tensor& per_head, int64_t head);
// Element-wise mean / max over the heads. A cell masked (-inf) in every head stays -inf.
Matrix mean_of_heads(const Tensor& per_head);
Matrix max_of_heads(const Tensor& per_head);
Matrix aggregate_heads(const Tensor& per_head, HeadAggregate aggregate, int64_t head);

// Masked cells (where the pre-softmax `scores` are -inf: the causal mask, padding keys) become NaN,
// which the views draw as blank cells: a probability of 0 there is not a learned value.
void blank_masked_cells(Matrix& matrix, const Matrix& scores);
// One head's probabilities of a layer with its masked cells blanked (NaN).
Matrix masked_head(const Tensor& probabilities, const Tensor& scores, int64_t head);

struct ValueRange {
  float min = 0.0f;
  float max = 0.0f;
  bool valid = false;  // false when no value is finite
};
// The range of the finite values (NaN and ±inf are skipped).
ValueRange finite_range(const Matrix& matrix);

// Attention rollout (Abnar & Zuidema, 2020): how much each input token flows into each position
// after layers 0..through_layer, modelling the residual connection as 0.5·A + 0.5·I per layer
// with A the mean of the heads, rows renormalised to 1, and multiplying the layers together.
Matrix attention_rollout(const std::vector<Tensor>& attentions, int64_t through_layer);
// The same from each layer's mean of heads (what a long input keeps of every layer).
Matrix attention_rollout_of_means(const std::vector<Matrix>& head_means, int64_t through_layer);

// The matrix max-pooled to at most max_side × max_side cells (unchanged when it is that small):
// the strongest weight of each block, so thin patterns such as a diagonal stay visible. NaN
// (masked) cells count only when the whole block is masked.
Matrix max_pooled(const Matrix& matrix, int64_t max_side);

}  // namespace as::ui
