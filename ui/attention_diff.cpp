#include "ui/attention_diff.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace as::ui {
namespace {

const Tensor& layer_of(const std::vector<Tensor>& layers, int64_t layer, int64_t head) {
  if (layer < 0 || layer >= static_cast<int64_t>(layers.size()))
    throw std::out_of_range("layer " + std::to_string(layer) + " does not exist in both runs");
  const Tensor& t = layers[static_cast<size_t>(layer)];
  if (t.empty()) throw std::invalid_argument("layer " + std::to_string(layer) + " was not kept by a run");
  if (head < 0 || head >= t.dim(0)) throw std::out_of_range("head " + std::to_string(head) + " does not exist");
  return t;
}

// A probability of a masked cell (the causal mask) is not a learned value: blank in the difference.
bool masked(const ForwardResult& f, int64_t layer, int64_t head, int64_t i, int64_t j) {
  if (f.scores.size() <= static_cast<size_t>(layer)) return false;
  return std::isinf(f.scores[static_cast<size_t>(layer)].at(head, i, j));
}

}  // namespace

AttentionDiff attention_difference(const ForwardResult& a, const ForwardResult& b, int64_t layer, int64_t head) {
  const Tensor& ta = layer_of(a.attentions, layer, head);
  const Tensor& tb = layer_of(b.attentions, layer, head);
  if (ta.dim(0) != tb.dim(0)) throw std::invalid_argument("the two models have different numbers of heads");
  AttentionDiff d;
  d.tokens_a = ta.dim(1);
  d.tokens_b = tb.dim(1);
  d.compared = std::min(d.tokens_a, d.tokens_b);
  const int64_t n = d.compared;
  Matrix& m = d.heatmap.matrix;
  m = Matrix{n, n, std::vector<float>(static_cast<size_t>(n * n))};
  for (int64_t i = 0; i < n; ++i) {
    for (int64_t j = 0; j < n; ++j) {
      if (masked(a, layer, head, i, j) || masked(b, layer, head, i, j)) {
        m.at(i, j) = std::numeric_limits<float>::quiet_NaN();
        continue;
      }
      m.at(i, j) = ta.at(head, i, j) - tb.at(head, i, j);
      d.max_abs = std::max(d.max_abs, std::abs(m.at(i, j)));
    }
  }
  // Symmetric around 0, so white always means "no difference" and the two reds/blues compare.
  const float range = d.max_abs > 0.0f ? d.max_abs : 1.0f;
  d.heatmap.colour_range = {-range, range, true};
  d.heatmap.values = ValueKind::Probabilities;
  d.heatmap.title = "Layer " + std::to_string(layer) + " · head " + std::to_string(head) + " · attention A − B";
  d.heatmap.value_name = "A − B";
  return d;
}

std::vector<std::string> diff_labels(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const size_t n = std::min(a.size(), b.size());
  std::vector<std::string> labels;
  labels.reserve(n);
  for (size_t i = 0; i < n; ++i) labels.push_back(a[i] == b[i] ? a[i] : a[i] + " ≠ " + b[i]);
  return labels;
}

}  // namespace as::ui
