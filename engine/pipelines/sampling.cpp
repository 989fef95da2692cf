#include "pipelines/sampling.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>

#include "core/error.h"

namespace as {

namespace {
constexpr float kNegInf = -std::numeric_limits<float>::infinity();
}

void validate(const SamplingOptions& o) {
  if (!(o.temperature > 0.0f)) throw Error("temperature must be greater than 0");
  if (o.top_k < 0) throw Error("top-k must be 0 (off) or positive");
  if (!(o.top_p > 0.0f && o.top_p <= 1.0f)) throw Error("top-p must be in (0, 1]");
  if (!(o.repetition_penalty > 0.0f)) throw Error("repetition penalty must be greater than 0");
  if (o.no_repeat_ngram_size < 0) throw Error("no-repeat n-gram size must be 0 (off) or positive");
}

void apply_repetition_penalty(std::span<float> scores, std::span<const int32_t> context, float penalty) {
  if (penalty == 1.0f) return;
  // Each distinct id is penalised once, however often it occurs (HF gathers then scatters).
  std::set<int32_t> seen(context.begin(), context.end());
  for (int32_t id : seen) {
    if (id < 0 || static_cast<size_t>(id) >= scores.size()) continue;
    float& s = scores[static_cast<size_t>(id)];
    s = s < 0 ? s * penalty : s / penalty;
  }
}

void apply_no_repeat_ngram(std::span<float> scores, std::span<const int32_t> context, int64_t n) {
  const int64_t len = static_cast<int64_t>(context.size());
  if (n <= 0 || len + 1 < n) return;
  // The last n-1 tokens; any earlier n-gram starting with them bans its final token.
  const auto prefix = context.subspan(static_cast<size_t>(len - (n - 1)));
  for (int64_t start = 0; start + n <= len; ++start) {
    if (std::equal(prefix.begin(), prefix.end(), context.begin() + start)) {
      const int32_t banned = context[static_cast<size_t>(start + n - 1)];
      if (banned >= 0 && static_cast<size_t>(banned) < scores.size()) scores[static_cast<size_t>(banned)] = kNegInf;
    }
  }
}

void apply_temperature(std::span<float> scores, float temperature) {
  if (temperature == 1.0f) return;
  for (float& s : scores) s /= temperature;
}

void apply_top_k(std::span<float> scores, int64_t k) {
  if (k <= 0 || static_cast<size_t>(k) >= scores.size()) return;
  std::vector<float> sorted(scores.begin(), scores.end());
  std::nth_element(sorted.begin(), sorted.begin() + (k - 1), sorted.end(), std::greater<float>());
  const float kth = sorted[static_cast<size_t>(k - 1)];
  for (float& s : scores)
    if (s < kth) s = kNegInf;
}

void apply_top_p(std::span<float> scores, float p) {
  if (p >= 1.0f) return;
  const auto probs = softmax(scores);
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  // Ascending, as HF sorts; the tail with cumulative probability <= 1 - p is removed.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] < scores[b]; });
  double cumulative = 0.0;
  for (size_t i = 0; i + 1 < order.size(); ++i) {  // the most likely token is always kept
    cumulative += probs[order[i]];
    if (cumulative <= 1.0 - static_cast<double>(p)) scores[order[i]] = kNegInf;
  }
}

std::vector<double> softmax(std::span<const float> scores) {
  std::vector<double> p(scores.size());
  if (scores.empty()) return p;
  const double mx = *std::max_element(scores.begin(), scores.end());
  double sum = 0.0;
  for (size_t i = 0; i < scores.size(); ++i) sum += (p[i] = std::exp(static_cast<double>(scores[i]) - mx));
  for (double& v : p) v /= sum;
  return p;
}

TokenSampler::TokenSampler(const SamplingOptions& options) : options_(options), rng_(options.seed) { validate(options_); }

int32_t TokenSampler::choose(std::span<const float> logits, std::span<const int32_t> context, double* processed_probability) {
  std::vector<float> scores(logits.begin(), logits.end());
  apply_repetition_penalty(scores, context, options_.repetition_penalty);
  apply_no_repeat_ngram(scores, context, options_.no_repeat_ngram_size);
  if (!options_.greedy) {
    apply_temperature(scores, options_.temperature);
    apply_top_k(scores, options_.top_k);
    apply_top_p(scores, options_.top_p);
  }
  const auto probs = softmax(scores);
  size_t chosen = 0;
  if (options_.greedy) {
    chosen = static_cast<size_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
  } else {
    // Inverse-CDF draw from one uniform number: reproducible for a seed on every platform.
    const double u = static_cast<double>(rng_() >> 11) * 0x1.0p-53;  // 53 random bits in [0, 1)
    double cumulative = 0.0;
    chosen = probs.size() - 1;
    for (size_t i = 0; i < probs.size(); ++i) {
      cumulative += probs[i];
      if (probs[i] > 0.0 && u < cumulative) {
        chosen = i;
        break;
      }
    }
    while (probs[chosen] == 0.0 && chosen > 0) --chosen;  // rounding at the very end of the CDF
  }
  if (processed_probability) *processed_probability = probs[chosen];
  return static_cast<int32_t>(chosen);
}

}  // namespace as
