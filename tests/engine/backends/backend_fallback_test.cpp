// Backend selection and the fallback to the CPU: an OpenCL model that cannot be created (no such
// device, kernel build failure) loads on the CPU, and a request that fails on OpenCL midway is
// recomputed whole on the CPU — flagged backend = "cpu" with a fallback_reason, numbers equal to
// a CPU model's. Failures mid-request are injected with a Backend decorator.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "backends/opencl/devices.h"
#include "core/error.h"
#include "models/backend_selection.h"
#include "opencl_test_support.h"
#include "support/golden.h"
#include "support/test_support.h"

namespace as {
namespace {

const char* kBert = "random-bert-uncased-L2-H64-bf16";
const char* kGpt2 = "random-gpt2-L2-H64-sharded";

// Forwards to a real backend and throws on the n-th attention call (counting from 1).
class FailingBackend final : public Backend {
 public:
  FailingBackend(std::shared_ptr<Backend> inner, int fail_at) : inner_(std::move(inner)), fail_at_(fail_at) {}
  std::string name() const override { return inner_->name(); }
  Mat upload(const Tensor& w) override { return inner_->upload(w); }
  Mat alloc(int64_t rows, int64_t cols) override { return inner_->alloc(rows, cols); }
  Tensor download(const Mat& m) override { return inner_->download(m); }
  void linear(const Mat& x, const Mat& w, WeightLayout l, const Mat* b, Activation a, bool acc, Mat& y) override {
    inner_->linear(x, w, l, b, a, acc, y);
  }
  void layer_norm(const Mat& x, const Mat& g, const Mat& b, float eps, Mat& y) override {
    inner_->layer_norm(x, g, b, eps, y);
  }
  void copy(const Mat& src, Mat& dst) override { inner_->copy(src, dst); }
  void add(const Mat& a, Mat& y) override { inner_->add(a, y); }
  void gather_rows(const Mat& t, std::span<const int32_t> rows, bool acc, Mat& y) override {
    inner_->gather_rows(t, rows, acc, y);
  }
  void attention(AttentionCall& call) override {
    if (++calls_ == fail_at_) throw Error("injected device failure");
    inner_->attention(call);
  }

