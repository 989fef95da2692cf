#pragma once
// Shared by the teaching-panel tests: a checkpoint run in-process exactly as the GUI's worker
// runs it (compute_run), without a window.
#include <memory>
#include <string>

#include "models/model.h"
#include "tokenizers/tokenizer.h"
#include "ui/run_types.h"

namespace as::ui::test {

struct LoadedModel {
  std::unique_ptr<Model> model;
  std::unique_ptr<Tokenizer> tokenizer;
  ModelSummaryPtr summary;

  RunResultPtr run(const std::string& text, const std::string& text_b = {}) const;
};

// Loaded once per process and kept (the tests only read them).
const LoadedModel& loaded(const std::string& name);

}  // namespace as::ui::test
