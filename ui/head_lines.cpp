#include "ui/head_lines.h"

#include <algorithm>

namespace as::ui {
namespace {

void sort_faintest_first(std::vector<HeadLine>& lines) {
  std::stable_sort(lines.begin(), lines.end(),
                   [](const HeadLine& a, const HeadLine& b) { return a.weight < b.weight; });
}

bool valid_head(const Tensor& probabilities, int head) { return head >= 0 && head < probabilities.dim(0); }

}  // namespace

std::vector<HeadLine> head_lines(const Tensor& probabilities, const std::vector<int>& heads,
                                 const HeadLinesOptions& options) {
  std::vector<HeadLine> lines;
  if (probabilities.rank() != 3) return lines;
  const int64_t rows = probabilities.dim(1);
  const int64_t cols = probabilities.dim(2);
  const float* data = probabilities.data();
  for (int head : heads) {
    if (!valid_head(probabilities, head)) continue;
    const float* matrix = data + static_cast<int64_t>(head) * rows * cols;
    for (int64_t r = 0; r < rows; ++r) {
      for (int64_t c = 0; c < cols; ++c) {
        const float weight = matrix[r * cols + c];
        if (weight >= options.min_weight) lines.push_back({head, static_cast<int>(r), static_cast<int>(c), weight});
      }
    }
  }
  if (lines.size() > options.max_lines) {
    const auto cut = lines.begin() + static_cast<std::ptrdiff_t>(lines.size() - options.max_lines);
    std::nth_element(lines.begin(), cut, lines.end(),
                     [](const HeadLine& a, const HeadLine& b) { return a.weight < b.weight; });
    lines.erase(lines.begin(), cut);
  }
  sort_faintest_first(lines);
  return lines;
}

std::vector<HeadLine> lines_of_token(const Tensor& probabilities, const std::vector<int>& heads, int token,
                                     LineSide side) {
  std::vector<HeadLine> lines;
  if (probabilities.rank() != 3) return lines;
  const int64_t rows = probabilities.dim(1);
  const int64_t cols = probabilities.dim(2);
  const int64_t limit = side == LineSide::Query ? rows : cols;
  if (token < 0 || token >= limit) return lines;
  for (int head : heads) {
    if (!valid_head(probabilities, head)) continue;
    const int64_t others = side == LineSide::Query ? cols : rows;
    for (int64_t other = 0; other < others; ++other) {
      const int from = side == LineSide::Query ? token : static_cast<int>(other);
      const int to = side == LineSide::Query ? static_cast<int>(other) : token;
      const float weight = probabilities.at(head, from, to);
      if (weight > 0.0f) lines.push_back({head, from, to, weight});
    }
  }
  sort_faintest_first(lines);
  return lines;
}

}  // namespace as::ui
