// Fill-mask, NSP and generation against ../shared/golden: ids exactly, probabilities within the
// README's tolerances; sampling properties checked against sets computed from golden logits.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/error.h"
#include "io/safetensors.h"
#include "pipelines/fill_mask.h"
#include "pipelines/generation.h"
#include "pipelines/sampling.h"
#include "support/golden.h"
#include "support/test_support.h"

namespace as {
namespace {

using nlohmann::json;

struct Loaded {
  std::unique_ptr<Model> model;
  std::unique_ptr<Tokenizer> tokenizer;
};

Loaded& loaded(const std::string& name) {
  static std::map<std::string, Loaded> cache;
  Loaded& l = cache[name];
  if (!l.model) {
    l.model = load_model(test::models_dir() / name, make_cpu_backend(2));
    l.tokenizer = load_tokenizer(test::models_dir() / name, l.model->info().family);
  }
  return l;
}

class FillMaskGolden : public ::testing::TestWithParam<test::GoldenCase> {};

TEST_P(FillMaskGolden, TopTenIdsAndProbabilities) {
  AS_REQUIRE_SHARED();
  const json g = test::read_json(GetParam().json_path);
  if (g["fill_mask"].empty()) GTEST_SKIP() << "no [MASK] in this case";
  Loaded& l = loaded(GetParam().model);
  FillMaskOptions o;
  o.top_k = 10;
  const FillMaskResult r = fill_mask_ids(*l.model, *l.tokenizer, g["input_ids"].get<std::vector<int32_t>>(), o);
  ASSERT_EQ(r.masks.size(), g["fill_mask"].size());
  for (size_t m = 0; m < r.masks.size(); ++m) {
    const auto& want = g["fill_mask"][m];
    EXPECT_EQ(r.masks[m].position, want["position"].get<int64_t>());
    std::vector<int64_t> got, ids;
    std::vector<double> probs;
    std::map<int64_t, double> got_prob;
    for (const auto& c : r.masks[m].candidates) {
      got.push_back(c.id);
      got_prob[c.id] = c.probability;
    }
    for (const auto& w : want["top_k"]) {
      ids.push_back(w["id"].get<int64_t>());
      probs.push_back(w["prob"].get<double>());
      ASSERT_TRUE(got_prob.count(ids.back())) << "golden id " << ids.back() << " missing from our top 10";
      EXPECT_NEAR(got_prob[ids.back()], probs.back(), test::kProbTol) << "id " << ids.back();
    }
    test::expect_ids_in_order(got, ids, probs, test::kProbTol, "mask " + std::to_string(m));
    EXPECT_EQ(r.masks[m].candidates[0].token, want["top_k"][0]["token"].get<std::string>());
  }
}

INSTANTIATE_TEST_SUITE_P(Checkpoints, FillMaskGolden,
                         ::testing::ValuesIn(test::golden_cases({"random-bert-uncased-L4-H256", "random-bert-uncased-L2-H64-bf16",
                                                                 "random-distilbert-uncased-L2-H64-f16", "random-roberta-L2-H64-f16"},
                                                                "mask_")),
                         test::golden_case_name);

TEST(FillMask, TargetsScoreOnlyTheGivenWordsWithWholeVocabularyProbabilities) {
  AS_REQUIRE_SHARED();
  Loaded& l = loaded("random-bert-uncased-L4-H256");
  const auto dir = test::golden_dir() / "random-bert-uncased-L4-H256";
  const json g = test::read_json(dir / "mask_capital_france.json");
  const Tensor logits = SafetensorsFile::open(dir / "mask_capital_france.safetensors")->load_f32("logits");
  const auto golden_probs = test::softmax_row(logits, 0);
  FillMaskOptions o;
  o.targets = {"paris", "london", "berlin"};
  o.top_k = 3;
  const FillMaskResult r = fill_mask(*l.model, *l.tokenizer, "The capital of France is [MASK].", o);
  ASSERT_EQ(r.masks.size(), 1u);
  ASSERT_EQ(r.masks[0].candidates.size(), 3u);
  std::set<int32_t> ids;
  for (const auto& c : r.masks[0].candidates) {
    ids.insert(c.id);
    EXPECT_NEAR(c.probability, golden_probs[static_cast<size_t>(c.id)], test::kProbTol) << c.token;
  }
  EXPECT_EQ(ids, (std::set<int32_t>{3000, 2414, 4068}));  // paris, london, berlin in bert-base-uncased
  EXPECT_GE(r.masks[0].candidates[0].probability, r.masks[0].candidates[1].probability);
  EXPECT_TRUE(r.warnings.empty());
}

TEST(FillMask, MultiPieceTargetUsesFirstPieceWithWarning) {
  AS_REQUIRE_SHARED();
  Loaded& l = loaded("random-bert-uncased-L4-H256");
  FillMaskOptions o;
  o.targets = {"ångströmification"};
  const FillMaskResult r = fill_mask(*l.model, *l.tokenizer, "The capital of France is [MASK].", o);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("first piece"), std::string::npos) << r.warnings[0];
  ASSERT_EQ(r.masks[0].candidates.size(), 1u);
}

TEST(FillMask, SequenceIsTheSentenceWithTheCandidate) {
  AS_REQUIRE_SHARED();
  Loaded& l = loaded("random-bert-uncased-L4-H256");
  FillMaskOptions o;
  o.targets = {"paris"};
  const FillMaskResult r = fill_mask(*l.model, *l.tokenizer, "The capital of France is [MASK].", o);
  EXPECT_EQ(r.masks[0].candidates[0].token_str, "paris");
  EXPECT_EQ(r.masks[0].candidates[0].sequence, "the capital of france is paris.");
}

TEST(FillMask, ClearErrors) {
  AS_REQUIRE_SHARED();
  Loaded& bert = loaded("random-bert-uncased-L4-H256");
  EXPECT_THROW(fill_mask(*bert.model, *bert.tokenizer, "No mask here."), Error);
  Loaded& gpt = loaded("random-gpt2-L4-H256");
  try {
    fill_mask(*gpt.model, *gpt.tokenizer, "a [MASK] b");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("no masked-LM head"), std::string::npos) << e.what();
  }
}

