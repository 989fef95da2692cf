#pragma once
// DistilBERT (DistilBertForMaskedLM): BERT's post-LN encoder under other names, word + position
// embeddings only (no token types), LayerNorm eps 1e-12 hard-coded, MLM head vocab_transform →
// GELU → vocab_layer_norm → vocab_projector tied to the word embeddings.
#include "models/encoder.h"

namespace as {

class DistilBertModel final : public EncoderModel {
 public:
  DistilBertModel(const ModelConfig& config, const TensorSource& source, std::shared_ptr<Backend> backend,
                  const LoadOptions& options);

 private:
  Mat embed(const ForwardInput& input) override;

};

}  // namespace as
