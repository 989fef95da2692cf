#pragma once
// Next-token choice with HuggingFace generate()'s knobs, applied in its order (transformers 4.31):
// logits processors (repetition penalty, no-repeat n-gram) then warpers (temperature, top-k,
// top-p), then argmax (greedy) or a seeded multinomial draw.
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace as {

struct SamplingOptions {
  bool greedy = true;
  float temperature = 1.0f;
  int64_t top_k = 0;          // 0 = off (HF's default for sampling is 50; callers choose)
  float top_p = 1.0f;         // 1 = off
  float repetition_penalty = 1.0f;  // 1 = off; > 1 discourages tokens already in the sequence
  int64_t no_repeat_ngram_size = 0; // 0 = off
  uint64_t seed = 0;
};

// Validates ranges; throws as::Error with the option's name.
void validate(const SamplingOptions& options);

// HF RepetitionPenaltyLogitsProcessor: for every id in `context`, score /= penalty if > 0 else *= penalty.
void apply_repetition_penalty(std::span<float> scores, std::span<const int32_t> context, float penalty);
// HF NoRepeatNGramLogitsProcessor: bans tokens that would repeat an n-gram of `context`.
void apply_no_repeat_ngram(std::span<float> scores, std::span<const int32_t> context, int64_t n);
void apply_temperature(std::span<float> scores, float temperature);
// HF TopKLogitsWarper: scores below the k-th largest become -inf (ties with it are kept).
void apply_top_k(std::span<float> scores, int64_t k);
// HF TopPLogitsWarper: drops the low tail whose cumulative probability is <= 1 - p (keeps >= 1 token).
void apply_top_p(std::span<float> scores, float p);

// Softmax in double precision (probabilities reported to users).
std::vector<double> softmax(std::span<const float> scores);

class TokenSampler {
 public:
  explicit TokenSampler(const SamplingOptions& options);
  // Processes a copy of `logits` given the sequence so far and returns the chosen id.
  // `processed_probability` receives the chosen id's probability after processing.
  int32_t choose(std::span<const float> logits, std::span<const int32_t> context, double* processed_probability = nullptr);

 private:
  SamplingOptions options_;
  std::mt19937_64 rng_;
};

}  // namespace as
