#pragma once
// Options shared by the model commands: --model (folder or random:<shape>), --backend, --threads.
#include <memory>
#include <string>

#include "cli/args.h"
#include "models/model.h"

namespace as::cli {

std::shared_ptr<Backend> backend_from_args(const Args& args);
std::unique_ptr<Model> model_from_args(const Args& args);

}  // namespace as::cli