 private:
  std::shared_ptr<Backend> inner_;
  int fail_at_;
  int calls_ = 0;
};

ModelBuilder folder_builder(const std::string& name) {
  return [dir = test::models_dir() / name](std::shared_ptr<Backend> be, const LoadOptions& o) {
    return load_model(dir, std::move(be), o);
  };
}

// An OpenCL model whose backend fails on the n-th attention call; CPU fallback with 1 thread.
std::unique_ptr<Model> failing_model(const std::string& name, int fail_at) {
  auto make = [fail_at] { return std::make_shared<FailingBackend>(test::shared_opencl_backend(), fail_at); };
  return build_model_with_fallback("opencl:0", make, folder_builder(name), {}, 1);
}

std::unique_ptr<Model> cpu_model(const std::string& name) {
  return load_model(test::models_dir() / name, test::reference_cpu_backend());
}

ForwardInput golden_input(const std::string& model, const std::string& golden_case) {
  const auto g = test::read_json(test::golden_dir() / model / (golden_case + ".json"));
  ForwardInput in;
  in.ids = g["input_ids"].get<std::vector<int32_t>>();
  return in;
}

// Same backend kind, same thread count, same ids: bit-identical.
void expect_identical(const ForwardResult& a, const ForwardResult& b) {
  ASSERT_EQ(a.attentions.size(), b.attentions.size());
  for (size_t l = 0; l < a.attentions.size(); ++l) EXPECT_EQ(test::max_abs_diff(a.attentions[l], b.attentions[l]), 0.0);
  ASSERT_EQ(a.hidden_states.size(), b.hidden_states.size());
  for (size_t i = 0; i < a.hidden_states.size(); ++i)
    EXPECT_EQ(test::max_abs_diff(a.hidden_states[i], b.hidden_states[i]), 0.0);
  EXPECT_EQ(test::max_abs_diff(a.logits, b.logits), 0.0);
}

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) { ::setenv(name, value, 1); }
  ~ScopedEnv() { ::unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
};

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(BackendSpec, ParsesCpuOpenClAndADeviceIndex) {
  EXPECT_EQ(parse_backend_spec("cpu").kind, BackendSpec::Kind::Cpu);
  EXPECT_EQ(parse_backend_spec("opencl").text(), "opencl:0");
  EXPECT_EQ(parse_backend_spec("opencl:3").device, 3);
  for (const char* bad : {"", "gpu", "CPU", "opencl:", "opencl:x", "opencl:-1", "opencl:1x", "opencl:99999"})
    EXPECT_THROW(parse_backend_spec(bad), Error) << bad;
}

TEST(OpenClDevices, ListsEveryDeviceWithItsProperties) {
  AS_REQUIRE_OPENCL();
  const auto devices = list_opencl_devices();
  for (size_t i = 0; i < devices.size(); ++i) {
    EXPECT_EQ(devices[i].index, static_cast<int>(i));
    EXPECT_FALSE(devices[i].platform.empty());
    EXPECT_FALSE(devices[i].name.empty());
    EXPECT_TRUE(devices[i].type == "gpu" || devices[i].type == "cpu" || devices[i].type == "accelerator" ||
                devices[i].type == "other");
    EXPECT_GT(devices[i].memory_mb, 0);
  }
}

TEST(OpenClDevices, AnInvalidIndexIsAClearError) {
  AS_REQUIRE_OPENCL();
  try {
    make_opencl_backend(999);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_TRUE(contains(e.what(), "no device 999")) << e.what();
  }
}

TEST(OpenClDevices, AKernelBuildFailureReportsTheBuildLog) {
  AS_REQUIRE_OPENCL();
  const ScopedEnv broken("AS_OPENCL_BREAK_KERNELS", "1");
  try {
    make_opencl_backend(0);
    FAIL() << "expected a build error";
  } catch (const Error& e) {
    EXPECT_TRUE(contains(e.what(), "building the kernels")) << e.what();
    EXPECT_TRUE(contains(e.what(), "broken on purpose")) << "the build log should be quoted: " << e.what();
  }
}

TEST(BackendFallback, AnInvalidDeviceLoadsOnTheCpu) {
  AS_REQUIRE_SHARED();
  AS_REQUIRE_OPENCL();
  auto model = load_model_on(test::models_dir() / kBert, "opencl:999", {}, 1);
  EXPECT_TRUE(contains(fallback_reason(*model), "no device 999")) << fallback_reason(*model);
  EXPECT_EQ(model->backend().name(), "cpu");
  const ForwardInput in = golden_input(kBert, "mask_two");
  const ForwardResult r = model->forward(in);
  EXPECT_EQ(r.backend, "cpu");
  EXPECT_TRUE(contains(r.fallback_reason, "no device 999")) << r.fallback_reason;
  expect_identical(r, cpu_model(kBert)->forward(in));
}

TEST(BackendFallback, AKernelBuildFailureLoadsOnTheCpu) {
  AS_REQUIRE_SHARED();
  AS_REQUIRE_OPENCL();
  const ScopedEnv broken("AS_OPENCL_BREAK_KERNELS", "1");
  auto model = load_model_on(test::models_dir() / kBert, "opencl", {}, 1);
  const ForwardInput in = golden_input(kBert, "pair");
  const ForwardResult r = model->forward(in);
  EXPECT_EQ(r.backend, "cpu");
  EXPECT_TRUE(contains(r.fallback_reason, "broken on purpose")) << r.fallback_reason;
  expect_identical(r, cpu_model(kBert)->forward(in));
}

TEST(BackendFallback, AFailureMidForwardIsRecomputedOnTheCpu) {
  AS_REQUIRE_SHARED();
  AS_REQUIRE_OPENCL();
  auto model = failing_model(kBert, 4);  // 2 layers: the second forward fails in its 2nd layer
  const ForwardInput in = golden_input(kBert, "mask_capital_france");
  const ForwardResult first = model->forward(in);
  EXPECT_EQ(first.backend, "opencl");
  EXPECT_TRUE(first.fallback_reason.empty());
  const ForwardResult second = model->forward(in);
  EXPECT_EQ(second.backend, "cpu");
  EXPECT_TRUE(contains(second.fallback_reason, "injected device failure")) << second.fallback_reason;
  const ForwardResult reference = cpu_model(kBert)->forward(in);
  expect_identical(second, reference);
  // The failed backend is not tried again.
  const ForwardResult third = model->forward(in);
  EXPECT_EQ(third.backend, "cpu");
  EXPECT_EQ(model->backend().name(), "cpu");
  expect_identical(third, reference);
}

TEST(BackendFallback, AnInvalidRequestFailsWithoutLeavingOpenCl) {
  AS_REQUIRE_SHARED();
  AS_REQUIRE_OPENCL();
  auto model = failing_model(kBert, 1000);
  ForwardInput bad;
  bad.ids = {101, 1000000, 102};
  EXPECT_THROW(model->forward(bad), Error);
  EXPECT_EQ(model->forward(golden_input(kBert, "plain_en")).backend, "opencl");
  EXPECT_TRUE(fallback_reason(*model).empty());
}

TEST(BackendFallback, CancellingALoadIsNotAFallback) {
  AS_REQUIRE_SHARED();
  AS_REQUIRE_OPENCL();
  const std::atomic<bool> cancel{true};
  LoadOptions options;
  options.cancel = &cancel;
  EXPECT_THROW(load_model_on(test::models_dir() / kBert, "opencl", options, 1), Cancelled);
}

TEST(BackendFallback, ProgressCoversBackendCreationAndLoading) {
  AS_REQUIRE_SHARED();
  AS_REQUIRE_OPENCL();
  std::vector<std::pair<double, std::string>> seen;
  LoadOptions options;
  options.progress = [&](double f, const std::string& phase) { seen.emplace_back(f, phase); };
  auto model = load_model_on(test::models_dir() / kGpt2, "opencl", options, 1);
  EXPECT_TRUE(fallback_reason(*model).empty()) << fallback_reason(*model);
  ASSERT_FALSE(seen.empty());
  EXPECT_TRUE(contains(seen.front().second, "OpenCL")) << seen.front().second;
  EXPECT_DOUBLE_EQ(seen.back().first, 1.0);
  for (size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i].first, seen[i - 1].first) << seen[i].second;
}

