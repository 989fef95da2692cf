// CLBlast picks between two GEMM implementations by size: a "direct" kernel, and a padded
// ("indirect") one that copies the operands into padded buffers and writes C back. It switches
// above XGEMM_MIN_INDIRECT_SIZE³ multiply-adds per matrix: 896³ with PoCL's default parameters,
// so no test-sized case reaches it here — but tuned GPUs switch far earlier (attention products
// of a few hundred tokens), and the per-head context product writes interleaved column blocks of
// C, exactly what the write-back must get right. So this test lowers the threshold to force the
// padded path and reruns the linear and attention cases against the CPU.
#include <gtest/gtest.h>

#include <string>
#include <unordered_map>
#include <vector>

// The engine's OpenCL block sets this for as_engine only; the same API level here.
#define CL_TARGET_OPENCL_VERSION 120
#include <clblast.h>

#include "opencl_test_support.h"

namespace as {
namespace {

// The first device of the first platform that has one: device index 0 of the engine.
cl_device_id first_device() {
  cl_uint platforms = 0;
  clGetPlatformIDs(0, nullptr, &platforms);
  std::vector<cl_platform_id> ids(platforms);
  clGetPlatformIDs(platforms, ids.data(), nullptr);
  for (cl_platform_id p : ids) {
    cl_device_id d = nullptr;
    if (clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 1, &d, nullptr) == CL_SUCCESS) return d;
  }
  return nullptr;
}

// Lowers CLBlast's threshold for the lifetime of the object (it is a process-wide setting).
class ForcePaddedGemm {
 public:
  ForcePaddedGemm() : device_(first_device()) {
    const auto single = clblast::Precision::kSingle;
    ok_ = clblast::RetrieveParameters(device_, "GemmRoutine", single, saved_) == clblast::StatusCode::kSuccess &&
          clblast::OverrideParameters(device_, "GemmRoutine", single, {{"XGEMM_MIN_INDIRECT_SIZE", 1}}) ==
              clblast::StatusCode::kSuccess;
  }
  ~ForcePaddedGemm() {
    if (ok_) clblast::OverrideParameters(device_, "GemmRoutine", clblast::Precision::kSingle, saved_);
  }
  ForcePaddedGemm(const ForcePaddedGemm&) = delete;
  ForcePaddedGemm& operator=(const ForcePaddedGemm&) = delete;
  bool ok() const { return ok_; }

 private:
  cl_device_id device_;
  std::unordered_map<std::string, size_t> saved_;
  bool ok_ = false;
};

TEST(OpenClGemmPaths, PaddedGemmMatchesCpuForLinearAndAttention) {
  AS_REQUIRE_OPENCL();
  auto ocl = test::shared_opencl_backend();
  auto cpu = test::reference_cpu_backend();
  const ForcePaddedGemm force;
  ASSERT_TRUE(force.ok()) << "could not override CLBlast's GEMM parameters";
  test::expect_linear_matches_cpu(*ocl, *cpu, {7, 70, 53, 5});
  test::expect_linear_matches_cpu(*ocl, *cpu, {33, 96, 40, 0});
  const test::AttentionCase cases[] = {
      {"padded", 2, 32, 12, 12, false, true},
      {"causal_with_past", 3, 8, 2, 11, true, false},
      {"causal", 4, 64, 70, 70, true, false},
  };
  for (const auto& c : cases) test::expect_attention_matches_cpu(*ocl, *cpu, c);
}

}  // namespace
}  // namespace as
