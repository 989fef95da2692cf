#include "models/encoder.h"

#include <chrono>

#include "core/error.h"
#include "models/blocks.h"

namespace as {

EncoderLayerWeights load_bert_layer(WeightLoader& w, const std::string& p, int64_t H, int64_t I) {
  EncoderLayerWeights layer;
  layer.query = w.linear(p + "attention.self.query", H, H);
  layer.key = w.linear(p + "attention.self.key", H, H);
  layer.value = w.linear(p + "attention.self.value", H, H);
  layer.attn_out = w.linear(p + "attention.output.dense", H, H);
  layer.attn_norm = w.norm(p + "attention.output.LayerNorm", H);
  layer.intermediate = w.linear(p + "intermediate.dense", H, I);
  layer.output = w.linear(p + "output.dense", I, H);
  layer.out_norm = w.norm(p + "output.LayerNorm", H);
  return layer;
}

void EncoderModel::load_embeddings(WeightLoader& w, const TensorSource& src, const std::string& p, bool token_types) {
  const int64_t H = config_.hidden_size;
  word_ = w.matrix(p + "word_embeddings.weight", {config_.vocab_size, H});
  position_host_ = src.get(p + "position_embeddings.weight", {config_.max_positions, H});
  position_ = w.upload(position_host_);
  if (token_types) token_type_ = w.matrix(p + "token_type_embeddings.weight", {config_.type_vocab_size, H});
  embed_norm_ = w.norm(p + "LayerNorm", H);
}

Mat EncoderModel::sum_embeddings(const std::vector<int32_t>& ids, const std::vector<int32_t>& positions,
                                 const std::vector<int32_t>* types) {
  Backend& be = *backend_;
  const int64_t T = static_cast<int64_t>(ids.size());
  if (types) {
    if (static_cast<int64_t>(types->size()) != T)
      throw Error("token_type_ids has " + std::to_string(types->size()) + " entries for " + std::to_string(T) + " tokens");
    for (int32_t t : *types)
      if (t < 0 || t >= config_.type_vocab_size)
        throw Error("token type " + std::to_string(t) + " is outside 0.." + std::to_string(config_.type_vocab_size - 1));
  }
  Mat x = be.alloc(T, config_.hidden_size);
  be.gather_rows(word_, ids, false, x);
  be.gather_rows(position_, positions, true, x);
  if (types) be.gather_rows(token_type_, *types, true, x);
  return apply_norm(be, x, embed_norm_, config_.layer_norm_eps);
}

void EncoderModel::describe(const std::string& family, const std::string& default_architecture, const std::string& dtype,
                            int64_t parameters, int64_t max_tokens) {
  info_.family = family;
  info_.architecture = config_.architectures.empty() ? default_architecture : config_.architectures[0];
  info_.layers = config_.num_layers;
  info_.heads = config_.num_heads;
  info_.hidden = config_.hidden_size;
  info_.vocab_size = config_.vocab_size;
  info_.max_positions = max_tokens;
  info_.parameters = parameters;
  info_.dtype = dtype;
  info_.has_mlm_head = mlm_.has_value();
  info_.has_nsp_head = nsp_.has_value();
}

Mat EncoderModel::encoder_layer(const EncoderLayerWeights& L, const Mat& h, std::span<const uint8_t> mask,
                                const LayerCapture& capture) {
  Backend& be = *backend_;
  const float eps = config_.layer_norm_eps;
  Mat q = apply_linear(be, h, L.query), k = apply_linear(be, h, L.key), v = apply_linear(be, h, L.value);
  record_qkv(be, q, k, v, capture);
  CapturedAttention att = multi_head_attention(be, q, k, v, config_.num_heads, false, 0, mask);
  record_attention(be, att, config_.num_heads, capture);
  Mat a = apply_norm(be, apply_linear_residual(be, att.context, L.attn_out, h), L.attn_norm, eps);
  Mat f = apply_linear(be, a, L.intermediate, config_.hidden_act);
  return apply_norm(be, apply_linear_residual(be, f, L.output, a), L.out_norm, eps);
}

Tensor EncoderModel::mlm_logits(const Mat& h, const std::vector<int64_t>& positions) {
  Backend& be = *backend_;
  const int64_t n = static_cast<int64_t>(positions.size());
  if (n == 0) return Tensor({0, config_.vocab_size});
  std::vector<int32_t> rows(positions.begin(), positions.end());
  Mat picked = be.alloc(n, config_.hidden_size);
  be.gather_rows(h, rows, false, picked);
  Mat t = apply_norm(be, apply_linear(be, picked, mlm_->transform, config_.hidden_act), mlm_->norm, config_.layer_norm_eps);
  return be.download(apply_linear(be, t, mlm_->decoder));
}

std::array<float, 2> EncoderModel::next_sentence_logits(const Mat& h) {
  Backend& be = *backend_;
  Mat pooled = apply_linear(be, h.rows_view(0, 1), nsp_->pooler, Activation::Tanh);
  Tensor logits = be.download(apply_linear(be, pooled, nsp_->classifier));
  return {logits.data()[0], logits.data()[1]};
}

ForwardResult EncoderModel::forward(const ForwardInput& in, const ForwardOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  check_input_ids(in.ids, config_.vocab_size, info_.max_positions);
  const int64_t T = static_cast<int64_t>(in.ids.size());
  if (!in.attention_mask.empty() && static_cast<int64_t>(in.attention_mask.size()) != T)
    throw Error("attention_mask has " + std::to_string(in.attention_mask.size()) + " entries for " + std::to_string(T) +
                " tokens");
  check_attention_layers(options, layers_.size());
  ForwardResult result;
  result.backend = backend_->name();
  Mat h = embed(in);
  if (options.capture_hidden) result.hidden_states.push_back(backend_->download(h));
  for (size_t l = 0; l < layers_.size(); ++l) {
    before_layer(options, l);
    h = encoder_layer(layers_[l], h, in.attention_mask, LayerCapture{options, l, result});
    if (options.capture_hidden) result.hidden_states.push_back(backend_->download(h));
  }
  if (mlm_) {
    result.logits_positions = resolve_logit_positions(options, T);
    result.logits = mlm_logits(h, result.logits_positions);
  }
  if (nsp_ && options.next_sentence) result.nsp_logits = next_sentence_logits(h);
  result.millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace as
