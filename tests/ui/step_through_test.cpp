// The step-through of one head: its final weights against transformers' attention row (golden)
// and the heatmap's row, its scaled scores against an independent recomputation, and its
// weighted sum of V against an independent recomputation from the checkpoint's weights and
// transformers' hidden state (the layer's input).
#include <QTableWidget>

#include <gtest/gtest.h>

#include <cmath>

#include "io/safetensors.h"
#include "support/golden.h"
#include "support/test_support.h"
#include "teaching_support.h"
#include "ui/column_chart.h"
#include "ui/heatmap_view.h"
#include "ui/main_window.h"
#include "ui/teaching_panels.h"
#include "ui_test_support.h"
#include "ui/step_through_view.h"

namespace as::ui {
namespace {

struct GoldenRun {
  std::string model;
  std::string golden_case;
  std::string text;
  int64_t layer, head, query;
};

// Independent: V_h = input · W_vᵀ + b_v (BERT nn.Linear) for the head's columns, in double.
std::vector<double> bert_value(const Tensor& input, int64_t token, const Tensor& w, const Tensor& b, int64_t first,
                               int64_t count) {
  std::vector<double> v(static_cast<size_t>(count));
  for (int64_t o = 0; o < count; ++o) {
    double sum = b.data()[first + o];
    for (int64_t i = 0; i < input.dim(1); ++i) sum += static_cast<double>(input.at(token, i)) * static_cast<double>(w.at(first + o, i));
    v[static_cast<size_t>(o)] = sum;
  }
  return v;
}

TEST(StepThrough, FinalWeightsAreTheGoldenAttentionRowAndTheHeatmapRow) {
  AS_REQUIRE_SHARED();
  const std::vector<GoldenRun> runs = {
      {"random-bert-uncased-L4-H256", "plain_en", "The quick brown fox jumps over the lazy dog.", 2, 1, 4},
      {"random-gpt2-L4-H256", "course", "In this course, we will teach you how to", 1, 3, 6},
  };
  for (const GoldenRun& g : runs) {
    const RunResultPtr result = test::loaded(g.model).run(g.text);
    StepThroughView view;
    view.resize(1000, 700);
    view.setResult(result);
    view.setHead(static_cast<int>(g.layer), static_cast<int>(g.head));
    view.setQuery(static_cast<int>(g.query));
    ASSERT_TRUE(view.steps().has_value()) << g.model;
    const HeadSteps& s = *view.steps();
    EXPECT_EQ(s.request.layer, g.layer);
    EXPECT_EQ(s.request.head, g.head);
    EXPECT_EQ(s.request.query, g.query);
    EXPECT_EQ(s.head_dim, 64);
    EXPECT_DOUBLE_EQ(s.divisor, 8.0);

    const auto golden = SafetensorsFile::open(as::test::golden_dir() / g.model / (g.golden_case + ".safetensors"));
    const Tensor want = golden->load_f32("attentions." + std::to_string(g.layer));
    ASSERT_EQ(s.key_count(), want.dim(2)) << g.model;
    HeatmapView heatmap;
    heatmap.setResult(result);
    heatmap.showHead(static_cast<int>(g.layer), static_cast<int>(g.head));
    const Matrix& shown = heatmap.shownData()->matrix;
    for (int64_t j = 0; j < s.key_count(); ++j) {
      const auto k = static_cast<size_t>(j);
      EXPECT_NEAR(s.weights[k], want.at(g.head, g.query, j), as::test::kAttentionTol) << g.model << " key " << j;
      // The heatmap blanks masked cells (NaN); the step-through gives them weight 0 and says −∞.
      if (std::isnan(shown.at(g.query, j))) {
        EXPECT_TRUE(s.masked[k]);
        EXPECT_EQ(s.weights[k], 0.0);
      } else {
        EXPECT_NEAR(s.weights[k], shown.at(g.query, j), 1e-6) << g.model << " key " << j;
      }
      // GPT-2: keys after the query are masked; BERT (no padding): none.
      EXPECT_EQ(s.masked[k], g.model.find("gpt2") != std::string::npos && j > g.query) << g.model << " key " << j;
    }
    // What the panel draws is what it computed.
    EXPECT_EQ(view.table()->rowCount(), s.key_count());
    EXPECT_EQ(view.weightsChart()->values(), s.weights);
    EXPECT_EQ(view.outputChart()->values(), s.output);
  }
}

TEST(StepThrough, ScoresAndWeightedSumOfVMatchAnIndependentRecomputation) {
  AS_REQUIRE_SHARED();
  const std::string model = "random-bert-uncased-L4-H256";
  const int64_t layer = 1, head = 2, query = 3, D = 64;
  const RunResultPtr result = test::loaded(model).run("The quick brown fox jumps over the lazy dog.");
  HeadStepsRequest request;
  request.layer = layer;
  request.head = head;
  request.query = query;
  const HeadSteps s = head_steps(result->forward, request);

  const auto weights = SafetensorsFile::open(as::test::models_dir() / model / "model.safetensors");
  const auto golden = SafetensorsFile::open(as::test::golden_dir() / model / "plain_en.safetensors");
  const std::string p = "bert.encoder.layer." + std::to_string(layer) + ".attention.self.";
  const Tensor input = golden->load_f32("hidden_states." + std::to_string(layer));
  const Tensor attention = golden->load_f32("attentions." + std::to_string(layer));
  const auto proj = [&](const char* which, int64_t token) {
    return bert_value(input, token, weights->load_f32(p + which + ".weight"), weights->load_f32(p + which + ".bias"),
                      head * D, D);
  };
  const std::vector<double> q = proj("query", query);
  std::vector<double> output(static_cast<size_t>(D), 0.0);
  for (int64_t j = 0; j < s.key_count(); ++j) {
    const std::vector<double> k = proj("key", j), v = proj("value", j);
    double dot = 0.0;
    for (int64_t d = 0; d < D; ++d) dot += q[static_cast<size_t>(d)] * k[static_cast<size_t>(d)];
    EXPECT_NEAR(s.dots[static_cast<size_t>(j)], dot, 2e-3 * std::max(1.0, std::abs(dot))) << "Q·K, key " << j;
    EXPECT_NEAR(s.scaled[static_cast<size_t>(j)], dot / 8.0, 2e-3 * std::max(1.0, std::abs(dot / 8.0)))
        << "Q·K/√d, key " << j;
    // The engine's own pre-softmax scores are the same numbers by another path (the backend's kernel).
    EXPECT_NEAR(s.scaled[static_cast<size_t>(j)], result->forward.scores[static_cast<size_t>(layer)].at(head, query, j),
                1e-4);
    for (int64_t d = 0; d < D; ++d)
      output[static_cast<size_t>(d)] += static_cast<double>(attention.at(head, query, j)) * v[static_cast<size_t>(d)];
  }
  for (int64_t d = 0; d < D; ++d)
    EXPECT_NEAR(s.output[static_cast<size_t>(d)], output[static_cast<size_t>(d)], 1e-3) << "Σ w·V, dim " << d;
}

TEST(StepThrough, InTheWindowFollowsTheRunTheHeatmapsHeadAndThePointedToken) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  window.resize(1400, 900);
  const RunResultPtr result =
      test::load_and_run(window, "random-bert-uncased-L4-H256", QStringLiteral("The man went to the store."));
  ASSERT_NE(result, nullptr);
  window.heatmapView()->showHead(3, 2);
  window.setHoveredToken(4);
  window.teachingPanels()->showPanel(TeachingPanels::Panel::StepThrough);
  const StepThroughView* view = window.teachingPanels()->stepThrough();
  ASSERT_TRUE(view->steps().has_value());
  EXPECT_EQ(view->steps()->request.layer, 3);
  EXPECT_EQ(view->steps()->request.head, 2);
  EXPECT_EQ(view->steps()->request.query, 4);
  const Matrix& row = window.heatmapView()->shownData()->matrix;
  for (int64_t j = 0; j < result->token_count(); ++j)
    EXPECT_NEAR(view->steps()->weights[static_cast<size_t>(j)], row.at(4, j), 1e-6) << "key " << j;
}

TEST(StepThrough, ExplainsWhatIsMissingInsteadOfCrashing) {
  ForwardResult empty;
  HeadStepsRequest request;
  EXPECT_THROW(head_steps(empty, request), std::invalid_argument);
  StepThroughView view;
  view.setResult(nullptr);
  EXPECT_FALSE(view.steps().has_value());
}

}  // namespace
}  // namespace as::ui
