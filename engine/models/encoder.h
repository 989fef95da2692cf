#pragma once
// The post-LayerNorm Transformer encoder shared by BERT, DistilBERT and RoBERTa: the same layer,
// the same masked-LM head (dense → GELU → LayerNorm → decoder tied to the word embeddings) and
// the same forward pass. Each family only names its tensors and builds its embeddings.
#include <array>
#include <memory>
#include <optional>
#include <vector>

#include "models/model.h"
#include "models/blocks.h"
#include "models/tensor_source.h"

namespace as {

struct EncoderLayerWeights {
  LinearWeights query, key, value, attn_out;
  NormWeights attn_norm;
  LinearWeights intermediate, output;
  NormWeights out_norm;
};

struct MlmHeadWeights {
  LinearWeights transform;
  NormWeights norm;
  LinearWeights decoder;  // weight usually tied to the word embeddings
};

struct NspHeadWeights {
  LinearWeights pooler;      // tanh(W h[CLS] + b)
  LinearWeights classifier;  // [2, H]: IsNext, NotNext
};

class EncoderModel : public Model {
 public:
  ForwardResult forward(const ForwardInput& input, const ForwardOptions& options) override;
  Tensor position_embeddings() const override { return position_host_; }

 protected:
  EncoderModel(const ModelConfig& config, std::shared_ptr<Backend> backend) : Model(config, std::move(backend)) {}

  // Word + position (+ token type) embeddings followed by the embedding LayerNorm: [T, H].
  virtual Mat embed(const ForwardInput& input) = 0;
  // Fills info_ from the config and what was loaded.
  void describe(const std::string& family, const std::string& default_architecture, const std::string& dtype,
                int64_t parameters, int64_t max_tokens);

  // Word + position (+ token type) tables and the embedding LayerNorm under `prefix`
  // ("bert.embeddings."), shared by the families that store them under the same names.
  void load_embeddings(WeightLoader& w, const TensorSource& src, const std::string& prefix, bool token_types);
  // LayerNorm(word[ids] + position[positions] (+ token_type[types])): [T, H].
  Mat sum_embeddings(const std::vector<int32_t>& ids, const std::vector<int32_t>& positions,
                     const std::vector<int32_t>* types);

  Mat word_, position_, token_type_;
  NormWeights embed_norm_;
  std::vector<EncoderLayerWeights> layers_;
  std::optional<MlmHeadWeights> mlm_;
  std::optional<NspHeadWeights> nsp_;
  Tensor position_host_;

 private:
  Mat encoder_layer(const EncoderLayerWeights& layer, const Mat& h, std::span<const uint8_t> mask,
                    const LayerCapture& capture);
  Tensor mlm_logits(const Mat& h, const std::vector<int64_t>& positions);
  std::array<float, 2> next_sentence_logits(const Mat& h);
};

// Loads a layer whose tensors follow BERT's names under `prefix` ("bert.encoder.layer.3.").
EncoderLayerWeights load_bert_layer(WeightLoader& w, const std::string& prefix, int64_t hidden, int64_t intermediate);

}  // namespace as
