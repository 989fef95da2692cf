// Every Backend operation on OpenCL against the CPU backend (the reference for semantics) on
// seeded random inputs, with strided views like the models use (column views of fused QKV
// matrices, row views of the KV cache). Tolerances, stated per op:
// - data movement (upload, download, copy, gather) and single adds: exact;
// - layer norm: 2e-6 on values of order 1 (float rounding of the two reductions);
// - GEMM-based ops (linear, attention): 2e-6 · sqrt(K) · scale of the products — different
//   summation orders of K float products; the attention probabilities sum to 1, so 2e-6.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "backends/backend.h"
#include "core/error.h"
#include "opencl_test_support.h"

namespace as {
namespace {

using test::AttentionCase;
using test::LinearCase;
using test::max_abs_diff;
using test::random_tensor;
using test::writable;

class OpenClOps : public ::testing::Test {
 protected:
  void SetUp() override {
    AS_REQUIRE_OPENCL();
    ocl_ = test::shared_opencl_backend();
  }
  std::unique_ptr<Backend> cpu_ = test::reference_cpu_backend();
  std::shared_ptr<Backend> ocl_;
};

TEST_F(OpenClOps, UploadDownloadRoundTripIsExact) {
  const Tensor t = random_tensor({13, 29}, 1);
  const Mat m = ocl_->upload(t);
  EXPECT_EQ(max_abs_diff(ocl_->download(m), t), 0.0);
  // A strided view: rows 3..9, columns 5..21.
  const Tensor part = ocl_->download(m.rows_view(3, 7).cols_view(5, 17));
  EXPECT_EQ(max_abs_diff(part, cpu_->download(cpu_->upload(t).rows_view(3, 7).cols_view(5, 17))), 0.0);
  const Tensor vec = random_tensor({41}, 2);
  const Mat v = ocl_->upload(vec);
  EXPECT_EQ(v.rows, 1);
  EXPECT_EQ(max_abs_diff(ocl_->download(v), vec.reshaped({1, 41})), 0.0);
}

TEST_F(OpenClOps, CopyAndAddMatchCpuExactly) {
  const Tensor a = random_tensor({11, 40}, 3), b = random_tensor({11, 24}, 4);
  Mat c = writable(*cpu_, random_tensor({11, 30}, 5)), o = writable(*ocl_, random_tensor({11, 30}, 5));
  // dst[:, 8:24] = a[:, 16:32]; dst[:, 8:24] += b[:, 0:16] — all strided views.
  for (auto [be, m] : {std::pair{cpu_.get(), &c}, std::pair{static_cast<Backend*>(ocl_.get()), &o}}) {
    Mat window = m->cols_view(8, 16);
    be->copy(be->upload(a).cols_view(16, 16), window);
    be->add(be->upload(b).cols_view(0, 16), window);
  }
  EXPECT_EQ(max_abs_diff(ocl_->download(o), cpu_->download(c)), 0.0);
}

TEST_F(OpenClOps, GatherRowsMatchesCpuExactly) {
  const Tensor table = random_tensor({50, 24}, 6), extra = random_tensor({7, 24}, 7);
  const std::vector<int32_t> ids = {3, 49, 0, 3, 17}, types = {0, 1, 6, 2, 0};
  Tensor results[2];
  int i = 0;
  for (Backend* be : {cpu_.get(), static_cast<Backend*>(ocl_.get())}) {
    Mat y = be->alloc(5, 24);
    be->gather_rows(be->upload(table), ids, false, y);
    be->gather_rows(be->upload(extra), types, true, y);
    results[i++] = be->download(y);
  }
  EXPECT_EQ(max_abs_diff(results[1], results[0]), 0.0);
}

TEST_F(OpenClOps, GatherRowsRejectsIdsOutsideTheTable) {
  Mat table = ocl_->upload(random_tensor({10, 4}, 8)), y = ocl_->alloc(1, 4);
  const std::vector<int32_t> bad = {10};
  EXPECT_THROW(ocl_->gather_rows(table, bad, false, y), Error);
}

TEST_F(OpenClOps, LayerNormMatchesCpu) {
  for (float eps : {1e-12f, 1e-5f}) {
    // Rows with a large common offset: the case a one-pass variance gets wrong.
    Tensor x = random_tensor({9, 300}, 9);
    for (int64_t k = 0; k < 300; ++k) x.mutable_data()[k] += 40.0f;
    const Tensor gamma = random_tensor({300}, 10), beta = random_tensor({300}, 11);
    Tensor results[2];
    int i = 0;
    for (Backend* be : {cpu_.get(), static_cast<Backend*>(ocl_.get())}) {
      Mat y = be->alloc(9, 300);
      be->layer_norm(be->upload(x), be->upload(gamma), be->upload(beta), eps, y);
      results[i++] = be->download(y);
    }
    EXPECT_LE(max_abs_diff(results[1], results[0]), 2e-6) << "eps " << eps;
  }
}

TEST_F(OpenClOps, LinearMatchesCpuForEveryLayoutActivationAndAccumulation) {
  test::expect_linear_matches_cpu(*ocl_, *cpu_, LinearCase{7, 70, 53, 5});    // strided x and y
  test::expect_linear_matches_cpu(*ocl_, *cpu_, LinearCase{1, 70, 53, 5});    // one row: GEMV
  test::expect_linear_matches_cpu(*ocl_, *cpu_, LinearCase{64, 256, 192, 0});  // dense
}

TEST_F(OpenClOps, AttentionMatchesCpuWithMasksAndCausality) {
  const AttentionCase cases[] = {
      {"plain", 4, 16, 9, 9, false, false},
      {"padded", 2, 32, 12, 12, false, true},
      {"causal", 4, 16, 10, 10, true, false},
      {"causal_with_past", 3, 8, 2, 11, true, false},  // a KV-cache step: 2 new tokens, 9 cached
      {"long_causal", 4, 64, 200, 200, true, false},
  };
  for (const AttentionCase& c : cases) test::expect_attention_matches_cpu(*ocl_, *cpu_, c);
}

TEST_F(OpenClOps, AllocationBeyondTheDeviceLimitIsAClearError) {
  try {
    ocl_->alloc(int64_t{1} << 22, int64_t{1} << 22);  // 64 TiB
    FAIL() << "expected an allocation error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot allocate"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace as
