#pragma once
// Building blocks shared by the model families: dense layers, norms and a multi-head attention
// that captures its probabilities and scores. Each call allocates its outputs, so captured
// tensors are never overwritten by a later layer.
#include "backends/backend.h"
#include "models/model.h"
#include "models/tensor_source.h"

namespace as {

Mat apply_linear(Backend& be, const Mat& x, const LinearWeights& w, Activation act = Activation::None);
// y = residual + x·W + b, in a fresh buffer.
Mat apply_linear_residual(Backend& be, const Mat& x, const LinearWeights& w, const Mat& residual);
Mat apply_norm(Backend& be, const Mat& x, const NormWeights& n, float eps);

struct CapturedAttention {
  Mat context;  // [Tq, H]
  Mat scores;   // [NH*Tq, Tk]
  Mat probs;    // [NH*Tq, Tk]
};

// softmax(Q Kᵀ / sqrt(D) + mask) V for all heads; q, k, v are [T, NH*D] views.
CapturedAttention multi_head_attention(Backend& be, const Mat& q, const Mat& k, const Mat& v, int64_t heads,
                                       bool causal, int64_t past, std::span<const uint8_t> key_mask);

// What a forward pass keeps of layer `layer`, following its ForwardOptions.
struct LayerCapture {
  const ForwardOptions& options;
  size_t layer;
  ForwardResult& result;
};

// Appends the layer's attention to the result as host tensors [NH, Tq, Tk] when the options keep
// that layer (empty placeholders otherwise, so indices still name layers), and hands it to
// ForwardOptions::on_attention either way.
void record_attention(Backend& be, const CapturedAttention& att, int64_t heads, const LayerCapture& capture);
// Appends the layer's Q, K, V as host tensors [T, H] with ForwardOptions::capture_qkv (empty
// tensors for layers outside attention_layers).
void record_qkv(Backend& be, const Mat& q, const Mat& k, const Mat& v, const LayerCapture& capture);
void check_attention_layers(const ForwardOptions& options, size_t layers);
// Honours ForwardOptions::cancel and calls on_layer before layer `layer`.
void before_layer(const ForwardOptions& options, size_t layer);

// The positions to compute logits for, validated against T.
std::vector<int64_t> resolve_logit_positions(const ForwardOptions& options, int64_t T);

// Rejects ids outside the vocabulary and sequences longer than the model's maximum.
void check_input_ids(const std::vector<int32_t>& ids, int64_t vocab, int64_t max_positions, int64_t past = 0);

// Progress and cancellation between loading steps.
void report_progress(const LoadOptions& options, double fraction, const std::string& phase);

}  // namespace as
