#pragma once
// The computation of one attention head for one query token, step by step, from the Q, K and V
// the engine captured (ForwardOptions::capture_qkv): the query vector, the dot products Q·Kⱼ, the
// division by √D, the mask, the softmax and the weighted sum of the value vectors — the
// scaled dot-product attention the teaching notes derive, with the loaded model's numbers.
// Qt-free, so it is tested against the golden attention and an independent recomputation.
#include <cstdint>
#include <string>
#include <vector>

#include "models/model.h"

namespace as::ui {

struct HeadStepsRequest {
  int64_t layer = 0;
  int64_t head = 0;
  int64_t query = 0;  // the attending token
  bool causal = false;  // GPT-2: keys after the query are masked
  std::vector<uint8_t> key_mask;  // empty = every key; 0 marks a padding key
};

struct HeadSteps {
  HeadStepsRequest request;
  int64_t head_dim = 0;
  double divisor = 1.0;                    // √D
  std::vector<float> query;                // [D] Q of the query token, this head's slice
  std::vector<std::vector<float>> keys;    // [Tk][D]
  std::vector<std::vector<float>> values;  // [Tk][D]
  std::vector<double> dots;                // [Tk] Q·Kⱼ
  std::vector<double> scaled;              // [Tk] Q·Kⱼ / √D
  std::vector<bool> masked;                // [Tk] left out by the mask
  std::vector<double> masked_scores;       // [Tk] scaled, −∞ where masked
  std::vector<double> weights;             // [Tk] softmax of masked_scores (0 where masked)
  std::vector<double> output;              // [D] Σⱼ weightⱼ · Vⱼ

  int64_t key_count() const { return static_cast<int64_t>(dots.size()); }
};

// Throws std::out_of_range for a layer, head or query the result does not have, and
// std::invalid_argument when the result holds no Q/K/V (run without capture_qkv).
HeadSteps head_steps(const ForwardResult& forward, const HeadStepsRequest& request);

// The steps as text for a tooltip or a CSV: one line per key.
std::string head_steps_csv(const HeadSteps& steps, const std::vector<std::string>& key_labels);

}  // namespace as::ui
