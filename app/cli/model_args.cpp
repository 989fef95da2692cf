#include "cli/model_args.h"

#include <iostream>

#include "backends/opencl/devices.h"
#include "core/error.h"
#include "models/backend_selection.h"

namespace as::cli {

namespace {

int threads_from_args(const Args& args) {
  const int threads = static_cast<int>(args.get_int("threads", 0));
  if (threads < 0) throw Error("--threads must be 0 (all cores) or more");
  return threads;
}

}  // namespace

std::shared_ptr<Backend> backend_from_args(const Args& args) {
  const BackendSpec spec = parse_backend_spec(args.get_or("backend", "cpu"));
  const int threads = threads_from_args(args);
  if (spec.kind == BackendSpec::Kind::OpenCl) return make_opencl_backend(spec.device);
  return make_cpu_backend(threads);
}

// --backend opencl[:N] falls back to the CPU when OpenCL fails; the reason goes to stderr here
// (stdout stays JSON) and into every result's fallback_reason.
std::unique_ptr<Model> model_from_args(const Args& args) {
  const std::string model = args.require("model");
  const BackendSpec spec = parse_backend_spec(args.get_or("backend", "cpu"));
  auto build = [model](std::shared_ptr<Backend> backend, const LoadOptions& options) {
    if (model.rfind("random:", 0) == 0) return make_random_model(model, std::move(backend));
    return load_model(model, std::move(backend), options);
  };
  auto loaded = build_model_on(spec, build, {}, threads_from_args(args));
  if (const std::string reason = fallback_reason(*loaded); !reason.empty())
    std::cerr << "warning: running on the CPU: " << reason << "\n";
  return loaded;
}

}  // namespace as::cli
