#pragma once
// Turns --ids / --token-type-ids or --text / --text-pair into a model input (tokenising with the
// model folder's tokenizer, truncated to the model's maximum with a warning).
#include <string>
#include <vector>

#include "cli/args.h"
#include "models/model.h"

namespace as::cli {

struct ModelInput {
  ForwardInput forward;
  std::vector<std::string> warnings;
};

ModelInput input_from_args(const Args& args, const Model& model);

}  // namespace as::cli
