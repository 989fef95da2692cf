#include "support/golden.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <cstdio>
#include <cstdlib>
#include <numeric>

#include "support/test_support.h"

namespace as::test {

void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.model << "/" << c.name; }

std::vector<GoldenCase> golden_cases(const std::vector<std::string>& models, const std::string& name_prefix) {
  std::vector<GoldenCase> cases;
  for (const auto& model : models) {
    const auto dir = golden_dir() / model;
    if (!std::filesystem::exists(dir)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".json" && e.path().stem().string().rfind(name_prefix, 0) == 0) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) cases.push_back({model, f.stem().string(), f});
  }
  return cases;
}

std::string golden_case_name(const ::testing::TestParamInfo<GoldenCase>& info) {
  std::string s = info.param.model + "__" + info.param.name;
  for (char& ch : s)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return s;
}

void expect_rows_close(const Tensor& actual, int64_t first, const Tensor& expected, double tol, const std::string& what) {
  const int64_t n = expected.size();
  const int64_t offset = first * (expected.rank() >= 2 ? expected.dim(expected.rank() - 1) : 1);
  ASSERT_GE(actual.size(), offset + n) << what << ": result " << shape_to_string(actual.shape()) << " is smaller than golden "
                                       << shape_to_string(expected.shape());
  double worst = 0;
  int64_t worst_at = 0;
  for (int64_t i = 0; i < n; ++i) {
    const double d = std::fabs(static_cast<double>(actual.data()[offset + i]) - static_cast<double>(expected.data()[i]));
    if (!(d <= worst)) {
      worst = d;
      worst_at = i;
    }
  }
  if (std::getenv("AS_TEST_VERBOSE")) std::printf("  %-20s max |diff| %.3g (tolerance %.0e)\n", what.c_str(), worst, tol);
  EXPECT_LE(worst, tol) << what << ": max |diff| " << worst << " at flat index " << worst_at << " (got "
                        << actual.data()[offset + worst_at] << ", golden " << expected.data()[worst_at] << ")";
}

void expect_close(const Tensor& actual, const Tensor& expected, double tol, const std::string& what) {
  ASSERT_EQ(actual.shape(), expected.shape()) << what << ": shape " << shape_to_string(actual.shape()) << " vs golden "
                                              << shape_to_string(expected.shape());
  expect_rows_close(actual, 0, expected, tol, what);
}

void expect_scores_consistent(const Tensor& scores, const Tensor& probs) {
  ASSERT_EQ(scores.shape(), probs.shape());
  const int64_t rows = scores.dim(0) * scores.dim(1), cols = scores.dim(2);
  for (int64_t r = 0; r < rows; ++r) {
    const float* s = scores.data() + r * cols;
    const float* p = probs.data() + r * cols;
    const double mx = *std::max_element(s, s + cols);
    double sum = 0;
    for (int64_t j = 0; j < cols; ++j) sum += std::exp(static_cast<double>(s[j]) - mx);
    for (int64_t j = 0; j < cols; ++j) {
      const double expected = std::exp(static_cast<double>(s[j]) - mx) / sum;
      ASSERT_NEAR(p[j], expected, 1e-6) << "row " << r << " col " << j;
      if (std::isinf(s[j])) {
        ASSERT_LT(s[j], 0.0f) << "scores may only be -inf (masked)";
        ASSERT_EQ(p[j], 0.0f) << "a masked score must give probability exactly 0";
      }
    }
  }
}

std::vector<double> softmax_row(const Tensor& logits, int64_t row) {
  const int64_t V = logits.dim(1);
  const float* x = logits.data() + row * V;
  const double mx = *std::max_element(x, x + V);
  std::vector<double> p(static_cast<size_t>(V));
  double sum = 0;
  for (int64_t j = 0; j < V; ++j) sum += (p[static_cast<size_t>(j)] = std::exp(static_cast<double>(x[j]) - mx));
  for (double& v : p) v /= sum;
  return p;
}

