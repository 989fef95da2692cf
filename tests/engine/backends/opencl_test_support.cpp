#include "opencl_test_support.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "backends/opencl/devices.h"

namespace as::test {

bool have_opencl() { return !list_opencl_devices().empty(); }

std::shared_ptr<Backend> shared_opencl_backend() {
  static std::shared_ptr<Backend> backend = have_opencl() ? make_opencl_backend(0) : nullptr;
  return backend;
}

std::unique_ptr<Backend> reference_cpu_backend() { return make_cpu_backend(1); }

double max_abs_diff(const Tensor& a, const Tensor& b) {
  if (a.shape() != b.shape()) return INFINITY;
  double worst = 0;
  for (int64_t i = 0; i < a.size(); ++i) {
    const float x = a.data()[i], y = b.data()[i];
    if (std::isinf(x) || std::isinf(y)) {
      if (x != y) return INFINITY;
      continue;
    }
    const double d = std::fabs(static_cast<double>(x) - static_cast<double>(y));
    if (std::isnan(d)) return NAN;
    worst = std::max(worst, d);
  }
  return worst;
}

Tensor random_tensor(const Shape& shape, uint32_t seed, float stddev) {
  Tensor t(shape);
  std::mt19937 rng(seed);
  std::normal_distribution<float> dist(0.0f, stddev);
  for (int64_t i = 0; i < t.size(); ++i) t.mutable_data()[i] = dist(rng);
  return t;
}

Mat writable(Backend& be, const Tensor& t) {
  const Mat uploaded = be.upload(t);
  Mat m = be.alloc(uploaded.rows, uploaded.cols);
  be.copy(uploaded, m);
  return m;
}

Tensor run_linear(Backend& be, const LinearCase& c, WeightLayout layout, bool has_bias, Activation act,
                  bool accumulate) {
  const Tensor x = random_tensor({c.M, c.K + c.pad}, 12);
  const Shape w_shape = layout == WeightLayout::OutIn ? Shape{c.N, c.K} : Shape{c.K, c.N};
  const Tensor w = random_tensor(w_shape, 13, 0.1f);
  // Without accumulation y's old values must not be read: NaN there would show.
  Tensor y0 = random_tensor({c.M, c.N + c.pad}, 15);
  if (!accumulate)
    for (int64_t r = 0; r < c.M; ++r)
      for (int64_t j = c.pad; j < c.N + c.pad; ++j) y0.mutable_data()[r * (c.N + c.pad) + j] = NAN;
  Mat y = writable(be, y0);
  Mat window = y.cols_view(c.pad, c.N);
  const Mat b = be.upload(random_tensor({c.N}, 14));
  be.linear(be.upload(x).cols_view(c.pad, c.K), be.upload(w), layout, has_bias ? &b : nullptr, act, accumulate, window);
  return be.download(y);
}

void expect_linear_matches_cpu(Backend& ocl, Backend& cpu, const LinearCase& c) {
  // Products of K unit normals with N(0, 0.1) weights have standard deviation 0.1·sqrt(K); two
  // summation orders of K float products differ by a few ulp of that per term: 2e-6·sqrt(K)·scale.
  const double tol = 2e-6 * std::sqrt(static_cast<double>(c.K)) * (0.1 * std::sqrt(static_cast<double>(c.K)) + 1);
  for (WeightLayout layout : {WeightLayout::OutIn, WeightLayout::InOut})
    for (bool has_bias : {false, true})
      for (Activation act :
           {Activation::None, Activation::GeluErf, Activation::GeluTanh, Activation::Relu, Activation::Tanh})
        for (bool accumulate : {false, true})
          EXPECT_LE(max_abs_diff(run_linear(ocl, c, layout, has_bias, act, accumulate),
                                 run_linear(cpu, c, layout, has_bias, act, accumulate)),
                    tol)
              << "M " << c.M << " K " << c.K << " N " << c.N << " layout " << static_cast<int>(layout) << " bias "
              << has_bias << " " << activation_name(act) << " accumulate " << accumulate;
}

namespace {

Tensor nan_tensor(const Shape& shape) {
  Tensor t(shape);
  std::fill(t.mutable_data(), t.mutable_data() + t.size(), NAN);
  return t;
}

struct AttentionOut {
  Tensor scores, probs, context;
};

// q is a column view of a fused [Tq, 3H] matrix, k and v column views of a [Tk + 2, 2H] cache
// (rows 0..Tk-1 in use), as GPT-2 passes them; with `past` = Tk - Tq when causal (a KV-cache step).
AttentionOut run_attention(Backend& be, const AttentionCase& c) {
  const int64_t H = c.heads * c.head_dim;
  const Mat qkv = be.upload(random_tensor({c.Tq, 3 * H}, 16));
  const Mat cache = be.upload(random_tensor({c.Tk + 2, 2 * H}, 17));
  std::vector<uint8_t> mask;
  if (c.padded)
    for (int64_t j = 0; j < c.Tk; ++j) mask.push_back(j % 3 != 1);
  AttentionCall call;
  call.q = qkv.cols_view(0, H);
  call.k = cache.rows_view(0, c.Tk).cols_view(0, H);
  call.v = cache.rows_view(0, c.Tk).cols_view(H, H);
  call.heads = c.heads;
  call.head_dim = c.head_dim;
  call.scale = 1.0f / std::sqrt(static_cast<float>(c.head_dim));
  call.causal = c.causal;
  call.past = c.causal ? c.Tk - c.Tq : 0;
  call.key_mask = mask;
  // Outputs start as NaN: nothing may read them before writing.
  call.scores = writable(be, nan_tensor({c.heads * c.Tq, c.Tk}));
  call.probs = writable(be, nan_tensor({c.heads * c.Tq, c.Tk}));
  call.context = writable(be, nan_tensor({c.Tq, H}));
  be.attention(call);
  return {be.download(call.scores), be.download(call.probs), be.download(call.context)};
}

}  // namespace

void expect_attention_matches_cpu(Backend& ocl, Backend& cpu, const AttentionCase& c) {
  const AttentionOut o = run_attention(ocl, c), r = run_attention(cpu, c);
  // Scores: D products of unit normals scaled by 1/sqrt(D), so of order 1 (max ~4); the same
  // 2e-6·sqrt(K)·scale rule as linear. -inf entries must coincide (max_abs_diff checks).
  EXPECT_LE(max_abs_diff(o.scores, r.scores), 2e-6 * std::sqrt(static_cast<double>(c.head_dim)) * 4) << c.name;
  EXPECT_LE(max_abs_diff(o.probs, r.probs), 2e-6) << c.name;
  EXPECT_LE(max_abs_diff(o.context, r.context), 2e-6 * 4) << c.name;
  for (int64_t i = 0; i < o.probs.size(); ++i) {
    if (!std::isinf(o.scores.data()[i])) continue;
    ASSERT_EQ(o.probs.data()[i], 0.0f) << c.name << ": a masked probability must be exactly 0";
  }
}

}  // namespace as::test
