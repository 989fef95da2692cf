#include "pipelines/generation.h"

#include <algorithm>
#include <chrono>
#include <numeric>

#include "core/error.h"

namespace as {

const char* stop_reason_name(StopReason r) {
  switch (r) {
    case StopReason::MaxTokens: return "max_new_tokens";
    case StopReason::EndOfText: return "end_of_text";
    case StopReason::StopString: return "stop_string";
    case StopReason::MaxPositions: return "max_positions";
    case StopReason::Cancelled: return "cancelled";
  }
  return "?";
}

std::vector<TokenProbability> top_tokens(const std::vector<double>& probs, int64_t k, const Tokenizer* tokenizer) {
  k = std::min<int64_t>(k, static_cast<int64_t>(probs.size()));
  std::vector<int32_t> idx(probs.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::partial_sort(idx.begin(), idx.begin() + k, idx.end(),
                    [&](int32_t a, int32_t b) { return probs[static_cast<size_t>(a)] > probs[static_cast<size_t>(b)]; });
  std::vector<TokenProbability> out;
  for (int64_t i = 0; i < k; ++i) {
    const int32_t id = idx[static_cast<size_t>(i)];
    out.push_back({id, tokenizer ? tokenizer->id_to_token(id) : std::string(), probs[static_cast<size_t>(id)]});
  }
  return out;
}

namespace {

double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

bool contains_stop_string(const std::string& text, const std::vector<std::string>& stops) {
  return std::any_of(stops.begin(), stops.end(), [&](const std::string& s) { return !s.empty() && text.find(s) != std::string::npos; });
}

}  // namespace

GenerationResult generate(Model& model, const Tokenizer& tokenizer, const std::vector<int32_t>& prompt_ids,
                          const GenerationOptions& options, const StepCallback& on_step) {
  if (!model.is_causal()) throw Error("generation needs a causal language model (GPT-2); this is " + model.info().family);
  if (prompt_ids.empty()) throw Error("the prompt is empty; generation needs at least one token");
  if (options.max_new_tokens < 0) throw Error("max new tokens must be 0 or more");
  TokenSampler sampler(options.sampling);
  GenerationResult result;
  result.prompt_ids = prompt_ids;
  const auto eos = tokenizer.special_ids().eos;
  const int64_t max_positions = model.info().max_positions;
  if (static_cast<int64_t>(prompt_ids.size()) + options.max_new_tokens > max_positions)
    result.warnings.push_back("the prompt plus " + std::to_string(options.max_new_tokens) + " new tokens exceeds the model's " +
                              std::to_string(max_positions) + " positions; generation stops at the limit");
  auto state = model.new_state();
  IncrementalDecoder decoder(tokenizer);
  std::vector<int32_t> context = prompt_ids, next = prompt_ids;
  ForwardOptions fo;
  fo.capture_hidden = false;
  fo.capture_attention = options.capture_attention;
  auto clock = std::chrono::steady_clock::now();
  for (int64_t step = 0; step < options.max_new_tokens; ++step) {
    if (options.cancel && options.cancel->load()) {
      result.stop_reason = StopReason::Cancelled;
      break;
    }
    if (state->length() + static_cast<int64_t>(next.size()) > max_positions) {
      result.stop_reason = StopReason::MaxPositions;
      break;
    }
    fo.logits_positions = std::vector<int64_t>{static_cast<int64_t>(next.size()) - 1};
    ForwardResult r = model.extend(*state, next, fo);
    if (step == 0) {
      result.prompt_millis = elapsed_ms(clock);
      clock = std::chrono::steady_clock::now();
    }
    const std::span<const float> logits(r.logits.data(), static_cast<size_t>(r.logits.dim(1)));
    GenerationStep s;
    s.id = sampler.choose(logits, context, &s.sampling_probability);
    const auto probs = softmax(logits);
    s.probability = probs[static_cast<size_t>(s.id)];
    s.top = top_tokens(probs, options.top_alternatives, &tokenizer);
    s.token = tokenizer.id_to_token(s.id);
    // The new token's attention row is the last query row of every layer.
    for (const Tensor& a : r.attentions) {
      const int64_t heads = a.dim(0), rows = a.dim(1), keys = a.dim(2);
      Tensor row({heads, 1, keys});
      for (int64_t h = 0; h < heads; ++h)
        std::copy_n(a.data() + (h * rows + rows - 1) * keys, keys, row.mutable_data() + h * keys);
      s.attention.push_back(row);
    }
    const bool is_eos = options.stop_at_eos && eos && s.id == *eos;
    s.text = is_eos ? std::string() : decoder.push(s.id);
    result.ids.push_back(s.id);
    result.text += s.text;
    context.push_back(s.id);
    next = {s.id};
    result.steps.push_back(s);
    const bool keep_going = on_step ? on_step(result.steps.back()) : true;
    if (is_eos) {
      result.stop_reason = StopReason::EndOfText;
      break;
    }
    if (contains_stop_string(result.text, options.stop_strings)) {
      result.stop_reason = StopReason::StopString;
      break;
    }
    if (!keep_going) {
      result.stop_reason = StopReason::Cancelled;
      break;
    }
  }
  result.text += decoder.flush();
  result.generation_millis = elapsed_ms(clock);
  return result;
}

GenerationResult generate(Model& model, const Tokenizer& tokenizer, const std::string& prompt,
                          const GenerationOptions& options, const StepCallback& on_step) {
  EncodeOptions eo;
  eo.max_length = model.info().max_positions;
  Encoding enc = tokenizer.encode(prompt, eo);
  GenerationResult r = generate(model, tokenizer, enc.ids(), options, on_step);
  r.warnings.insert(r.warnings.begin(), enc.warnings.begin(), enc.warnings.end());
  return r;
}

}  // namespace as
