#pragma once
// BERT (BertModel / BertForMaskedLM / BertForPreTraining): post-LayerNorm encoder, MLM head with the
// decoder tied to the word embeddings, and the pooler + next-sentence head when the checkpoint has them.
#include <memory>
#include <optional>
#include <vector>

#include "models/model.h"
#include "models/tensor_source.h"

namespace as {

class BertModel final : public Model {
 public:
  BertModel(const ModelConfig& config, const TensorSource& source, std::shared_ptr<Backend> backend,
            const LoadOptions& options);

  ForwardResult forward(const ForwardInput& input, const ForwardOptions& options) override;
  Tensor position_embeddings() const override;

 private:
  struct Layer {
    LinearWeights query, key, value, attn_out;
    NormWeights attn_norm;
    LinearWeights intermediate, output;
    NormWeights out_norm;
  };
  struct MlmHead {
    LinearWeights transform;
    NormWeights norm;
    LinearWeights decoder;  // weight tied to the word embeddings unless stored
  };
  struct NspHead {
    LinearWeights pooler;
    LinearWeights classifier;  // [2, H]
  };

  Mat embed(const ForwardInput& input, int64_t T);
  Mat encoder_layer(const Layer& layer, const Mat& h, std::span<const uint8_t> mask, ForwardResult* capture);
  Tensor mlm_logits(const Mat& h, const std::vector<int64_t>& positions);
  std::array<float, 2> next_sentence_logits(const Mat& h);

  Mat word_, position_, token_type_;
  NormWeights embed_norm_;
  std::vector<Layer> layers_;
  std::optional<MlmHead> mlm_;
  std::optional<NspHead> nsp_;
  Tensor position_host_;
};

}  // namespace as
