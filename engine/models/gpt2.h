#pragma once
// GPT-2 (GPT2Model / GPT2LMHeadModel): pre-LayerNorm decoder with a causal mask, Conv1D weights
// stored [in, out], gelu_new, final ln_f and the LM head tied to wte; a KV cache for generation.
#include <memory>
#include <vector>

#include "models/model.h"
#include "models/blocks.h"
#include "models/tensor_source.h"

namespace as {

class Gpt2Model final : public Model {
 public:
  Gpt2Model(const ModelConfig& config, const TensorSource& source, std::shared_ptr<Backend> backend,
            const LoadOptions& options);

  ForwardResult forward(const ForwardInput& input, const ForwardOptions& options) override;
  bool is_causal() const override { return true; }
  std::unique_ptr<DecoderState> new_state() const override;
  ForwardResult extend(DecoderState& state, const std::vector<int32_t>& ids, const ForwardOptions& options) override;
  Tensor position_embeddings() const override { return wpe_host_; }

 private:
  struct Layer {
    NormWeights ln_1;
    LinearWeights c_attn;  // [H, 3H]: Q | K | V
    LinearWeights attn_proj;
    NormWeights ln_2;
    LinearWeights c_fc;
    LinearWeights mlp_proj;
  };
  class Cache;

  Mat block(const Layer& layer, const Mat& x, Cache& cache, const LayerCapture& capture);

  Mat wte_, wpe_;
  Tensor wpe_host_;
  std::vector<Layer> layers_;
  NormWeights ln_f_;
  LinearWeights lm_head_;
};

}  // namespace as
