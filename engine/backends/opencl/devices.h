#pragma once
// OpenCL device discovery and the OpenCL backend's factory. Free of OpenCL headers, so the CLI,
// the GUI and the tests use it without depending on the SDK.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "backends/backend.h"

namespace as {

struct OpenClDeviceInfo {
  int index = 0;  // what make_opencl_backend and "--backend opencl:N" take
  std::string platform;
  std::string name;
  std::string type;  // "gpu", "cpu", "accelerator" or "other"
  int64_t memory_mb = 0;
  bool fp16 = false;  // cl_khr_fp16
};

// Every device of every platform; empty when no OpenCL platform is installed.
std::vector<OpenClDeviceInfo> list_opencl_devices();

// Progress of backend creation (0..1 with a phase name): building the kernels and CLBlast's first
// use take seconds on a cold driver cache.
using BackendProgress = std::function<void(double, const std::string&)>;

// An OpenCL backend on device `device_index`: kernels built and CLBlast's GEMMs compiled before it
// returns. Throws as::Error when there is no platform or no such device, a kernel fails to build
// (with the start of the build log), or the device cannot allocate.
// Test hook: with the environment variable AS_OPENCL_BREAK_KERNELS=1 the kernel build fails
// deliberately (a real compiler error), to exercise the fallback to the CPU.
std::shared_ptr<Backend> make_opencl_backend(int device_index = 0, const BackendProgress& progress = {});

}  // namespace as
