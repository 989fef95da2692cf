#include "ui/attention_math.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace as::ui {
namespace {

struct HeadShape {
  int64_t heads = 0;
  int64_t rows = 0;
  int64_t cols = 0;
};

HeadShape head_shape(const Tensor& per_head) {
  if (per_head.rank() != 3) {
    throw std::invalid_argument("attention tensor must be [heads, queries, keys], got " +
                                shape_to_string(per_head.shape()));
  }
  return {per_head.dim(0), per_head.dim(1), per_head.dim(2)};
}

Matrix zero_matrix(int64_t rows, int64_t cols) {
  return {rows, cols, std::vector<float>(static_cast<size_t>(rows * cols), 0.0f)};
}

Matrix identity_matrix(int64_t size) {
  Matrix m = zero_matrix(size, size);
  for (int64_t i = 0; i < size; ++i) m.at(i, i) = 1.0f;
  return m;
}

Matrix multiply(const Matrix& a, const Matrix& b) {
  Matrix product = zero_matrix(a.rows, b.cols);
  for (int64_t i = 0; i < a.rows; ++i) {
    for (int64_t k = 0; k < a.cols; ++k) {
      const float aik = a.at(i, k);
      if (aik == 0.0f) continue;
      for (int64_t j = 0; j < b.cols; ++j) product.at(i, j) += aik * b.at(k, j);
    }
  }
  return product;
}

// 0.5·A + 0.5·I with each row summing to 1 again (rows of A already do, unless fully masked).
Matrix with_residual(const Matrix& attention) {
  Matrix mixed = attention;
  for (int64_t i = 0; i < mixed.rows; ++i) {
    float row_sum = 0.0f;
    for (int64_t j = 0; j < mixed.cols; ++j) {
      mixed.at(i, j) = 0.5f * mixed.at(i, j) + (i == j ? 0.5f : 0.0f);
      row_sum += mixed.at(i, j);
    }
    if (row_sum > 0.0f) {
      for (int64_t j = 0; j < mixed.cols; ++j) mixed.at(i, j) /= row_sum;
    }
  }
  return mixed;
}

}  // namespace

Matrix head_matrix(const Tensor& per_head, int64_t head) {
  const HeadShape shape = head_shape(per_head);
  if (head < 0 || head >= shape.heads) {
    throw std::out_of_range("head " + std::to_string(head) + " out of range (the layer has " +
                            std::to_string(shape.heads) + " heads)");
  }
  const float* first = per_head.data() + head * shape.rows * shape.cols;
  return {shape.rows, shape.cols, std::vector<float>(first, first + shape.rows * shape.cols)};
}

Matrix mean_of_heads(const Tensor& per_head) {
  const HeadShape shape = head_shape(per_head);
  Matrix mean = zero_matrix(shape.rows, shape.cols);
  if (shape.heads == 0) return mean;
  // Accumulate in double: with many heads float sums drift in the last digits the tooltip shows.
  std::vector<double> sum(mean.values.size(), 0.0);
  for (int64_t h = 0; h < shape.heads; ++h) {
    const float* values = per_head.data() + h * shape.rows * shape.cols;
    for (size_t i = 0; i < sum.size(); ++i) sum[i] += static_cast<double>(values[i]);
  }
  for (size_t i = 0; i < sum.size(); ++i) {
    mean.values[i] = static_cast<float>(sum[i] / static_cast<double>(shape.heads));
  }
  return mean;
}

Matrix max_of_heads(const Tensor& per_head) {
  const HeadShape shape = head_shape(per_head);
  Matrix maximum = zero_matrix(shape.rows, shape.cols);
  std::fill(maximum.values.begin(), maximum.values.end(), -std::numeric_limits<float>::infinity());
  for (int64_t h = 0; h < shape.heads; ++h) {
    const float* values = per_head.data() + h * shape.rows * shape.cols;
    for (size_t i = 0; i < maximum.values.size(); ++i) {
      maximum.values[i] = std::max(maximum.values[i], values[i]);
    }
  }
  return maximum;
}

