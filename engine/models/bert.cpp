#include "models/bert.h"

#include <chrono>

#include "core/error.h"
#include "models/blocks.h"

namespace as {

namespace {

// HF checkpoints name BERT tensors with or without the "bert." prefix (BertModel vs the heads).
std::string detect_prefix(const TensorSource& src) {
  return src.has("bert.embeddings.word_embeddings.weight") ? "bert." : "";
}

void report(const LoadOptions& o, double fraction, const std::string& phase) {
  if (o.cancel && o.cancel->load()) throw Cancelled();
  if (o.progress) o.progress(fraction, phase);
}

}  // namespace

BertModel::BertModel(const ModelConfig& c, const TensorSource& src, std::shared_ptr<Backend> backend,
                     const LoadOptions& options)
    : Model(c, std::move(backend)) {
  Backend& be = *backend_;
  WeightLoader w(src, be);
  const std::string p = detect_prefix(src);
  const int64_t H = c.hidden_size, I = c.intermediate_size;
  if (!src.has(p + "embeddings.word_embeddings.weight"))
    throw Error(src.label() + ": missing tensor 'bert.embeddings.word_embeddings.weight' (is this a BERT checkpoint?)");
  report(options, 0.0, "embeddings");
  word_ = w.matrix(p + "embeddings.word_embeddings.weight", {c.vocab_size, H});
  position_host_ = src.get(p + "embeddings.position_embeddings.weight", {c.max_positions, H});
  position_ = w.upload(position_host_);
  token_type_ = w.matrix(p + "embeddings.token_type_embeddings.weight", {c.type_vocab_size, H});
  embed_norm_ = w.norm(p + "embeddings.LayerNorm", H);
  for (int64_t l = 0; l < c.num_layers; ++l) {
    report(options, static_cast<double>(l + 1) / static_cast<double>(c.num_layers + 1), "layer " + std::to_string(l));
    const std::string lp = p + "encoder.layer." + std::to_string(l) + ".";
    Layer layer;
    layer.query = w.linear(lp + "attention.self.query", H, H);
    layer.key = w.linear(lp + "attention.self.key", H, H);
    layer.value = w.linear(lp + "attention.self.value", H, H);
    layer.attn_out = w.linear(lp + "attention.output.dense", H, H);
    layer.attn_norm = w.norm(lp + "attention.output.LayerNorm", H);
    layer.intermediate = w.linear(lp + "intermediate.dense", H, I);
    layer.output = w.linear(lp + "output.dense", I, H);
    layer.out_norm = w.norm(lp + "output.LayerNorm", H);
    layers_.push_back(std::move(layer));
  }
  if (src.has("cls.predictions.transform.dense.weight")) {
    MlmHead head;
    head.transform = w.linear("cls.predictions.transform.dense", H, H);
    head.norm = w.norm("cls.predictions.transform.LayerNorm", H);
    if (src.has("cls.predictions.decoder.weight")) {
      head.decoder.weight = w.matrix("cls.predictions.decoder.weight", {c.vocab_size, H});
    } else if (c.tie_word_embeddings) {
      head.decoder.weight = word_;
    } else {
      throw Error(src.label() + ": missing tensor 'cls.predictions.decoder.weight' (tie_word_embeddings is false)");
    }
    const std::string bias = src.has("cls.predictions.bias") ? "cls.predictions.bias" : "cls.predictions.decoder.bias";
    head.decoder.bias = w.matrix(bias, {c.vocab_size});
    mlm_ = std::move(head);
  }
  if (src.has(p + "pooler.dense.weight") && src.has("cls.seq_relationship.weight"))
    nsp_ = NspHead{w.linear(p + "pooler.dense", H, H), w.linear("cls.seq_relationship", H, 2)};
  report(options, 1.0, "ready");

  info_.family = "bert";
  info_.architecture = c.architectures.empty() ? (mlm_ ? "BertForMaskedLM" : "BertModel") : c.architectures[0];
  info_.layers = c.num_layers;
  info_.heads = c.num_heads;
  info_.hidden = H;
  info_.vocab_size = c.vocab_size;
  info_.max_positions = c.max_positions;
  info_.parameters = w.parameters();
  info_.dtype = src.dtype();
  info_.has_mlm_head = mlm_.has_value();
  info_.has_nsp_head = nsp_.has_value();
}

Mat BertModel::embed(const ForwardInput& in, int64_t T) {
  Backend& be = *backend_;
  std::vector<int32_t> positions(static_cast<size_t>(T));
  for (int64_t i = 0; i < T; ++i) positions[static_cast<size_t>(i)] = static_cast<int32_t>(i);
  std::vector<int32_t> types = in.token_type_ids;
  if (types.empty()) types.assign(static_cast<size_t>(T), 0);
  if (static_cast<int64_t>(types.size()) != T)
    throw Error("token_type_ids has " + std::to_string(types.size()) + " entries for " + std::to_string(T) + " tokens");
  for (int32_t t : types)
    if (t < 0 || t >= config_.type_vocab_size)
      throw Error("token type " + std::to_string(t) + " is outside 0.." + std::to_string(config_.type_vocab_size - 1));
  Mat x = be.alloc(T, config_.hidden_size);
  be.gather_rows(word_, in.ids, false, x);
  be.gather_rows(position_, positions, true, x);
  be.gather_rows(token_type_, types, true, x);
  return apply_norm(be, x, embed_norm_, config_.layer_norm_eps);
}

Mat BertModel::encoder_layer(const Layer& L, const Mat& h, std::span<const uint8_t> mask, ForwardResult* capture) {
  Backend& be = *backend_;
  const float eps = config_.layer_norm_eps;
  Mat q = apply_linear(be, h, L.query), k = apply_linear(be, h, L.key), v = apply_linear(be, h, L.value);
  CapturedAttention att = multi_head_attention(be, q, k, v, config_.num_heads, false, 0, mask);
  if (capture) store_attention(be, att, config_.num_heads, *capture);
  Mat a = apply_norm(be, apply_linear_residual(be, att.context, L.attn_out, h), L.attn_norm, eps);
  Mat f = apply_linear(be, a, L.intermediate, config_.hidden_act);
  return apply_norm(be, apply_linear_residual(be, f, L.output, a), L.out_norm, eps);
}

Tensor BertModel::mlm_logits(const Mat& h, const std::vector<int64_t>& positions) {
  Backend& be = *backend_;
  const int64_t n = static_cast<int64_t>(positions.size());
  if (n == 0) return Tensor({0, config_.vocab_size});
  std::vector<int32_t> rows(positions.begin(), positions.end());
  Mat picked = be.alloc(n, config_.hidden_size);
  be.gather_rows(h, rows, false, picked);
  Mat t = apply_norm(be, apply_linear(be, picked, mlm_->transform, config_.hidden_act), mlm_->norm,
                     config_.layer_norm_eps);
  return be.download(apply_linear(be, t, mlm_->decoder));
}

std::array<float, 2> BertModel::next_sentence_logits(const Mat& h) {
  Backend& be = *backend_;
  Mat pooled = apply_linear(be, h.rows_view(0, 1), nsp_->pooler, Activation::Tanh);
  Tensor logits = be.download(apply_linear(be, pooled, nsp_->classifier));
  return {logits.data()[0], logits.data()[1]};
}

ForwardResult BertModel::forward(const ForwardInput& in, const ForwardOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  check_input_ids(in.ids, config_.vocab_size, config_.max_positions);
  const int64_t T = static_cast<int64_t>(in.ids.size());
  if (!in.attention_mask.empty() && static_cast<int64_t>(in.attention_mask.size()) != T)
    throw Error("attention_mask has " + std::to_string(in.attention_mask.size()) + " entries for " +
                std::to_string(T) + " tokens");
  ForwardResult result;
  result.backend = backend_->name();
  Mat h = embed(in, T);
  if (options.capture_hidden) result.hidden_states.push_back(backend_->download(h));
  for (const Layer& layer : layers_) {
    h = encoder_layer(layer, h, in.attention_mask, options.capture_attention ? &result : nullptr);
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

Tensor BertModel::position_embeddings() const { return position_host_; }

}  // namespace as
