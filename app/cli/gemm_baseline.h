#pragma once
// The matrix products of one forward pass, run through oneDNN's plain GEMM (dnnl_sgemm) alone:
// the floor against which the full forward (with attention capture) is compared.
#include <vector>

#include "io/config.h"

namespace as::cli {

// Every GEMM a forward of T tokens performs (projections, per-head QKᵀ and P·V, FFN and the LM
// head over all T positions), with buffers allocated once. run_once() returns milliseconds; the
// bench interleaves it with forward passes so both see the same machine load.
class GemmBaseline {
 public:
  GemmBaseline(const ModelConfig& config, int64_t T);
  double run_once();

 private:
  struct Gemm {
    char transa, transb;
    int64_t M, N, K, batch;
  };
  std::vector<Gemm> gemms_;
  std::vector<float> a_, b_, c_;
};

}  // namespace as::cli
