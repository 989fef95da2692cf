#pragma once
// Shared by the OpenCL tests: one OpenCL backend per test process (kernel builds and CLBlast's
// first use are paid once), a skip — not a failure — on machines without any OpenCL platform,
// and the op cases that run identically on the CPU and the OpenCL backend.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "backends/backend.h"

namespace as::test {

// The backend on device 0, or null when no OpenCL device exists (creation errors propagate).
std::shared_ptr<Backend> shared_opencl_backend();
bool have_opencl();

// The CPU backend the OpenCL results are compared with. One thread: with two, oneDNN's OpenMP
// workers spin-wait after each call and starve PoCL's threads on a 2-core machine (10x slower).
std::unique_ptr<Backend> reference_cpu_backend();

// Largest |a - b| over two tensors of the same shape; ±inf must match exactly (else returns inf).
double max_abs_diff(const Tensor& a, const Tensor& b);

Tensor random_tensor(const Shape& shape, uint32_t seed, float stddev = 1.0f);
// A writable matrix on `be` holding `t` (upload() gives read-only weights).
Mat writable(Backend& be, const Tensor& t);

struct LinearCase {
  int64_t M, K, N;
  int64_t pad;  // extra columns around x and y, so both are strided column views
};
// y (a column window of a wider matrix holding random values) = act(x·W + b) (+ y); returns all of y.
Tensor run_linear(Backend& be, const LinearCase& c, WeightLayout layout, bool has_bias, Activation act,
                  bool accumulate);
// Every layout × bias × activation × accumulate combination of `c` on OpenCL against the CPU.
void expect_linear_matches_cpu(Backend& ocl, Backend& cpu, const LinearCase& c);

struct AttentionCase {
  const char* name;
  int64_t heads, head_dim, Tq, Tk;
  bool causal;
  bool padded;  // a key mask with some keys off
};
// Scores, probabilities and context of `c` on OpenCL against the CPU; masked probabilities exactly 0.
void expect_attention_matches_cpu(Backend& ocl, Backend& cpu, const AttentionCase& c);

}  // namespace as::test

#define AS_REQUIRE_OPENCL()                                                                          \
  do {                                                                                               \
    if (!::as::test::have_opencl()) GTEST_SKIP() << "no OpenCL platform/device on this machine";     \
  } while (0)
