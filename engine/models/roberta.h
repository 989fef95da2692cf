#pragma once
// RoBERTa (RobertaForMaskedLM): BERT's encoder and names under "roberta.", a single token type,
// positions counted from padding_idx + 1 (token i uses position row i + 2 when nothing is padded),
// and the lm_head (dense → GELU → layer_norm → decoder tied to the word embeddings + bias).
#include "models/encoder.h"

namespace as {

class RobertaModel final : public EncoderModel {
 public:
  RobertaModel(const ModelConfig& config, const TensorSource& source, std::shared_ptr<Backend> backend,
               const LoadOptions& options);

  // HF's create_position_ids_from_input_ids: padding tokens get padding_idx, others count on from it.
  static std::vector<int32_t> position_ids(const std::vector<int32_t>& ids, int32_t padding_idx);

 private:
  Mat embed(const ForwardInput& input) override;

};

}  // namespace as