TEST(NextSentence, MatchesTransformersOnEveryPairWithAnNspHead) {
  AS_REQUIRE_SHARED();
  for (const char* name : {"random-bert-uncased-L4-H256", "random-bert-uncased-L2-H64-bf16"}) {
    const json g = test::read_json(test::golden_dir() / name / "pair.json");
    Loaded& l = loaded(name);
    const double p = next_sentence_probability(*l.model, *l.tokenizer, g["text"], g["text_pair"]);
    EXPECT_NEAR(p, g["nsp"]["is_next_probability"].get<double>(), test::kProbTol) << name;
  }
}

class GenerationGolden : public ::testing::TestWithParam<test::GoldenCase> {};

TEST_P(GenerationGolden, GreedyIdsAndTopFive) {
  AS_REQUIRE_SHARED();
  const json g = test::read_json(GetParam().json_path);
  if (!g.contains("generation") || g["input_ids"].empty()) GTEST_SKIP() << "no generation in this case";
  Loaded& l = loaded(GetParam().model);
  GenerationOptions o;
  o.max_new_tokens = g["generation"]["num_new_tokens"].get<int64_t>();
  std::vector<int32_t> streamed;
  const GenerationResult r = generate(*l.model, *l.tokenizer, g["input_ids"].get<std::vector<int32_t>>(), o,
                                      [&](const GenerationStep& s) {
                                        streamed.push_back(s.id);
                                        return true;
                                      });
  EXPECT_EQ(r.ids, g["generation"]["new_ids"].get<std::vector<int32_t>>());
  EXPECT_EQ(streamed, r.ids);
  EXPECT_EQ(r.text, g["generation"]["new_text"].get<std::string>());
  for (size_t s = 0; s < r.steps.size(); ++s)
    for (size_t k = 0; k < 5; ++k)
      EXPECT_EQ(r.steps[s].top[k].id, g["generation"]["steps"][s]["top5"][k]["id"].get<int32_t>()) << "step " << s << " rank " << k;
  // Each step's attention: the new token's row over all keys so far, in every layer.
  ASSERT_EQ(r.steps.back().attention.size(), static_cast<size_t>(l.model->info().layers));
  EXPECT_EQ(r.steps.back().attention[0].dim(2), static_cast<int64_t>(g["input_ids"].size() + r.ids.size()) - 1);
}

