#include "models/roberta.h"

#include "core/error.h"
#include "models/blocks.h"

namespace as {

std::vector<int32_t> RobertaModel::position_ids(const std::vector<int32_t>& ids, int32_t padding_idx) {
  std::vector<int32_t> pos(ids.size());
  int32_t seen = 0;
  for (size_t i = 0; i < ids.size(); ++i) pos[i] = ids[i] == padding_idx ? padding_idx : padding_idx + (++seen);
  return pos;
}

RobertaModel::RobertaModel(const ModelConfig& c, const TensorSource& src, std::shared_ptr<Backend> backend,
                           const LoadOptions& options)
    : EncoderModel(c, std::move(backend)) {
  WeightLoader w(src, *backend_);
  const std::string p = src.has("roberta.embeddings.word_embeddings.weight") ? "roberta." : "";
  const int64_t H = c.hidden_size;
  if (!src.has(p + "embeddings.word_embeddings.weight"))
    throw Error(src.label() + ": missing tensor 'roberta.embeddings.word_embeddings.weight' (is this a RoBERTa checkpoint?)");
  if (c.pad_token_id < 0 || c.pad_token_id + 2 > c.max_positions)
    throw Error("config.json: pad_token_id " + std::to_string(c.pad_token_id) + " leaves no positions in max_position_embeddings " +
                std::to_string(c.max_positions));
  report_progress(options, 0.0, "embeddings");
  load_embeddings(w, src, p + "embeddings.", true);
  for (int64_t l = 0; l < c.num_layers; ++l) {
    report_progress(options, static_cast<double>(l + 1) / static_cast<double>(c.num_layers + 1), "layer " + std::to_string(l));
    layers_.push_back(load_bert_layer(w, p + "encoder.layer." + std::to_string(l) + ".", H, c.intermediate_size));
  }
  if (src.has("lm_head.dense.weight")) {
    MlmHeadWeights head;
    head.transform = w.linear("lm_head.dense", H, H);
    head.norm = w.norm("lm_head.layer_norm", H);
    head.decoder.weight = src.has("lm_head.decoder.weight") ? w.matrix("lm_head.decoder.weight", {c.vocab_size, H}) : word_;
    head.decoder.bias = w.matrix(src.has("lm_head.bias") ? "lm_head.bias" : "lm_head.decoder.bias", {c.vocab_size});
    mlm_ = std::move(head);
  }
  // roberta.pooler.* is stored by real checkpoints but unused by RobertaForMaskedLM.
  report_progress(options, 1.0, "ready");
  // Rows 0..padding_idx of the position table are never used by real tokens.
  describe("roberta", mlm_ ? "RobertaForMaskedLM" : "RobertaModel", src.dtype(), w.parameters(),
           c.max_positions - c.pad_token_id - 1);
}

Mat RobertaModel::embed(const ForwardInput& in) {
  const int64_t T = static_cast<int64_t>(in.ids.size());
  // RobertaTokenizer returns no token types: every token uses row 0.
  const std::vector<int32_t> types = in.token_type_ids.empty() ? std::vector<int32_t>(static_cast<size_t>(T), 0) : in.token_type_ids;
  return sum_embeddings(in.ids, position_ids(in.ids, static_cast<int32_t>(config_.pad_token_id)), &types);
}

}  // namespace as
