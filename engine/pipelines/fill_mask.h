#pragma once
// HuggingFace's pipeline('fill-mask') and BERT's next-sentence prediction.
#include <cstdint>
#include <string>
#include <vector>

#include "models/model.h"
#include "tokenizers/tokenizer.h"

namespace as {

struct MaskCandidate {
  int32_t id = 0;
  std::string token;     // vocabulary string
  std::string token_str;  // decode([id])
  double probability = 0.0;  // softmax over the whole vocabulary (HF's "score")
  std::string sequence;  // the input with this candidate in the mask's place
};

struct MaskPrediction {
  int64_t position = 0;  // token index of the mask
  std::vector<MaskCandidate> candidates;
};

struct FillMaskOptions {
  int64_t top_k = 5;
  std::vector<std::string> targets;  // score only these words (first piece of each)
};

struct FillMaskResult {
  std::vector<int32_t> ids;
  std::vector<MaskPrediction> masks;
  std::vector<std::string> warnings;
  ForwardResult forward;  // the run's attentions etc., for the views
};

FillMaskResult fill_mask(Model& model, const Tokenizer& tokenizer, const std::string& text,
                         const FillMaskOptions& options = {});
FillMaskResult fill_mask_ids(Model& model, const Tokenizer& tokenizer, const std::vector<int32_t>& ids,
                             const FillMaskOptions& options = {});

// P(B follows A) from the NSP head: softmax(nsp logits)[0].
double next_sentence_probability(Model& model, const Tokenizer& tokenizer, const std::string& a, const std::string& b);

}  // namespace as
