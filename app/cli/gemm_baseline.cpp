#include "cli/gemm_baseline.h"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include <oneapi/dnnl/dnnl.h>

namespace as::cli {

GemmBaseline::GemmBaseline(const ModelConfig& c, int64_t T) {
  const int64_t H = c.hidden_size, I = c.intermediate_size, NH = c.num_heads, D = c.head_dim();
  for (int64_t l = 0; l < c.num_layers; ++l) {
    gemms_.push_back({'N', 'T', T, 3 * H, H, 1});  // Q, K, V
    gemms_.push_back({'N', 'T', T, T, D, NH});      // Q Kᵀ per head
    gemms_.push_back({'N', 'N', T, D, T, NH});      // P V per head
    gemms_.push_back({'N', 'T', T, H, H, 1});       // attention output
    gemms_.push_back({'N', 'T', T, I, H, 1});       // FFN up
    gemms_.push_back({'N', 'T', T, H, I, 1});       // FFN down
  }
  if (c.model_type != "gpt2") gemms_.push_back({'N', 'T', T, H, H, 1});  // MLM transform
  gemms_.push_back({'N', 'T', T, c.vocab_size, H, 1});                    // LM head / decoder
  size_t a = 0, b = 0, cc = 0;
  for (const auto& g : gemms_) {
    a = std::max(a, static_cast<size_t>(g.M * g.K));
    b = std::max(b, static_cast<size_t>(g.K * g.N));
    cc = std::max(cc, static_cast<size_t>(g.M * g.N));
  }
  a_.assign(a, 0.01f);
  b_.assign(b, 0.02f);
  c_.assign(cc, 0.0f);
}

double GemmBaseline::run_once() {
  const auto t0 = std::chrono::steady_clock::now();
  for (const auto& g : gemms_)
    for (int64_t i = 0; i < g.batch; ++i) {
      const int64_t lda = g.K, ldb = g.transb == 'T' ? g.K : g.N, ldc = g.N;
      dnnl_sgemm(g.transa, g.transb, g.M, g.N, g.K, 1.0f, a_.data(), lda, b_.data(), ldb, 0.0f, c_.data(), ldc);
    }
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace as::cli
