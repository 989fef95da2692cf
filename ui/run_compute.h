#pragma once
// One forward pass over one input, producing everything the views draw. Shared by the GUI's
// worker thread and the headless exporter, so both show the very same numbers.
#include <QString>

#include <string>

#include "models/model.h"
#include "tokenizers/tokenizer.h"
#include "ui/run_types.h"

namespace as::ui {

// How `tokens` are written on chips and axis labels (byte-level pieces decoded, split characters named).
std::vector<TokenLabel> token_labels_for(const std::vector<Token>& tokens, const Tokenizer& tokenizer);

// What the model panel shows, for a model and tokenizer just loaded from `dir`.
ModelSummaryPtr summarise_model(const Model& model, const Tokenizer& tokenizer, const QString& dir,
                                double load_millis);

// Tokenises (truncating to the model's positions), labels the tokens, explains the words and
// runs the model with attention capture.
RunResultPtr compute_run(Model& model, const Tokenizer& tokenizer, const ModelSummaryPtr& summary,
                         const RunRequest& request);

}  // namespace as::ui
