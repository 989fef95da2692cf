#include "backends/opencl/kernels.h"

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "backends/opencl/kernel_sources.h"
#include "core/error.h"

namespace as::opencl {

namespace {

constexpr size_t kGroupMax = 256;  // AS_GROUP_MAX in kernels/common.cl
constexpr int kLogLines = 12;      // how much of a failed build's log goes into the error

cl::Program::Sources sources() {
  cl::Program::Sources out;
  for (const KernelSource& s : embedded_kernel_sources()) out.emplace_back(s.text);
  // Test hook (see devices.h): a real compiler error, so the failure path is the genuine one.
  if (const char* v = std::getenv("AS_OPENCL_BREAK_KERNELS"); v && std::string(v) == "1")
    out.emplace_back("#error \"AS_OPENCL_BREAK_KERNELS=1: kernel build broken on purpose\"\n");
  return out;
}

std::string first_lines(const std::string& text, int count) {
  std::istringstream in(text);
  std::string line, out;
  for (int i = 0; i < count && std::getline(in, line); ++i) out += (i ? "\n" : "") + line;
  return out;
}

cl::Program build(const cl::Context& context, const cl::Device& device) {
  cl::Program program(context, sources());
  try {
    // No -cl-fast-relaxed-math: exp, erf and tanh keep their specified accuracy (a few ulp),
    // which keeps results inside the golden tolerances without loosening them.
    program.build(std::vector<cl::Device>{device}, "");
  } catch (const cl::Error& e) {
    std::string log;
    try {
      log = program.getBuildInfo<CL_PROGRAM_BUILD_LOG>(device);
    } catch (const cl::Error&) {
      log = "(no build log)";
    }
    throw Error("OpenCL: building the kernels for " + device_name(device) + " failed (" + cl_error_name(e.err()) +
                "):\n" + first_lines(log, kLogLines));
  }
  return program;
}

size_t floor_pow2(size_t n) {
  size_t p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}

}  // namespace

Kernels::Kernels(const cl::Context& context, const cl::Device& device) {
  const cl::Program program = build(context, device);
  gather_rows = cl::Kernel(program, "gather_rows");
  copy_rows = cl::Kernel(program, "copy_rows");
  add_rows = cl::Kernel(program, "add_rows");
  linear_epilogue = cl::Kernel(program, "linear_epilogue");
  layer_norm = cl::Kernel(program, "layer_norm");
  masked_softmax = cl::Kernel(program, "masked_softmax");
  const size_t allowed = std::min(layer_norm.getWorkGroupInfo<CL_KERNEL_WORK_GROUP_SIZE>(device),
                                  masked_softmax.getWorkGroupInfo<CL_KERNEL_WORK_GROUP_SIZE>(device));
  max_row_group_ = floor_pow2(std::min(allowed, kGroupMax));
}

size_t Kernels::row_group(int64_t cols) const {
  size_t want = 1;
  while (want < static_cast<size_t>(cols) && want < max_row_group_) want *= 2;
  return want;
}

}  // namespace as::opencl
