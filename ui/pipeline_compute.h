#pragma once
// The teaching pipelines as the worker thread runs them: fill-mask (with the NSP probability of
// a sentence pair) and streamed generation. Qt-free apart from the request/result types.
#include <atomic>
#include <functional>

#include "models/model.h"
#include "tokenizers/tokenizer.h"
#include "ui/pipeline_types.h"
#include "ui/run_types.h"

namespace as::ui {

// Fills every mask token of request.text_a (if it has any); adds P(B follows A) when text_b is given.
FillMaskOutcomePtr compute_fill_mask(Model& model, const Tokenizer& tokenizer, const ModelSummary& summary,
                                     const FillMaskRequest& request);

struct GenerationCallbacks {
  std::function<void(GenerationStartPtr)> started;
  std::function<void(GenerationUpdatePtr)> step;
  std::function<void(int64_t)> observer;  // instrumentation: after each step, with its index
};

// Generates from request.prompt, reporting the prompt and each token as it comes; `cancel` is
// checked between tokens, so a stop takes effect within one step.
GenerationOutcomePtr run_generation(Model& model, const Tokenizer& tokenizer, const GenerationRequest& request,
                                    const std::atomic<bool>* cancel, const GenerationCallbacks& callbacks);

}  // namespace as::ui
