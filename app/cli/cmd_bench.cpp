#include <algorithm>
#include <chrono>
#include <optional>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/gemm_baseline.h"
#include "cli/model_args.h"
#include "cli/text_input.h"
#include "core/error.h"

namespace as::cli {

namespace {

// Deterministic ids of length T inside the vocabulary ([CLS] … [SEP] for BERT).
std::vector<int32_t> synthetic_ids(const ModelInfo& info, int64_t T) {
  std::vector<int32_t> ids(static_cast<size_t>(T));
  for (int64_t i = 0; i < T; ++i) ids[static_cast<size_t>(i)] = static_cast<int32_t>(1000 + (i * 7919) % (info.vocab_size - 1000));
  if (info.family == "bert" && T >= 2 && info.vocab_size > 102) {
    ids.front() = 101;
    ids.back() = 102;
  }
  return ids;
}

// Greedy decoding of `new_tokens` tokens after the prompt with the KV cache, as generate() runs it
// (attention of every step captured); returns milliseconds for the new tokens only.
double time_generation(Model& model, const std::vector<int32_t>& prompt, int64_t new_tokens) {
  auto state = model.new_state();
  ForwardOptions o;
  o.capture_hidden = false;
  o.logits_positions = std::vector<int64_t>{static_cast<int64_t>(prompt.size()) - 1};
  ForwardResult r = model.extend(*state, prompt, o);
  const auto start = std::chrono::steady_clock::now();
  o.logits_positions = std::vector<int64_t>{0};
  for (int64_t i = 0; i < new_tokens; ++i) {
    const float* row = r.logits.data();
    const int32_t next = static_cast<int32_t>(std::max_element(row, row + r.logits.dim(1)) - row);
    r = model.extend(*state, {next}, o);
  }
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

int bench_generation(const Args& args, Model& model, const std::vector<int32_t>& prompt) {
  const int64_t new_tokens = args.get_int("new-tokens", 64);
  const int repeat = static_cast<int>(args.get_int("repeat", 5));
  if (!model.is_causal()) throw Error("--new-tokens needs a causal language model (GPT-2)");
  if (new_tokens < 1 || static_cast<int64_t>(prompt.size()) + new_tokens > model.info().max_positions)
    throw Error("--new-tokens must be at least 1 and fit in the model's positions");
  time_generation(model, prompt, 2);  // warm-up
  std::vector<double> times;
  for (int r = 0; r < repeat; ++r) times.push_back(time_generation(model, prompt, new_tokens));
  std::sort(times.begin(), times.end());
  const double median = times[times.size() / 2];
  nlohmann::ordered_json out = {{"prompt_len", prompt.size()}, {"new_tokens", new_tokens}, {"repeat", repeat},
                                {"median_ms", median}, {"min_ms", times.front()},
                                {"new_tokens_per_s", static_cast<double>(new_tokens) * 1000.0 / median},
                                {"backend", model.backend().name()}};
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace

int cmd_bench(const Args& args) {
  args.allow_only({"model", "seq-len", "text", "text-pair", "repeat", "threads", "backend", "gemm-baseline", "new-tokens"});
  auto model = model_from_args(args);
  ForwardInput input;
  if (args.has("text")) {
    input = input_from_args(args, *model).forward;
  } else {
    const int64_t T = args.get_int("seq-len", 128);
    if (T < 1 || T > model->info().max_positions)
      throw Error("--seq-len must be between 1 and the model's maximum " + std::to_string(model->info().max_positions));
    input.ids = synthetic_ids(model->info(), T);
  }
  if (args.has("new-tokens")) return bench_generation(args, *model, input.ids);
  const int repeat = static_cast<int>(args.get_int("repeat", 10));
  if (repeat < 1) throw Error("--repeat must be at least 1");
  const int64_t T = static_cast<int64_t>(input.ids.size());
  ForwardOptions options;  // full capture: attentions, scores, hidden states, logits at every position
  const bool with_gemm = args.get_or("gemm-baseline", "no") == "yes";
  std::optional<GemmBaseline> gemm;
  if (with_gemm) gemm.emplace(model->config(), T);
  model->forward(input, options);  // warm-up: primitive creation, page faults of mapped weights
  if (gemm) gemm->run_once();
  std::vector<double> times, gemm_times;
  for (int r = 0; r < repeat; ++r) {
    times.push_back(model->forward(input, options).millis);
    if (gemm) gemm_times.push_back(gemm->run_once());  // interleaved: same machine load for both
  }
  const auto median_of = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  const double median = median_of(times);
  const double fastest = *std::min_element(times.begin(), times.end());
  nlohmann::ordered_json out = {{"seq_len", T},
                                {"repeat", repeat},
                                {"median_ms", median},
                                {"min_ms", fastest},
                                {"tokens_per_s", static_cast<double>(T) * 1000.0 / median},
                                {"backend", model->backend().name()}};
  if (gemm) {
    const double gemm_median = median_of(gemm_times), gemm_min = *std::min_element(gemm_times.begin(), gemm_times.end());
    out["gemm_only_median_ms"] = gemm_median;
    out["gemm_only_min_ms"] = gemm_min;
    out["ratio_vs_gemm_only"] = median / gemm_median;
    out["ratio_vs_gemm_only_min"] = fastest / gemm_min;
  }
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace as::cli
