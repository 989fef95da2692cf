#include "teaching_support.h"

#include <map>

#include "backends/backend.h"
#include "support/test_support.h"
#include "ui/run_compute.h"

namespace as::ui::test {

RunResultPtr LoadedModel::run(const std::string& text, const std::string& text_b) const {
  RunRequest request;
  request.generation = 1;
  request.text_a = text;
  request.text_b = text_b;
  return compute_run(*model, *tokenizer, summary, request);
}

const LoadedModel& loaded(const std::string& name) {
  static std::map<std::string, LoadedModel> models;
  LoadedModel& slot = models[name];
  if (!slot.model) {
    const auto dir = as::test::models_dir() / name;
    slot.model = load_model(dir, make_cpu_backend(1));
    slot.tokenizer = load_tokenizer(dir, slot.model->config().model_type);
    slot.summary = summarise_model(*slot.model, *slot.tokenizer, QString::fromStdString(dir.string()), 0.0);
  }
  return slot;
}

}  // namespace as::ui::test
