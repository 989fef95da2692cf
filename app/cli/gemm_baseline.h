#pragma once
// The matrix products of one forward pass, run through oneDNN's plain GEMM (dnnl_sgemm) alone:
// the floor against which the full forward (with attention capture) is compared.
#include "io/config.h"

namespace as::cli {

// Median milliseconds over `repeat` runs of every GEMM a forward of T tokens performs
// (projections, per-head QKᵀ and P·V, FFN and the LM head over all T positions).
double gemm_baseline_ms(const ModelConfig& config, int64_t T, int repeat, int threads);

}  // namespace as::cli
