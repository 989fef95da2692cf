#include "ui/pipeline_compute.h"

#include "core/error.h"
#include "ui/run_compute.h"

namespace as::ui {
namespace {

// A generated id as the tokenizer would have produced it in a text, for labelling.
Token generated_token(const Tokenizer& tokenizer, int32_t id) {
  Token token;
  token.id = id;
  token.text = tokenizer.id_to_token(id);
  const auto eos = tokenizer.special_ids().eos;
  token.special = eos && *eos == id;
  // Byte-level pieces that start a word carry the space marker "Ġ" (or a newline "Ċ").
  token.continuation = !token.special && !token.text.starts_with("\xC4\xA0") && !token.text.starts_with("\xC4\x8A");
  return token;
}

}  // namespace

FillMaskOutcomePtr compute_fill_mask(Model& model, const Tokenizer& tokenizer, const ModelSummary& summary,
                                     const FillMaskRequest& request) {
  auto outcome = std::make_shared<FillMaskOutcome>();
  outcome->generation = request.generation;
  outcome->request = request;
  outcome->mask_token = summary.mask_token;
  // A second sentence alone asks for its NSP probability: there may be nothing to fill.
  if (!summary.mask_token.empty() && request.text_a.find(summary.mask_token) != std::string::npos) {
    FillMaskOptions options;
    options.top_k = request.top_k;
    options.targets = request.targets;
    FillMaskResult result = fill_mask(model, tokenizer, request.text_a, options);
    outcome->masks = std::move(result.masks);
    outcome->warnings = std::move(result.warnings);
  }
  if (!request.text_b.empty()) {
    if (model.info().has_nsp_head) {
      outcome->is_next_probability = next_sentence_probability(model, tokenizer, request.text_a, request.text_b);
    } else {
      outcome->nsp_unavailable = "no next-sentence head in " + model.info().architecture;
    }
  }
  return outcome;
}

GenerationOutcomePtr run_generation(Model& model, const Tokenizer& tokenizer, const GenerationRequest& request,
                                    const std::atomic<bool>* cancel, const GenerationCallbacks& callbacks) {
  EncodeOptions encode_options;
  encode_options.max_length = model.info().max_positions;
  const Encoding encoding = tokenizer.encode(request.prompt, encode_options);
  if (encoding.tokens.empty()) throw Error("the prompt is empty; type a few words to continue");

  auto start = std::make_shared<GenerationStart>();
  start->id = request.id;
  start->prompt_ids = encoding.ids();
  start->prompt_labels = token_labels_for(encoding.tokens, tokenizer);
  if (callbacks.started) callbacks.started(start);

  std::vector<Token> tokens = encoding.tokens;
  GenerationOptions options = request.options;
  options.cancel = cancel;
  options.capture_attention = true;
  int64_t index = 0;
  const GenerationResult result =
      generate(model, tokenizer, start->prompt_ids, options, [&](const GenerationStep& step) {
        tokens.push_back(generated_token(tokenizer, step.id));
        auto update = std::make_shared<GenerationUpdate>();
        update->id = request.id;
        update->index = index++;
        update->step = step;
        update->labels = token_labels_for(tokens, tokenizer);
        if (callbacks.step) callbacks.step(update);
        if (callbacks.observer) callbacks.observer(update->index);
        return !(cancel && cancel->load());
      });

  auto outcome = std::make_shared<GenerationOutcome>();
  outcome->id = request.id;
  outcome->stop_reason = result.stop_reason;
  outcome->text = result.text;
  outcome->ids = result.ids;
  outcome->prompt_millis = result.prompt_millis;
  outcome->generation_millis = result.generation_millis;
  outcome->warnings = encoding.warnings;
  outcome->warnings.insert(outcome->warnings.end(), result.warnings.begin(), result.warnings.end());
  return outcome;
}

}  // namespace as::ui
