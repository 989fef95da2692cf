#pragma once
// Positional encodings for the teaching panel: the sinusoidal table of "Attention Is All You
// Need", PE(pos, 2i) = sin(pos / 10000^(2i/d)) and PE(pos, 2i+1) = cos(pos / 10000^(2i/d)), the
// first rows of a model's learned position table, and the position × position similarity of
// either. Qt-free and tested against the formula and the checkpoint.
#include <cstdint>

#include "core/tensor.h"
#include "ui/attention_math.h"

namespace as::ui {

// [positions, d]; d may be odd (the last column is then a sine).
Matrix sinusoidal_encoding(int64_t positions, int64_t d);
// One entry of the table, straight from the formula (the view's tooltips use it too).
double sinusoidal_value(int64_t position, int64_t column, int64_t d);

// Rows [0, rows) of a [P, H] table (all of them when rows exceeds P).
Matrix leading_rows(const Tensor& table, int64_t rows);

enum class Similarity { DotProduct, Cosine };
// [rows, rows]: entry (i, j) = rowᵢ · rowⱼ, or that divided by |rowᵢ| |rowⱼ| (0 for a zero row).
Matrix row_similarity(const Matrix& m, Similarity kind);

// Column `column` of `m` as one curve over the rows.
std::vector<double> column_values(const Matrix& m, int64_t column);

}  // namespace as::ui
