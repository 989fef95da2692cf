#include "cli/gemm_baseline.h"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include <oneapi/dnnl/dnnl.h>

namespace as::cli {

namespace {

struct Gemm {
  char transa, transb;
  int64_t M, N, K, batch;
};

std::vector<Gemm> forward_gemms(const ModelConfig& c, int64_t T) {
  const int64_t H = c.hidden_size, I = c.intermediate_size, NH = c.num_heads, D = c.head_dim();
  std::vector<Gemm> g;
  for (int64_t l = 0; l < c.num_layers; ++l) {
    g.push_back({'N', 'T', T, 3 * H, H, 1});  // Q, K, V
    g.push_back({'N', 'T', T, T, D, NH});      // Q Kᵀ per head
    g.push_back({'N', 'N', T, D, T, NH});      // P V per head
    g.push_back({'N', 'T', T, H, H, 1});       // attention output
    g.push_back({'N', 'T', T, I, H, 1});       // FFN up
    g.push_back({'N', 'T', T, H, I, 1});       // FFN down
  }
  if (c.model_type == "bert") g.push_back({'N', 'T', T, H, H, 1});  // MLM transform
  g.push_back({'N', 'T', T, c.vocab_size, H, 1});                    // LM head / decoder
  return g;
}

}  // namespace

double gemm_baseline_ms(const ModelConfig& config, int64_t T, int repeat, int threads) {
  if (threads > 0) omp_set_num_threads(threads);
  const auto gemms = forward_gemms(config, T);
  size_t a_max = 0, b_max = 0, c_max = 0;
  for (const auto& g : gemms) {
    a_max = std::max(a_max, static_cast<size_t>(g.M * g.K));
    b_max = std::max(b_max, static_cast<size_t>(g.K * g.N));
    c_max = std::max(c_max, static_cast<size_t>(g.M * g.N));
  }
  std::vector<float> A(a_max, 0.01f), B(b_max, 0.02f), C(c_max, 0.0f);
  std::vector<double> times;
  for (int r = 0; r < repeat + 1; ++r) {  // one warm-up run
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& g : gemms)
      for (int64_t b = 0; b < g.batch; ++b) {
        const int64_t lda = g.K, ldb = g.transb == 'T' ? g.K : g.N, ldc = g.N;
        dnnl_sgemm(g.transa, g.transb, g.M, g.N, g.K, 1.0f, A.data(), lda, B.data(), ldb, 0.0f, C.data(), ldc);
      }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (r > 0) times.push_back(ms);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace as::cli
