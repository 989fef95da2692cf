#include "models/bert.h"

#include "core/error.h"
#include "models/blocks.h"

namespace as {

namespace {

// HF checkpoints name BERT tensors with or without the "bert." prefix (BertModel vs the heads).
std::string detect_prefix(const TensorSource& src) {
  return src.has("bert.embeddings.word_embeddings.weight") ? "bert." : "";
}

}  // namespace

BertModel::BertModel(const ModelConfig& c, const TensorSource& src, std::shared_ptr<Backend> backend,
                     const LoadOptions& options)
    : EncoderModel(c, std::move(backend)) {
  WeightLoader w(src, *backend_);
  const std::string p = detect_prefix(src);
  const int64_t H = c.hidden_size;
  if (!src.has(p + "embeddings.word_embeddings.weight"))
    throw Error(src.label() + ": missing tensor 'bert.embeddings.word_embeddings.weight' (is this a BERT checkpoint?)");
  report_progress(options, 0.0, "embeddings");
  word_ = w.matrix(p + "embeddings.word_embeddings.weight", {c.vocab_size, H});
  position_host_ = src.get(p + "embeddings.position_embeddings.weight", {c.max_positions, H});
  position_ = w.upload(position_host_);
  token_type_ = w.matrix(p + "embeddings.token_type_embeddings.weight", {c.type_vocab_size, H});
  embed_norm_ = w.norm(p + "embeddings.LayerNorm", H);
  for (int64_t l = 0; l < c.num_layers; ++l) {
    report_progress(options, static_cast<double>(l + 1) / static_cast<double>(c.num_layers + 1), "layer " + std::to_string(l));
    layers_.push_back(load_bert_layer(w, p + "encoder.layer." + std::to_string(l) + ".", H, c.intermediate_size));
  }
  if (src.has("cls.predictions.transform.dense.weight")) {
    MlmHeadWeights head;
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
    nsp_ = NspHeadWeights{w.linear(p + "pooler.dense", H, H), w.linear("cls.seq_relationship", H, 2)};
  report_progress(options, 1.0, "ready");
  describe("bert", mlm_ ? "BertForMaskedLM" : "BertModel", src.dtype(), w.parameters(), c.max_positions);
}

Mat BertModel::embed(const ForwardInput& in) {
  Backend& be = *backend_;
  const int64_t T = static_cast<int64_t>(in.ids.size());
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

}  // namespace as
