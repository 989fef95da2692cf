#include "ui/head_steps.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "ui/attention_export.h"

namespace as::ui {
namespace {

std::vector<float> head_slice(const Tensor& per_token, int64_t token, int64_t head, int64_t dim) {
  std::vector<float> slice(static_cast<size_t>(dim));
  for (int64_t d = 0; d < dim; ++d) slice[static_cast<size_t>(d)] = per_token.at(token, head * dim + d);
  return slice;
}

double dot(const std::vector<float>& a, const std::vector<float>& b) {
  double sum = 0.0;
  for (size_t i = 0; i < a.size(); ++i) sum += static_cast<double>(a[i]) * static_cast<double>(b[i]);
  return sum;
}

void check_request(const ForwardResult& f, const HeadStepsRequest& r) {
  if (f.queries.empty()) throw std::invalid_argument("the run has no captured Q, K, V (capture_qkv was off)");
  if (r.layer < 0 || r.layer >= static_cast<int64_t>(f.queries.size()))
    throw std::out_of_range("layer " + std::to_string(r.layer) + " does not exist");
  const auto l = static_cast<size_t>(r.layer);
  const int64_t heads = f.attentions.empty() ? 0 : f.attentions[l].dim(0);
  if (r.head < 0 || r.head >= heads) throw std::out_of_range("head " + std::to_string(r.head) + " does not exist");
  if (r.query < 0 || r.query >= f.queries[l].dim(0))
    throw std::out_of_range("token " + std::to_string(r.query) + " does not exist");
}

// softmax over the unmasked entries, computed as the engine and transformers do: minus the
// maximum first, so exp never overflows.
std::vector<double> softmax(const std::vector<double>& scores, const std::vector<bool>& masked) {
  double top = -std::numeric_limits<double>::infinity();
  for (size_t j = 0; j < scores.size(); ++j)
    if (!masked[j]) top = std::max(top, scores[j]);
  std::vector<double> weights(scores.size(), 0.0);
  double total = 0.0;
  for (size_t j = 0; j < scores.size(); ++j)
    if (!masked[j]) total += (weights[j] = std::exp(scores[j] - top));
  if (total > 0.0)
    for (double& w : weights) w /= total;
  return weights;
}

}  // namespace

HeadSteps head_steps(const ForwardResult& f, const HeadStepsRequest& request) {
  check_request(f, request);
  const auto l = static_cast<size_t>(request.layer);
  const int64_t heads = f.attentions[l].dim(0);
  const Tensor& keys = f.keys[l];
  const Tensor& values = f.values[l];
  HeadSteps s;
  s.request = request;
  s.head_dim = f.queries[l].dim(1) / heads;
  s.divisor = std::sqrt(static_cast<double>(s.head_dim));
  s.query = head_slice(f.queries[l], request.query, request.head, s.head_dim);
  // With a KV cache the keys run on past the queries: query i sits at key position past + i.
  const int64_t Tk = keys.dim(0), past = Tk - f.queries[l].dim(0);
  for (int64_t j = 0; j < Tk; ++j) {
    s.keys.push_back(head_slice(keys, j, request.head, s.head_dim));
    s.values.push_back(head_slice(values, j, request.head, s.head_dim));
    const double d = dot(s.query, s.keys.back());
    const bool causal_mask = request.causal && j > past + request.query;
    const bool padding = !request.key_mask.empty() && request.key_mask[static_cast<size_t>(j)] == 0;
    s.dots.push_back(d);
    s.scaled.push_back(d / s.divisor);
    s.masked.push_back(causal_mask || padding);
    s.masked_scores.push_back(s.masked.back() ? -std::numeric_limits<double>::infinity() : s.scaled.back());
  }
  s.weights = softmax(s.masked_scores, s.masked);
  s.output.assign(static_cast<size_t>(s.head_dim), 0.0);
  for (size_t j = 0; j < s.values.size(); ++j)
    for (size_t d = 0; d < s.output.size(); ++d) s.output[d] += s.weights[j] * static_cast<double>(s.values[j][d]);
  return s;
}

std::string head_steps_csv(const HeadSteps& s, const std::vector<std::string>& key_labels) {
  std::ostringstream out;
  out.precision(9);
  out << "key,q_dot_k,scaled,masked,weight\n";
  for (size_t j = 0; j < s.dots.size(); ++j) {
    out << csv_field(j < key_labels.size() ? key_labels[j] : std::to_string(j)) << ',' << s.dots[j] << ','
        << s.scaled[j] << ',' << (s.masked[j] ? 1 : 0) << ',' << s.weights[j] << '\n';
  }
  return out.str();
}

}  // namespace as::ui
