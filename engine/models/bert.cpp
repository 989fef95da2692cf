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
  load_embeddings(w, src, p + "embeddings.", true);
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
  const int64_t T = static_cast<int64_t>(in.ids.size());
  std::vector<int32_t> positions(static_cast<size_t>(T));
  for (int64_t i = 0; i < T; ++i) positions[static_cast<size_t>(i)] = static_cast<int32_t>(i);
  const std::vector<int32_t> types = in.token_type_ids.empty() ? std::vector<int32_t>(static_cast<size_t>(T), 0) : in.token_type_ids;
  return sum_embeddings(in.ids, positions, &types);
}

}  // namespace as
