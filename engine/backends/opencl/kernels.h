#pragma once
// Internal to the OpenCL backend: the program built from kernels/*.cl and a typed launcher.
#include <cstdint>

#include "backends/opencl/cl_api.h"

namespace as::opencl {

class Kernels {
 public:
  // Builds every embedded kernel for `device` (one program, so the driver compiles once).
  // Throws as::Error with the first lines of the build log when the build fails.
  Kernels(const cl::Context& context, const cl::Device& device);

  cl::Kernel gather_rows, copy_rows, add_rows, linear_epilogue, layer_norm, masked_softmax;

  // Work-group size for the one-group-per-row kernels (layer_norm, masked_softmax) on rows of
  // `cols` elements: a power of two, no larger than the row needs or the device allows.
  size_t row_group(int64_t cols) const;

 private:
  size_t max_row_group_ = 1;
};

// Sets the arguments in order and enqueues the kernel. Arguments must have the exact OpenCL
// types (cl_long for `long`, cl_int for `int`, cl_float, cl::Buffer), as their size is passed.
template <class... Args>
void launch(const cl::CommandQueue& queue, cl::Kernel& kernel, const cl::NDRange& global, const cl::NDRange& local,
            const Args&... args) {
  cl_uint index = 0;
  (kernel.setArg(index++, args), ...);
  queue.enqueueNDRangeKernel(kernel, cl::NullRange, global, local);
}

}  // namespace as::opencl
