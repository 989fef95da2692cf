#include "models/blocks.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/error.h"

namespace as {

Mat apply_linear(Backend& be, const Mat& x, const LinearWeights& w, Activation act) {
  const int64_t out = w.layout == WeightLayout::OutIn ? w.weight.rows : w.weight.cols;
  Mat y = be.alloc(x.rows, out);
  be.linear(x, w.weight, w.layout, w.has_bias ? &w.bias : nullptr, act, false, y);
  return y;
}

Mat apply_linear_residual(Backend& be, const Mat& x, const LinearWeights& w, const Mat& residual) {
  Mat y = be.alloc(residual.rows, residual.cols);
  be.copy(residual, y);
  be.linear(x, w.weight, w.layout, w.has_bias ? &w.bias : nullptr, Activation::None, true, y);
  return y;
}

Mat apply_norm(Backend& be, const Mat& x, const NormWeights& n, float eps) {
  Mat y = be.alloc(x.rows, x.cols);
  be.layer_norm(x, n.gamma, n.beta, eps, y);
  return y;
}

CapturedAttention multi_head_attention(Backend& be, const Mat& q, const Mat& k, const Mat& v, int64_t heads,
                                       bool causal, int64_t past, std::span<const uint8_t> key_mask) {
  const int64_t Tq = q.rows, Tk = k.rows, H = q.cols;
  AttentionCall call;
  call.q = q;
  call.k = k;
  call.v = v;
  call.heads = heads;
  call.head_dim = H / heads;
  call.scale = 1.0f / std::sqrt(static_cast<float>(call.head_dim));
  call.causal = causal;
  call.past = past;
  call.key_mask = key_mask;
  call.scores = be.alloc(heads * Tq, Tk);
  call.probs = be.alloc(heads * Tq, Tk);
  call.context = be.alloc(Tq, H);
  be.attention(call);
  return {call.context, call.scores, call.probs};
}

namespace {

bool layer_requested(const ForwardOptions& options, size_t layer) {
  if (!options.attention_layers) return true;
  const auto& wanted = *options.attention_layers;
  return std::find(wanted.begin(), wanted.end(), static_cast<int64_t>(layer)) != wanted.end();
}

}  // namespace

void record_attention(Backend& be, const CapturedAttention& att, int64_t heads, const LayerCapture& capture) {
  const ForwardOptions& options = capture.options;
  if (!options.capture_attention) return;
  ForwardResult& result = capture.result;
  const bool keep = layer_requested(options, capture.layer);
  if (!keep && !options.on_attention) {  // empty placeholders, so indices still name layers
    result.attentions.emplace_back();
    result.scores.emplace_back();
    return;
  }
  const int64_t Tq = att.probs.rows / heads, Tk = att.probs.cols;
  Tensor probabilities = be.download(att.probs).view_as({heads, Tq, Tk});
  Tensor scores = be.download(att.scores).view_as({heads, Tq, Tk});
  if (options.on_attention) options.on_attention(capture.layer, probabilities, scores);
  // A layer not kept was downloaded for the call only: one layer at a time in memory.
  result.attentions.push_back(keep ? std::move(probabilities) : Tensor());
  result.scores.push_back(keep ? std::move(scores) : Tensor());
}

void record_qkv(Backend& be, const Mat& q, const Mat& k, const Mat& v, const LayerCapture& capture) {
  if (!capture.options.capture_qkv) return;
  ForwardResult& result = capture.result;
  if (!layer_requested(capture.options, capture.layer)) {
    result.queries.emplace_back();
    result.keys.emplace_back();
    result.values.emplace_back();
    return;
  }
  result.queries.push_back(be.download(q));
  result.keys.push_back(be.download(k));
  result.values.push_back(be.download(v));
}

void check_attention_layers(const ForwardOptions& options, size_t layers) {
  if (!options.attention_layers) return;
  for (int64_t l : *options.attention_layers)
    if (l < 0 || l >= static_cast<int64_t>(layers))
      throw Error("attention layer " + std::to_string(l) + " does not exist (the model has layers 0.." +
                  std::to_string(static_cast<int64_t>(layers) - 1) + ")");
}

void before_layer(const ForwardOptions& options, size_t layer) {
  if (options.cancel && options.cancel->load()) throw Cancelled();
  if (options.on_layer) options.on_layer(layer);
  if (options.cancel && options.cancel->load()) throw Cancelled();
}

std::vector<int64_t> resolve_logit_positions(const ForwardOptions& options, int64_t T) {
  if (!options.logits_positions) {
    std::vector<int64_t> all(static_cast<size_t>(T));
    for (int64_t i = 0; i < T; ++i) all[static_cast<size_t>(i)] = i;
    return all;
  }
  for (int64_t p : *options.logits_positions)
    if (p < 0 || p >= T)
      throw Error("logits position " + std::to_string(p) + " is outside the sequence (0.." + std::to_string(T - 1) + ")");
  return *options.logits_positions;
}

void check_input_ids(const std::vector<int32_t>& ids, int64_t vocab, int64_t max_positions, int64_t past) {
  if (ids.empty()) throw Error("the input has no tokens");
  if (past + static_cast<int64_t>(ids.size()) > max_positions)
    throw Error("the input has " + std::to_string(past + static_cast<int64_t>(ids.size())) +
                " tokens but the model accepts at most " + std::to_string(max_positions) + " (truncate it)");
  for (size_t i = 0; i < ids.size(); ++i)
    if (ids[i] < 0 || ids[i] >= vocab)
      throw Error("token id " + std::to_string(ids[i]) + " at position " + std::to_string(i) +
                  " is outside the vocabulary (0.." + std::to_string(vocab - 1) + ")");
}

void report_progress(const LoadOptions& o, double fraction, const std::string& phase) {
  if (o.cancel && o.cancel->load()) throw Cancelled();
  if (o.progress) o.progress(fraction, phase);
}

}  // namespace as