INSTANTIATE_TEST_SUITE_P(Checkpoints, GenerationGolden,
                         ::testing::ValuesIn(test::golden_cases({"random-gpt2-L4-H256", "random-gpt2-L2-H64-sharded"})),
                         test::golden_case_name);

TEST(Generation, KvCacheStepsEqualFullRecompute) {
  AS_REQUIRE_SHARED();
  Loaded& l = loaded("random-gpt2-L4-H256");
  const json g = test::read_json(test::golden_dir() / "random-gpt2-L4-H256" / "course.json");
  std::vector<int32_t> ids = g["input_ids"].get<std::vector<int32_t>>();
  auto state = l.model->new_state();
  std::vector<int32_t> next = ids;
  ForwardOptions o;
  o.capture_hidden = false;
  for (int step = 0; step < 8; ++step) {
    o.logits_positions = std::vector<int64_t>{static_cast<int64_t>(next.size()) - 1};
    const ForwardResult cached = l.model->extend(*state, next, o);
    ForwardInput full_in;
    full_in.ids = ids;
    ForwardOptions fo = o;
    fo.logits_positions = std::vector<int64_t>{static_cast<int64_t>(ids.size()) - 1};
    const ForwardResult full = l.model->forward(full_in, fo);
    test::expect_close(cached.logits, full.logits, test::kLogitTol, "logits step " + std::to_string(step));
    // The cached step's attention rows are the full run's last rows.
    for (size_t layer = 0; layer < full.attentions.size(); ++layer) {
      const Tensor& a = full.attentions[layer];
      const int64_t T = a.dim(1);
      for (int64_t h = 0; h < a.dim(0); ++h)
        for (int64_t j = 0; j < T; ++j)
          ASSERT_NEAR(cached.attentions[layer].at(h, cached.attentions[layer].dim(1) - 1, j), a.at(h, T - 1, j), test::kAttentionTol);
    }
    const float* row = cached.logits.data();
    const int32_t chosen = static_cast<int32_t>(std::max_element(row, row + cached.logits.dim(1)) - row);
    ids.push_back(chosen);
    next = {chosen};
  }
}

// The golden last-position logits of "In this course, we will teach you how to".
std::vector<float> course_logits() {
  const auto dir = test::golden_dir() / "random-gpt2-L4-H256";
  const Tensor t = SafetensorsFile::open(dir / "course.safetensors")->load_f32("logits");
  return {t.data(), t.data() + t.size()};
}

TEST(Sampling, SameSeedSameTokens) {
  AS_REQUIRE_SHARED();
  Loaded& l = loaded("random-gpt2-L4-H256");
  GenerationOptions o;
  o.max_new_tokens = 12;
  o.capture_attention = false;
  o.sampling.greedy = false;
  o.sampling.temperature = 1.3f;
  o.sampling.top_k = 40;
  o.sampling.top_p = 0.95f;
  o.sampling.seed = 1234;
  const auto a = generate(*l.model, *l.tokenizer, std::string("In this course, we will teach you how to"), o);
  const auto b = generate(*l.model, *l.tokenizer, std::string("In this course, we will teach you how to"), o);
  EXPECT_EQ(a.ids, b.ids);
  o.sampling.seed = 99;
  const auto c = generate(*l.model, *l.tokenizer, std::string("In this course, we will teach you how to"), o);
  EXPECT_NE(a.ids, c.ids);  // with temperature 1.3 over 12 steps, two seeds agreeing would be astronomically unlikely
}

TEST(Sampling, NeverLeavesTheTopKSet) {
  AS_REQUIRE_SHARED();
  const auto logits = course_logits();
  std::vector<int32_t> order(logits.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) { return logits[static_cast<size_t>(a)] > logits[static_cast<size_t>(b)]; });
  const std::set<int32_t> top5(order.begin(), order.begin() + 5);
  std::set<int32_t> seen;
  for (uint64_t seed = 0; seed < 2000; ++seed) {
    SamplingOptions o;
    o.greedy = false;
    o.top_k = 5;
    o.temperature = 3.0f;  // flatten, so the tail would be drawn if it were allowed
    o.seed = seed;
    TokenSampler s(o);
    const int32_t id = s.choose(logits, {});
    ASSERT_TRUE(top5.count(id)) << "seed " << seed << " chose id " << id << " outside the top 5";
    seen.insert(id);
  }
  EXPECT_EQ(seen, top5);  // and every allowed token does come up
}

