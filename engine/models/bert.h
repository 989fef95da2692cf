#pragma once
// BERT (BertModel / BertForMaskedLM / BertForPreTraining): word + position + token-type
// embeddings, the shared post-LN encoder, the MLM head and — when the checkpoint has them — the
// pooler and next-sentence head.
#include "models/encoder.h"

namespace as {

class BertModel final : public EncoderModel {
 public:
  BertModel(const ModelConfig& config, const TensorSource& source, std::shared_ptr<Backend> backend,
            const LoadOptions& options);

 private:
  Mat embed(const ForwardInput& input) override;

};

}  // namespace as