namespace {

// Ids of the k largest values, descending.
std::vector<int64_t> top_ids(const std::vector<double>& values, size_t k) {
  std::vector<int64_t> idx(values.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::partial_sort(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(k), idx.end(),
                    [&](int64_t a, int64_t b) { return values[static_cast<size_t>(a)] > values[static_cast<size_t>(b)]; });
  idx.resize(k);
  return idx;
}

}  // namespace

// Golden ids in order, except that neighbours closer than `tie` may swap (README: near-ties).
void expect_ids_in_order(const std::vector<int64_t>& got, const std::vector<int64_t>& want,
                         const std::vector<double>& want_values, double tie, const std::string& what) {
  for (size_t i = 0; i < want.size(); ++i) {
    if (got[i] == want[i]) continue;
    const bool tied_next = i + 1 < want.size() && std::fabs(want_values[i] - want_values[i + 1]) < tie && got[i] == want[i + 1];
    const bool tied_prev = i > 0 && std::fabs(want_values[i] - want_values[i - 1]) < tie && got[i] == want[i - 1];
    EXPECT_TRUE(tied_next || tied_prev) << what << ": rank " << i << " is id " << got[i] << ", golden " << want[i];
  }
}

void expect_top_k(const Tensor& logits, int64_t row, const nlohmann::json& top, const std::string& what,
                  double prob_tol) {
  ASSERT_GT(logits.dim(0), row) << what << ": no logits row " << row;
  const auto p = softmax_row(logits, row);
  std::vector<int64_t> want;
  std::vector<double> want_p;
  for (const auto& e : top) {
    want.push_back(e["id"].get<int64_t>());
    want_p.push_back(e["prob"].get<double>());
    EXPECT_NEAR(p[e["id"].get<size_t>()], e["prob"].get<double>(), prob_tol) << what << ": probability of id " << e["id"];
  }
  expect_ids_in_order(top_ids(p, want.size()), want, want_p, kProbTol, what);
}

void expect_logits_summary(const Tensor& logits, int64_t row, const nlohmann::json& s) {
  ASSERT_GT(logits.dim(0), row);
  const int64_t V = logits.dim(1);
  const float* x = logits.data() + row * V;
  std::vector<double> v(x, x + V);
  const std::string what = "logits_summary at position " + s["position"].dump();
  EXPECT_NEAR(*std::max_element(v.begin(), v.end()), s["max"].get<double>(), kLogitTol) << what;
  EXPECT_NEAR(*std::min_element(v.begin(), v.end()), s["min"].get<double>(), kLogitTol) << what;
  const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(V);
  double var = 0;
  for (double e : v) var += (e - mean) * (e - mean);
  EXPECT_NEAR(mean, s["mean"].get<double>(), kLogitTol) << what;
  EXPECT_NEAR(std::sqrt(var / static_cast<double>(V)), s["std"].get<double>(), kLogitTol) << what;
  const double mx = *std::max_element(v.begin(), v.end());
  double se = 0;
  for (double e : v) se += std::exp(e - mx);
  EXPECT_NEAR(mx + std::log(se), s["logsumexp"].get<double>(), kLogitTol) << what;
  std::vector<int64_t> want;
  std::vector<double> want_logit;
  for (const auto& e : s["top10"]) {
    want.push_back(e["id"].get<int64_t>());
    want_logit.push_back(e["logit"].get<double>());
    EXPECT_NEAR(v[e["id"].get<size_t>()], e["logit"].get<double>(), kLogitTol) << what << ": id " << e["id"];
  }
  expect_ids_in_order(top_ids(v, want.size()), want, want_logit, 2 * kLogitTol, what);
}

void expect_fill_mask(const ForwardResult& r, const nlohmann::json& fill_mask) {
  for (const auto& m : fill_mask) {
    const int64_t pos = m["position"].get<int64_t>();
    auto it = std::find(r.logits_positions.begin(), r.logits_positions.end(), pos);
    ASSERT_NE(it, r.logits_positions.end()) << "no logits for mask position " << pos;
    expect_top_k(r.logits, it - r.logits_positions.begin(), m["top_k"], "fill_mask at " + std::to_string(pos));
  }
}

}  // namespace as::test