TEST(Sampling, NeverLeavesTheTopPNucleus) {
  AS_REQUIRE_SHARED();
  const auto logits = course_logits();
  const auto probs = softmax(logits);
  std::vector<int32_t> order(logits.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) { return probs[static_cast<size_t>(a)] > probs[static_cast<size_t>(b)]; });
  // Nucleus for p = 0.5: the smallest prefix of descending probabilities whose mass reaches 0.5.
  std::set<int32_t> nucleus;
  double mass = 0;
  for (int32_t id : order) {
    nucleus.insert(id);
    mass += probs[static_cast<size_t>(id)];
    if (mass >= 0.5) break;
  }
  for (uint64_t seed = 0; seed < 2000; ++seed) {
    SamplingOptions o;
    o.greedy = false;
    o.top_p = 0.5f;
    o.seed = seed;
    TokenSampler s(o);
    const int32_t id = s.choose(logits, {});
    ASSERT_TRUE(nucleus.count(id)) << "seed " << seed << " chose id " << id << " outside the nucleus of " << nucleus.size();
  }
}

TEST(Sampling, RepetitionPenaltyChangesTheGreedyChoiceWhereTheLogitsSayItMust) {
  AS_REQUIRE_SHARED();
  const auto logits = course_logits();
  std::vector<int32_t> order(logits.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
  std::partial_sort(order.begin(), order.begin() + 2, order.end(),
                    [&](int32_t a, int32_t b) { return logits[static_cast<size_t>(a)] > logits[static_cast<size_t>(b)]; });
  const int32_t first = order[0], second = order[1];
  const float l1 = logits[static_cast<size_t>(first)], l2 = logits[static_cast<size_t>(second)];
  ASSERT_GT(l2, 0.0f);  // both positive: the penalty divides
  SamplingOptions o;
  const std::vector<int32_t> context = {first};
  EXPECT_EQ(TokenSampler(o).choose(logits, context), first);
  o.repetition_penalty = l1 / l2 * 1.001f;  // just enough to push `first` below `second`
  EXPECT_EQ(TokenSampler(o).choose(logits, context), second);
  o.repetition_penalty = l1 / l2 * 0.999f;  // just not enough
  EXPECT_EQ(TokenSampler(o).choose(logits, context), first);
}

TEST(Sampling, NoRepeatNgramBansTheCompletingToken) {
  std::vector<float> scores = {0.0f, 5.0f, 1.0f, 0.5f};
  // Context 1 2 ... 1: the bigram (1, 2) exists, so after 1 the token 2 is banned.
  apply_no_repeat_ngram(scores, std::vector<int32_t>{1, 2, 3, 1}, 2);
  EXPECT_TRUE(std::isinf(scores[2]) && scores[2] < 0);
  EXPECT_EQ(scores[1], 5.0f);
  EXPECT_EQ(scores[3], 0.5f);
}

TEST(Sampling, RejectsInvalidOptions) {
  SamplingOptions o;
  o.temperature = 0.0f;
  EXPECT_THROW(TokenSampler{o}, Error);
  o = {};
  o.top_p = 1.5f;
  EXPECT_THROW(TokenSampler{o}, Error);
}

TEST(Generation, StopsAtAStopStringAndOnCancel) {
  AS_REQUIRE_SHARED();
  Loaded& l = loaded("random-gpt2-L4-H256");
  const json g = test::read_json(test::golden_dir() / "random-gpt2-L4-H256" / "course.json");
  const std::string golden_text = g["generation"]["new_text"];
  GenerationOptions o;
  o.max_new_tokens = 20;
  o.capture_attention = false;
  o.stop_strings = {golden_text.substr(0, golden_text.size() / 2)};
  const auto r = generate(*l.model, *l.tokenizer, g["input_ids"].get<std::vector<int32_t>>(), o);
  EXPECT_EQ(r.stop_reason, StopReason::StopString);
  EXPECT_LT(r.ids.size(), 20u);
  o.stop_strings.clear();
  int calls = 0;
  const auto c = generate(*l.model, *l.tokenizer, g["input_ids"].get<std::vector<int32_t>>(), o, [&](const GenerationStep&) {
    return ++calls < 3;
  });
  EXPECT_EQ(c.ids.size(), 3u);
  EXPECT_EQ(c.stop_reason, StopReason::Cancelled);
}

}  // namespace
}  // namespace as