Matrix aggregate_heads(const Tensor& per_head, HeadAggregate aggregate, int64_t head) {
  switch (aggregate) {
    case HeadAggregate::Mean: return mean_of_heads(per_head);
    case HeadAggregate::Max: return max_of_heads(per_head);
    case HeadAggregate::Single: break;
  }
  return head_matrix(per_head, head);
}

void blank_masked_cells(Matrix& matrix, const Matrix& scores) {
  if (scores.rows != matrix.rows || scores.cols != matrix.cols) {
    throw std::invalid_argument("mask and matrix differ in shape");
  }
  for (size_t i = 0; i < matrix.values.size(); ++i) {
    if (std::isinf(scores.values[i]) && scores.values[i] < 0.0f) {
      matrix.values[i] = std::numeric_limits<float>::quiet_NaN();
    }
  }
}

Matrix masked_head(const Tensor& probabilities, const Tensor& scores, int64_t head) {
  Matrix weights = head_matrix(probabilities, head);
  blank_masked_cells(weights, head_matrix(scores, head));
  return weights;
}

ValueRange finite_range(const Matrix& matrix) {
  ValueRange range;
  for (const float v : matrix.values) {
    if (!std::isfinite(v)) continue;
    if (!range.valid) {
      range = {v, v, true};
    } else {
      range.min = std::min(range.min, v);
      range.max = std::max(range.max, v);
    }
  }
  return range;
}

Matrix attention_rollout(const std::vector<Tensor>& attentions, int64_t through_layer) {
  if (attentions.empty()) return {};
  if (through_layer < 0 || through_layer >= static_cast<int64_t>(attentions.size())) {
    throw std::out_of_range("rollout layer " + std::to_string(through_layer) + " out of range");
  }
  std::vector<Matrix> means;
  for (int64_t layer = 0; layer <= through_layer; ++layer)
    means.push_back(mean_of_heads(attentions[static_cast<size_t>(layer)]));
  return attention_rollout_of_means(means, through_layer);
}

Matrix attention_rollout_of_means(const std::vector<Matrix>& head_means, int64_t through_layer) {
  if (head_means.empty()) return {};
  if (through_layer < 0 || through_layer >= static_cast<int64_t>(head_means.size())) {
    throw std::out_of_range("rollout layer " + std::to_string(through_layer) + " out of range");
  }
  Matrix rollout = identity_matrix(head_means.front().rows);
  for (int64_t layer = 0; layer <= through_layer; ++layer) {
    const Matrix mixed = with_residual(head_means[static_cast<size_t>(layer)]);
    if (mixed.rows != mixed.cols || mixed.cols != rollout.rows) {
      throw std::invalid_argument("rollout needs square attention over the same tokens in every layer");
    }
    rollout = multiply(mixed, rollout);  // later layers act on what earlier layers already mixed
  }
  return rollout;
}

Matrix max_pooled(const Matrix& matrix, int64_t max_side) {
  if (max_side <= 0) throw std::invalid_argument("max_pooled needs a positive side");
  if (matrix.rows <= max_side && matrix.cols <= max_side) return matrix;
  const int64_t rows = std::min(matrix.rows, max_side), cols = std::min(matrix.cols, max_side);
  Matrix pooled{rows, cols, std::vector<float>(static_cast<size_t>(rows * cols), std::numeric_limits<float>::quiet_NaN())};
  // Block r covers source rows [r·R/rows, (r+1)·R/rows): every source cell in exactly one block.
  for (int64_t r = 0; r < matrix.rows; ++r) {
    const int64_t pr = r * rows / matrix.rows;
    for (int64_t c = 0; c < matrix.cols; ++c) {
      const float v = matrix.at(r, c);
      if (std::isnan(v)) continue;
      float& cell = pooled.at(pr, c * cols / matrix.cols);
      if (std::isnan(cell) || v > cell) cell = v;
    }
  }
  return pooled;
}

}  // namespace as::ui