// Greedy decoding with the KV cache where the device fails at step 5: the cache is rebuilt on the
// CPU from the tokens so far, and decoding goes on with the golden ids.
TEST(BackendFallback, AFailureMidGenerationContinuesOnTheCpu) {
  AS_REQUIRE_SHARED();
  AS_REQUIRE_OPENCL();
  const auto g = test::read_json(test::golden_dir() / kGpt2 / "course.json");
  auto model = failing_model(kGpt2, 2 * 5 + 1);  // 2 layers: the 6th extend fails in its first layer
  auto state = model->new_state();
  ForwardOptions options;
  options.capture_attention = options.capture_hidden = false;
  std::vector<int32_t> next = g["input_ids"].get<std::vector<int32_t>>();
  int step_index = 0;
  for (const auto& step : g["generation"]["steps"]) {
    options.logits_positions = std::vector<int64_t>{static_cast<int64_t>(next.size()) - 1};
    const ForwardResult r = model->extend(*state, next, options);
    EXPECT_EQ(r.backend, step_index < 5 ? "opencl" : "cpu") << "step " << step_index;
    EXPECT_EQ(r.fallback_reason.empty(), step_index < 5) << "step " << step_index;
    test::expect_top_k(r.logits, 0, step["top5"], "step " + step["step"].dump(), test::kGenerationProbTol);
    const float* row = r.logits.data();
    next = {static_cast<int32_t>(std::max_element(row, row + r.logits.dim(1)) - row)};
    ASSERT_EQ(next[0], step["chosen_id"].get<int32_t>()) << "greedy step " << step_index;
    ++step_index;
  }
  EXPECT_EQ(state->length(), static_cast<int64_t>(g["input_ids"].size() + g["generation"]["steps"].size()) - 1);
}

}  // namespace
}  // namespace as
