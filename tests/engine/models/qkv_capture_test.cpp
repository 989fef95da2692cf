// ForwardOptions::capture_qkv: every layer's Q, K and V against an independent recomputation in
// double precision from the checkpoint's own tensors (read here with the safetensors reader) and
// transformers' hidden states (the layer's input) from ../shared/golden; and softmax(Q·Kᵀ/√D) of
// the captured Q and K against the golden attention probabilities. Also the learned position
// embeddings the engine exposes against the checkpoint tensor.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "io/safetensors.h"
#include "models/model.h"
#include "support/golden.h"
#include "support/test_support.h"

namespace as {
namespace {

using nlohmann::json;

// x · Wᵀ + b for nn.Linear ([out, in]) or x · W + b for GPT-2's Conv1D ([in, out]), in double.
std::vector<double> project(const Tensor& x, int64_t row, const Tensor& w, const Tensor& b, bool conv1d,
                            int64_t first_out, int64_t count) {
  const int64_t in = x.dim(1);
  std::vector<double> y(static_cast<size_t>(count));
  for (int64_t o = 0; o < count; ++o) {
    double sum = b.data()[first_out + o];
    for (int64_t i = 0; i < in; ++i) {
      const double weight = conv1d ? w.at(i, first_out + o) : w.at(first_out + o, i);
      sum += static_cast<double>(x.at(row, i)) * weight;
    }
    y[static_cast<size_t>(o)] = sum;
  }
  return y;
}

// LayerNorm of every row in double (GPT-2's ln_1 before the attention).
Tensor layer_norm(const Tensor& x, const Tensor& gamma, const Tensor& beta, double eps) {
  const int64_t T = x.dim(0), H = x.dim(1);
  Tensor y({T, H});
  for (int64_t t = 0; t < T; ++t) {
    const auto xi = [&](int64_t i) { return static_cast<double>(x.at(t, i)); };
    double mean = 0, var = 0;
    for (int64_t i = 0; i < H; ++i) mean += xi(i);
    mean /= static_cast<double>(H);
    for (int64_t i = 0; i < H; ++i) var += (xi(i) - mean) * (xi(i) - mean);
    var /= static_cast<double>(H);
    for (int64_t i = 0; i < H; ++i)
      y.mutable_data()[t * H + i] = static_cast<float>((xi(i) - mean) / std::sqrt(var + eps) *
                                                           static_cast<double>(gamma.data()[i]) +
                                                       static_cast<double>(beta.data()[i]));
  }
  return y;
}

struct Projection {
  Tensor weight, bias;
  int64_t first_out = 0;  // Q, K, V share one fused matrix in GPT-2
  bool conv1d = false;
};

void expect_projection(const Tensor& captured, const Tensor& input, const Projection& p, double tol,
                       const std::string& what) {
  ASSERT_EQ(captured.dim(0), input.dim(0)) << what;
  const int64_t H = captured.dim(1);
  double worst = 0;
  for (int64_t t = 0; t < input.dim(0); ++t) {
    const auto want = project(input, t, p.weight, p.bias, p.conv1d, p.first_out, H);
    for (int64_t i = 0; i < H; ++i) worst = std::max(worst, std::abs(static_cast<double>(captured.at(t, i)) - want[static_cast<size_t>(i)]));
  }
  EXPECT_LE(worst, tol) << what;
}

// softmax(Q_h · K_hᵀ / √D) (causal: keys after the query left out) against the golden probabilities.
void expect_attention_from_qk(const Tensor& q, const Tensor& k, const Tensor& golden, bool causal,
                              const std::string& what) {
  const int64_t NH = golden.dim(0), T = golden.dim(1), D = q.dim(1) / NH;
  double worst = 0;
  for (int64_t h = 0; h < NH; ++h) {
    for (int64_t i = 0; i < T; ++i) {
      const int64_t keys = causal ? i + 1 : T;
      std::vector<double> s(static_cast<size_t>(keys));
      double top = -INFINITY, total = 0;
      for (int64_t j = 0; j < keys; ++j) {
        double dot = 0;
        for (int64_t d = 0; d < D; ++d) dot += static_cast<double>(q.at(i, h * D + d)) * static_cast<double>(k.at(j, h * D + d));
        s[static_cast<size_t>(j)] = dot / std::sqrt(static_cast<double>(D));
        top = std::max(top, s[static_cast<size_t>(j)]);
      }
      for (double& v : s) total += (v = std::exp(v - top));
      for (int64_t j = 0; j < T; ++j) {
        const double p = j < keys ? s[static_cast<size_t>(j)] / total : 0.0;
        worst = std::max(worst, std::abs(p - static_cast<double>(golden.at(h, i, j))));
      }
    }
  }
  EXPECT_LE(worst, test::kAttentionTol) << what;
}

ForwardOptions with_qkv() {
  ForwardOptions options;
  options.capture_qkv = true;
  options.logits_positions = std::vector<int64_t>{};
  return options;
}

// Q, K, V are ~|3| here; the golden hidden state carries float32 rounding (README: 2e-4 at most).
constexpr double kProjectionTol = 1e-3;

TEST(QkvCapture, BertMatchesTheLayerInputTimesTheCheckpointWeights) {
  AS_REQUIRE_SHARED();
  const std::string name = "random-bert-uncased-L4-H256";
  auto model = load_model(test::models_dir() / name, make_cpu_backend(2));
  auto weights = SafetensorsFile::open(test::models_dir() / name / "model.safetensors");
  const json g = test::read_json(test::golden_dir() / name / "plain_en.json");
  auto golden = SafetensorsFile::open(test::golden_dir() / name / "plain_en.safetensors");
  ForwardInput in;
  in.ids = g["input_ids"].get<std::vector<int32_t>>();
  const ForwardResult r = model->forward(in, with_qkv());
  ASSERT_EQ(r.queries.size(), 4u);
  ASSERT_EQ(r.keys.size(), 4u);
  ASSERT_EQ(r.values.size(), 4u);
  for (int layer = 0; layer < 4; ++layer) {
    const Tensor input = golden->load_f32("hidden_states." + std::to_string(layer));
    const std::string p = "bert.encoder.layer." + std::to_string(layer) + ".attention.self.";
    const auto proj = [&](const char* which) {
      return Projection{weights->load_f32(p + which + ".weight"), weights->load_f32(p + which + ".bias"), 0, false};
    };
    const std::string at = " layer " + std::to_string(layer);
    expect_projection(r.queries[static_cast<size_t>(layer)], input, proj("query"), kProjectionTol, "Q" + at);
    expect_projection(r.keys[static_cast<size_t>(layer)], input, proj("key"), kProjectionTol, "K" + at);
    expect_projection(r.values[static_cast<size_t>(layer)], input, proj("value"), kProjectionTol, "V" + at);
    expect_attention_from_qk(r.queries[static_cast<size_t>(layer)], r.keys[static_cast<size_t>(layer)],
                             golden->load_f32("attentions." + std::to_string(layer)), false, "softmax(QKᵀ/√D)" + at);
  }
}

TEST(QkvCapture, Gpt2MatchesLn1OfTheLayerInputTimesTheFusedWeights) {
  AS_REQUIRE_SHARED();
  const std::string name = "random-gpt2-L4-H256";
  auto model = load_model(test::models_dir() / name, make_cpu_backend(2));
  auto weights = SafetensorsFile::open(test::models_dir() / name / "model.safetensors");
  const json g = test::read_json(test::golden_dir() / name / "course.json");
  auto golden = SafetensorsFile::open(test::golden_dir() / name / "course.safetensors");
  ForwardInput in;
  in.ids = g["input_ids"].get<std::vector<int32_t>>();
  const ForwardResult r = model->forward(in, with_qkv());
  ASSERT_EQ(r.queries.size(), 4u);
  const int64_t H = 256;
  for (int layer = 0; layer < 4; ++layer) {
    const std::string p = "h." + std::to_string(layer) + ".";
    const Tensor input = layer_norm(golden->load_f32("hidden_states." + std::to_string(layer)),
                                    weights->load_f32(p + "ln_1.weight"), weights->load_f32(p + "ln_1.bias"), 1e-5);
    const Tensor w = weights->load_f32(p + "attn.c_attn.weight"), b = weights->load_f32(p + "attn.c_attn.bias");
    const std::string at = " layer " + std::to_string(layer);
    const auto l = static_cast<size_t>(layer);
    expect_projection(r.queries[l], input, {w, b, 0, true}, kProjectionTol, "Q" + at);
    expect_projection(r.keys[l], input, {w, b, H, true}, kProjectionTol, "K" + at);
    expect_projection(r.values[l], input, {w, b, 2 * H, true}, kProjectionTol, "V" + at);
    expect_attention_from_qk(r.queries[l], r.keys[l], golden->load_f32("attentions." + std::to_string(layer)), true,
                             "softmax(QKᵀ/√D)" + at);
  }
}

TEST(QkvCapture, OffByDefault) {
  AS_REQUIRE_SHARED();
  auto model = load_model(test::models_dir() / "random-bert-uncased-L2-H64-bf16", make_cpu_backend(2));
  ForwardInput in;
  in.ids = {101, 7592, 102};
  const ForwardResult r = model->forward(in);
  EXPECT_TRUE(r.queries.empty());
  EXPECT_TRUE(r.keys.empty());
  EXPECT_TRUE(r.values.empty());
}

// The learned position table the positional-encoding panel shows is the checkpoint's tensor,
// bit for bit (F32 as stored; F16 upcast exactly).
TEST(PositionEmbeddings, AreTheCheckpointTensor) {
  AS_REQUIRE_SHARED();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"random-bert-uncased-L4-H256", "bert.embeddings.position_embeddings.weight"},
      {"random-gpt2-L4-H256", "wpe.weight"},
      {"random-gpt2-L4-H256-f16", "wpe.weight"},
  };
  for (const auto& [name, tensor] : cases) {
    auto model = load_model(test::models_dir() / name, make_cpu_backend(1));
    const Tensor want = SafetensorsFile::open(test::models_dir() / name / "model.safetensors")->load_f32(tensor);
    const Tensor got = model->position_embeddings();
    ASSERT_EQ(got.shape(), want.shape()) << name;
    for (int64_t i = 0; i < want.size(); ++i) ASSERT_EQ(got.data()[i], want.data()[i]) << name << " element " << i;
  }
}

}  // namespace
}  // namespace as
