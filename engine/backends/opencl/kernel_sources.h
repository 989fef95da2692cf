#pragma once
// The OpenCL C sources of kernels/*.cl, embedded at build time (engine/CMakeLists.txt generates
// the definition with embed_kernels.cmake), in the order they are compiled as one program.
#include <span>

namespace as::opencl {

struct KernelSource {
  const char* file;  // e.g. "softmax.cl", for build logs
  const char* text;
};

std::span<const KernelSource> embedded_kernel_sources();

}  // namespace as::opencl
