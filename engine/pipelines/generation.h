#pragma once
// Text generation for causal LMs (GPT-2): each step appends one token to the KV cache (the prompt
// is never recomputed), streams it through a callback as soon as it is chosen, and records what a
// learner wants to see: the token's probability, the top alternatives and that step's attention.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/tensor.h"
#include "models/model.h"
#include "pipelines/sampling.h"
#include "tokenizers/tokenizer.h"

namespace as {

struct TokenProbability {
  int32_t id = 0;
  std::string token;
  double probability = 0.0;  // softmax of the model's raw logits at that step
};

struct GenerationStep {
  int32_t id = 0;
  std::string token;                // vocabulary string (e.g. "Ġthe")
  std::string text;                 // the text this step made complete (UTF-8 held back until whole)
  double probability = 0.0;         // of the chosen token, model distribution
  double sampling_probability = 0.0;  // after penalties/temperature/top-k/top-p
  std::vector<TokenProbability> top;  // the 5 most likely tokens
  std::vector<Tensor> attention;    // per layer [heads, 1, keys]: the new token's attention row
};

struct GenerationOptions {
  int64_t max_new_tokens = 20;
  SamplingOptions sampling;
  std::vector<std::string> stop_strings;  // stop once the generated text contains one
  bool stop_at_eos = true;
  int64_t top_alternatives = 5;
  bool capture_attention = true;
  const std::atomic<bool>* cancel = nullptr;  // checked between tokens
};

enum class StopReason { MaxTokens, EndOfText, StopString, MaxPositions, Cancelled };
const char* stop_reason_name(StopReason reason);

struct GenerationResult {
  std::vector<int32_t> prompt_ids;
  std::vector<int32_t> ids;  // generated ids only
  std::string text;          // generated text only
  std::vector<GenerationStep> steps;
  StopReason stop_reason = StopReason::MaxTokens;
  double prompt_millis = 0.0;
  double generation_millis = 0.0;
  std::vector<std::string> warnings;
};

// Called after each chosen token; return false to stop.
using StepCallback = std::function<bool(const GenerationStep&)>;

GenerationResult generate(Model& model, const Tokenizer& tokenizer, const std::vector<int32_t>& prompt_ids,
                          const GenerationOptions& options, const StepCallback& on_step = {});
GenerationResult generate(Model& model, const Tokenizer& tokenizer, const std::string& prompt,
                          const GenerationOptions& options, const StepCallback& on_step = {});

// The k most likely ids of a softmax, descending.
std::vector<TokenProbability> top_tokens(const std::vector<double>& probs, int64_t k, const Tokenizer* tokenizer);

}  // namespace as
