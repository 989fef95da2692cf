#include "cli/model_args.h"

#include "core/error.h"

namespace as::cli {

std::shared_ptr<Backend> backend_from_args(const Args& args) {
  const std::string name = args.get_or("backend", "cpu");
  const int threads = static_cast<int>(args.get_int("threads", 0));
  if (threads < 0) throw Error("--threads must be 0 (all cores) or more");
  if (name == "cpu") return make_cpu_backend(threads);
  throw Error("unknown backend '" + name + "' (available: cpu)");
}

std::unique_ptr<Model> model_from_args(const Args& args) {
  const std::string model = args.require("model");
  auto backend = backend_from_args(args);
  if (model.rfind("random:", 0) == 0) return make_random_model(model, backend);
  return load_model(model, backend);
}

}  // namespace as::cli
