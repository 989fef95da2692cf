#include "models/distilbert.h"

#include "core/error.h"
#include "models/blocks.h"

namespace as {

namespace {

EncoderLayerWeights load_layer(WeightLoader& w, const std::string& p, int64_t H, int64_t I) {
  EncoderLayerWeights layer;
  layer.query = w.linear(p + "attention.q_lin", H, H);
  layer.key = w.linear(p + "attention.k_lin", H, H);
  layer.value = w.linear(p + "attention.v_lin", H, H);
  layer.attn_out = w.linear(p + "attention.out_lin", H, H);
  layer.attn_norm = w.norm(p + "sa_layer_norm", H);
  layer.intermediate = w.linear(p + "ffn.lin1", H, I);
  layer.output = w.linear(p + "ffn.lin2", I, H);
  layer.out_norm = w.norm(p + "output_layer_norm", H);
  return layer;
}

}  // namespace

DistilBertModel::DistilBertModel(const ModelConfig& c, const TensorSource& src, std::shared_ptr<Backend> backend,
                                 const LoadOptions& options)
    : EncoderModel(c, std::move(backend)) {
  WeightLoader w(src, *backend_);
  const int64_t H = c.hidden_size;
  const std::string p = "distilbert.";
  if (!src.has(p + "embeddings.word_embeddings.weight"))
    throw Error(src.label() + ": missing tensor 'distilbert.embeddings.word_embeddings.weight' (is this a DistilBERT checkpoint?)");
  report_progress(options, 0.0, "embeddings");
  load_embeddings(w, src, p + "embeddings.", false);
  for (int64_t l = 0; l < c.num_layers; ++l) {
    report_progress(options, static_cast<double>(l + 1) / static_cast<double>(c.num_layers + 1), "layer " + std::to_string(l));
    layers_.push_back(load_layer(w, p + "transformer.layer." + std::to_string(l) + ".", H, c.intermediate_size));
  }
  if (src.has("vocab_transform.weight")) {
    MlmHeadWeights head;
    head.transform = w.linear("vocab_transform", H, H);
    head.norm = w.norm("vocab_layer_norm", H);
    head.decoder.weight = src.has("vocab_projector.weight") ? w.matrix("vocab_projector.weight", {c.vocab_size, H}) : word_;
    head.decoder.bias = w.matrix("vocab_projector.bias", {c.vocab_size});
    mlm_ = std::move(head);
  }
  report_progress(options, 1.0, "ready");
  describe("distilbert", mlm_ ? "DistilBertForMaskedLM" : "DistilBertModel", src.dtype(), w.parameters(), c.max_positions);
}

Mat DistilBertModel::embed(const ForwardInput& in) {
  const int64_t T = static_cast<int64_t>(in.ids.size());
  std::vector<int32_t> positions(static_cast<size_t>(T));
  for (int64_t i = 0; i < T; ++i) positions[static_cast<size_t>(i)] = static_cast<int32_t>(i);
  return sum_embeddings(in.ids, positions, nullptr);
}

}  // namespace as
