#pragma once
// Choosing a backend by name ("cpu", "opencl", "opencl:N") with a fallback to the CPU: a model
// requested on OpenCL that cannot be created (no platform, kernel build failure, out of memory,
// error while loading) is loaded on the CPU instead, and a request that fails on OpenCL midway is
// recomputed whole on the CPU. Either way the result says so: backend = "cpu" and
// fallback_reason = why. A half-computed result is never returned.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "backends/backend.h"
#include "models/model.h"

namespace as {

struct BackendSpec {
  enum class Kind { Cpu, OpenCl };
  Kind kind = Kind::Cpu;
  int device = 0;  // OpenCL device index (`attentionscope-cli devices`)
  std::string text() const;  // "cpu" or "opencl:N"
};

// Parses "cpu", "opencl" (device 0) or "opencl:N"; throws as::Error on anything else.
BackendSpec parse_backend_spec(const std::string& text);

// Builds a model on a given backend (from a checkpoint folder, random weights, ...). A rebuild on
// the CPU in the middle of a request gets default LoadOptions (no progress, no cancel flag).
using ModelBuilder = std::function<std::unique_ptr<Model>(std::shared_ptr<Backend>, const LoadOptions&)>;

// The model built on `spec`'s backend, falling back to the CPU as described above (only "cpu"
// gives a plain CPU model). `cpu_threads` <= 0 means all cores. Cancellation is never turned
// into a fallback: Cancelled propagates.
std::unique_ptr<Model> build_model_on(const BackendSpec& spec, const ModelBuilder& build,
                                      const LoadOptions& options = {}, int cpu_threads = 0);

// A checkpoint folder loaded with build_model_on.
std::unique_ptr<Model> load_model_on(const std::filesystem::path& dir, const std::string& spec,
                                     const LoadOptions& options = {}, int cpu_threads = 0);

// Like build_model_on, but with the requested backend made by `make_backend` (tests use this to
// inject failures). `requested` names it in fallback reasons.
std::unique_ptr<Model> build_model_with_fallback(const std::string& requested,
                                                 const std::function<std::shared_ptr<Backend>()>& make_backend,
                                                 const ModelBuilder& build, const LoadOptions& options,
                                                 int cpu_threads);

// Why `model` runs on the CPU although another backend was requested; "" when it runs as asked.
std::string fallback_reason(const Model& model);

}  // namespace as
