#include <algorithm>
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

}  // namespace

int cmd_bench(const Args& args) {
  args.allow_only({"model", "seq-len", "text", "text-pair", "repeat", "threads", "backend", "gemm-baseline"});
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
  const int repeat = static_cast<int>(args.get_int("repeat", 10));
  if (repeat < 1) throw Error("--repeat must be at least 1");
  const int64_t T = static_cast<int64_t>(input.ids.size());
  ForwardOptions options;  // full capture: attentions, scores, hidden states, logits at every position
  model->forward(input, options);  // warm-up: primitive creation, page faults of mapped weights
  std::vector<double> times;
  for (int r = 0; r < repeat; ++r) times.push_back(model->forward(input, options).millis);
  std::sort(times.begin(), times.end());
  const double median = times[times.size() / 2];
  nlohmann::ordered_json out = {{"seq_len", T},
                                {"repeat", repeat},
                                {"median_ms", median},
                                {"min_ms", times.front()},
                                {"tokens_per_s", static_cast<double>(T) * 1000.0 / median},
                                {"backend", model->backend().name()}};
  if (args.get_or("gemm-baseline", "no") == "yes") {
    const double gemm = gemm_baseline_ms(model->config(), T, repeat, static_cast<int>(args.get_int("threads", 0)));
    out["gemm_only_median_ms"] = gemm;
    out["ratio_vs_gemm_only"] = median / gemm;
  }
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace as::cli
