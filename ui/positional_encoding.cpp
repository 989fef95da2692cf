#include "ui/positional_encoding.h"

#include <algorithm>
#include <cmath>

namespace as::ui {

double sinusoidal_value(int64_t position, int64_t column, int64_t d) {
  const int64_t pair = column / 2;  // i of 2i and 2i+1
  const double angle = static_cast<double>(position) /
                       std::pow(10000.0, static_cast<double>(2 * pair) / static_cast<double>(d));
  return column % 2 == 0 ? std::sin(angle) : std::cos(angle);
}

Matrix sinusoidal_encoding(int64_t positions, int64_t d) {
  Matrix m{positions, d, std::vector<float>(static_cast<size_t>(positions * d))};
  for (int64_t p = 0; p < positions; ++p)
    for (int64_t c = 0; c < d; ++c) m.at(p, c) = static_cast<float>(sinusoidal_value(p, c, d));
  return m;
}

Matrix leading_rows(const Tensor& table, int64_t rows) {
  if (table.rank() != 2) return {};
  rows = std::clamp<int64_t>(rows, 0, table.dim(0));
  const int64_t cols = table.dim(1);
  Matrix m{rows, cols, std::vector<float>(table.data(), table.data() + rows * cols)};
  return m;
}

Matrix row_similarity(const Matrix& m, Similarity kind) {
  Matrix s{m.rows, m.rows, std::vector<float>(static_cast<size_t>(m.rows * m.rows))};
  std::vector<double> norms(static_cast<size_t>(m.rows));
  const auto dot = [&m](int64_t a, int64_t b) {
    double sum = 0.0;
    for (int64_t c = 0; c < m.cols; ++c) sum += static_cast<double>(m.at(a, c)) * static_cast<double>(m.at(b, c));
    return sum;
  };
  for (int64_t r = 0; r < m.rows; ++r) norms[static_cast<size_t>(r)] = std::sqrt(dot(r, r));
  for (int64_t i = 0; i < m.rows; ++i) {
    for (int64_t j = 0; j < m.rows; ++j) {
      double v = dot(i, j);
      if (kind == Similarity::Cosine) {
        const double n = norms[static_cast<size_t>(i)] * norms[static_cast<size_t>(j)];
        v = n > 0.0 ? v / n : 0.0;
      }
      s.at(i, j) = static_cast<float>(v);
    }
  }
  return s;
}

std::vector<double> column_values(const Matrix& m, int64_t column) {
  std::vector<double> values;
  if (column < 0 || column >= m.cols) return values;
  values.reserve(static_cast<size_t>(m.rows));
  for (int64_t r = 0; r < m.rows; ++r) values.push_back(m.at(r, column));
  return values;
}

}  // namespace as::ui
