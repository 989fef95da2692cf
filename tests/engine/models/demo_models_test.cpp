// The demo models shipped in resources/models (trained by packaging/train/) against the outputs of the
// PyTorch model that trained them (reference_outputs.json, computed in float32 from the same F16
// weights): our tokenizer must give the same ids, our forward the same hidden states, attention
// heads, logits and NSP logits within the golden tolerances, and greedy decoding the same tokens.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "backends/backend.h"
#include "models/model.h"
#include "support/golden.h"
#include "support/test_support.h"
#include "tokenizers/tokenizer.h"

namespace as {
namespace {

using nlohmann::json;

const std::filesystem::path kDemoDir = AS_DEMO_MODELS_DIR;
const char* const kBert = "attentionscope-bert-wordnet";
const char* const kGpt2 = "attentionscope-gpt2-wordnet";

struct Demo {
  std::unique_ptr<Model> model;
  std::unique_ptr<Tokenizer> tokenizer;
  json reference;
};

// Loaded once per process.
const Demo& demo(const std::string& name) {
  static std::map<std::string, Demo> demos;
  Demo& d = demos[name];
  if (!d.model) {
    const auto dir = kDemoDir / name;
    d.reference = test::read_json(dir / "reference_outputs.json");
    d.model = load_model(dir, make_cpu_backend(2));
    d.tokenizer = load_tokenizer(dir, d.reference["model_type"].get<std::string>());
  }
  return d;
}

Tensor matrix_of(const json& rows) {
  Tensor t({static_cast<int64_t>(rows.size()), static_cast<int64_t>(rows.at(0).size())});
  float* out = t.mutable_data();
  for (const auto& row : rows)
    for (const auto& v : row) *out++ = v.get<float>();
  return t;
}

// Head `head` of a [heads, T, T] attention tensor as a [T, T] matrix.
Tensor head_of(const Tensor& attentions, int64_t head) {
  const int64_t t = attentions.dim(1);
  Tensor out({t, t});
  std::copy_n(attentions.data() + head * t * t, t * t, out.mutable_data());
  return out;
}

// Our logits at the reference's top-10 ids match its values, and our top-10 ids are its ids in order
// (neighbours closer than the logit tolerance may swap).
void expect_top10(const Tensor& logits, int64_t row, const json& want, const std::string& what) {
  const float* r = logits.data() + row * logits.dim(1);
  std::vector<int64_t> order(static_cast<size_t>(logits.dim(1)));
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int64_t>(i);
  std::partial_sort(order.begin(), order.begin() + 10, order.end(), [&](int64_t a, int64_t b) { return r[a] > r[b]; });
  order.resize(10);
  const auto ids = want["ids"].get<std::vector<int64_t>>();
  const auto values = want["logits"].get<std::vector<double>>();
  for (size_t k = 0; k < ids.size(); ++k)
    EXPECT_NEAR(r[ids[k]], values[k], test::kLogitTol) << what << " logit of id " << ids[k];
  test::expect_ids_in_order(order, ids, values, 2 * test::kLogitTol, what + " top-10 ids");
}

Encoding encode_case(const Tokenizer& tokenizer, const json& c) {
  const std::string text = c["text"].get<std::string>();
  if (c.contains("text_pair")) return tokenizer.encode_pair(text, c["text_pair"].get<std::string>());
  return tokenizer.encode(text);
}

void expect_common(const ForwardResult& r, const json& c, const std::string& what) {
  test::expect_close(r.hidden_states.back(), matrix_of(c["last_hidden_state"]), test::kHiddenTol,
                     what + " last hidden state");
  for (const auto& a : c["attentions"]) {
    const auto layer = a["layer"].get<size_t>();
    const auto head = a["head"].get<int64_t>();
    test::expect_close(head_of(r.attentions.at(layer), head), matrix_of(a["probs"]), test::kAttentionTol,
                       what + " attention layer " + std::to_string(layer) + " head " + std::to_string(head));
  }
}

TEST(DemoModels, BertMatchesItsTrainingRecipe) {
  const Demo& d = demo(kBert);
  ASSERT_EQ(d.reference["model_type"], "bert");
  ASSERT_GE(d.reference["cases"].size(), 3u);
  for (const auto& c : d.reference["cases"]) {
    const std::string what = c["name"].get<std::string>();
    const Encoding enc = encode_case(*d.tokenizer, c);
    ASSERT_EQ(enc.ids(), c["input_ids"].get<std::vector<int32_t>>()) << what << ": token ids";
    ASSERT_EQ(enc.token_type_ids, c["token_type_ids"].get<std::vector<int32_t>>()) << what << ": token types";
    ForwardOptions options;
    options.logits_positions = std::vector<int64_t>{};
    for (const auto& m : c["mask_logits"]) options.logits_positions->push_back(m["position"].get<int64_t>());
    const ForwardResult r = d.model->forward({enc.ids(), enc.token_type_ids, {}}, options);
    expect_common(r, c, what);
    for (size_t k = 0; k < c["mask_logits"].size(); ++k)
      expect_top10(r.logits, static_cast<int64_t>(k), c["mask_logits"][k], what + " [MASK]");
    ASSERT_TRUE(r.nsp_logits.has_value()) << what << ": the demo BERT has an NSP head";
    EXPECT_NEAR((*r.nsp_logits)[0], c["nsp_logits"][0].get<double>(), test::kLogitTol) << what;
    EXPECT_NEAR((*r.nsp_logits)[1], c["nsp_logits"][1].get<double>(), test::kLogitTol) << what;
  }
}

TEST(DemoModels, Gpt2MatchesItsTrainingRecipe) {
  const Demo& d = demo(kGpt2);
  ASSERT_EQ(d.reference["model_type"], "gpt2");
  ASSERT_GE(d.reference["cases"].size(), 3u);
  for (const auto& c : d.reference["cases"]) {
    const std::string what = c["name"].get<std::string>();
    std::vector<int32_t> ids = encode_case(*d.tokenizer, c).ids();
    ASSERT_EQ(ids, c["input_ids"].get<std::vector<int32_t>>()) << what << ": token ids";
    ForwardOptions options;
    options.logits_positions = std::vector<int64_t>{static_cast<int64_t>(ids.size()) - 1};
    const ForwardResult r = d.model->forward({ids, {}, {}}, options);
    expect_common(r, c, what);
    expect_top10(r.logits, 0, c["next_token"], what + " next token");

    // Greedy continuation, recomputing the whole prefix each step as the reference did.
    ForwardOptions last_only;
    last_only.capture_attention = last_only.capture_hidden = false;
    std::vector<int32_t> generated;
    for (size_t step = 0; step < c["greedy_ids"].size(); ++step) {
      last_only.logits_positions = std::vector<int64_t>{static_cast<int64_t>(ids.size()) - 1};
      const Tensor logits = d.model->forward({ids, {}, {}}, last_only).logits;
      const float* row = logits.data();
      ids.push_back(static_cast<int32_t>(std::max_element(row, row + logits.dim(1)) - row));
      generated.push_back(ids.back());
    }
    EXPECT_EQ(generated, c["greedy_ids"].get<std::vector<int32_t>>()) << what << ": greedy continuation";
  }
}

}  // namespace
}  // namespace as
