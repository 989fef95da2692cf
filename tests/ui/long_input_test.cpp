// Issue 10 item 5 in the window: a long input keeps only the layers on screen whole; every
// other layer reaches the views only as the overview the worker builds while the forward pass
// hands the layers over one at a time (thumbnails pooled, heads averaged for rollout). Checked
// on the golden 500-token BERT input, whose attentions transformers stored for layers 0 and 3.
#include <QAction>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "io/safetensors.h"
#include "models/model.h"
#include "support/golden.h"
#include "support/test_support.h"
#include "ui/export_actions.h"
#include "ui/head_grid_view.h"
#include "ui/head_lines_view.h"
#include "ui/heatmap_plot.h"
#include "ui/heatmap_view.h"
#include "ui/main_window.h"
#include "ui/session_controller.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

constexpr const char* kBert = "random-bert-uncased-L4-H256";
constexpr int kWaitMillis = 30'000;

struct Golden {
  nlohmann::json json;
  std::shared_ptr<const SafetensorsFile> tensors;
  Tensor layer(int l) const { return tensors->load_f32("attentions." + std::to_string(l)); }
};

Golden long_golden() {
  const auto dir = as::test::golden_dir() / kBert;
  return {as::test::read_json(dir / "long_500.json"), SafetensorsFile::open(dir / "long_500.safetensors")};
}

uint64_t bytes_of(const std::vector<Tensor>& tensors) {
  uint64_t bytes = 0;
  for (const Tensor& t : tensors)
    if (!t.empty()) bytes += static_cast<uint64_t>(t.size()) * sizeof(float);
  return bytes;
}

// The largest finite value of golden head `head` in source rows/cols of pooled cell (pr, pc),
// blocks as the definition says: source row r belongs to pooled row r * rows / R.
float block_max(const Tensor& layer, int64_t head, int64_t pr, int64_t pc, int64_t rows, int64_t cols) {
  const int64_t R = layer.dim(1), C = layer.dim(2);
  float best = -std::numeric_limits<float>::infinity();
  for (int64_t r = 0; r < R; ++r) {
    if (r * rows / R != pr) continue;
    for (int64_t c = 0; c < C; ++c)
      if (c * cols / C == pc) best = std::max(best, layer.at(head, r, c));
  }
  return best;
}

// Waits for a result that keeps `layer`.
RunResultPtr wait_for_layer(QSignalSpy& finished, int layer) {
  QElapsedTimer timer;
  timer.start();
  while (timer.elapsed() < kWaitMillis) {
    for (const auto& args : finished) {
      const auto result = args.at(0).value<RunResultPtr>();
      if (result->keeps_layer(layer)) return result;
    }
    finished.wait(200);
  }
  return nullptr;
}

class LongInput : public ::testing::Test {
 protected:
  void SetUp() override {
    AS_REQUIRE_SHARED();
    golden_ = long_golden();
    window_ = std::make_unique<MainWindow>(1);
    window_->resize(1300, 850);
    window_->show();
    result_ = test::load_and_run(*window_, kBert, QString::fromStdString(golden_.json["text"].get<std::string>()));
    ASSERT_NE(result_, nullptr);
    ASSERT_EQ(result_->token_count(), 500);
    ASSERT_EQ(result_->encoding.ids(), golden_.json["input_ids"].get<std::vector<int32_t>>());
  }

  // The text run again with the controller's limit lowered under its 32 MB of attention; nullptr on timeout.
  RunResultPtr run_over_the_limit() {
    SessionController* controller = window_->controller();
    controller->setFullCaptureLimit(8u << 20);
    QSignalSpy finished(controller, &SessionController::runFinished);
    controller->requestRun(QString::fromStdString(golden_.json["text"].get<std::string>()));
    return finished.wait(kWaitMillis) ? finished.last().at(0).value<RunResultPtr>() : nullptr;
  }

  Golden golden_;
  std::unique_ptr<MainWindow> window_;
  RunResultPtr result_;
};

TEST_F(LongInput, OnlyTheLayerOnScreenIsKeptWholeAndItEqualsTransformers) {
  // 4 layers × 4 heads × 500² × 2 (probabilities, scores) floats = 32 MB, and Q/K/V: under the
  // default limit. The window's controller was given its default, so lower it for this input.
  // (Done after the first run: that one must be the full capture a short input gets.)
  EXPECT_EQ(result_->overview, nullptr) << "32 MB of attention is under the 64 MiB limit: kept whole";
  const auto lazy = run_over_the_limit();
  ASSERT_NE(lazy, nullptr);
  ASSERT_NE(lazy->overview, nullptr) << "over the limit: an overview instead of every layer";
  EXPECT_TRUE(lazy->keeps_layer(0)) << "the heatmap shows layer 0";
  for (int l : {1, 2, 3}) EXPECT_FALSE(lazy->keeps_layer(l)) << "layer " << l;
  EXPECT_EQ(lazy->layer_count(), 4);
  EXPECT_EQ(lazy->head_count(), 4);
  // One layer of T × T probabilities and scores, and one layer's Q, K, V: a quarter of the full capture.
  const uint64_t layer_bytes = 2ull * 4 * 500 * 500 * sizeof(float) + 3ull * 500 * 256 * sizeof(float);
  EXPECT_EQ(bytes_of(lazy->forward.attentions) + bytes_of(lazy->forward.scores) + bytes_of(lazy->forward.queries) +
                bytes_of(lazy->forward.keys) + bytes_of(lazy->forward.values),
            layer_bytes);

  // The heatmap draws the kept layer: transformers' numbers.
  window_->heatmapView()->showHead(0, 2);
  const Tensor layer0 = golden_.layer(0);
  HeatmapPlot* plot = window_->heatmapView()->plot();
  ASSERT_EQ(plot->rowCount(), 500);
  for (int r = 0; r < 500; r += 7)
    for (int c = 0; c < 500; c += 3)
      ASSERT_NEAR(plot->cellValue(r, c), layer0.at(2, r, c), as::test::kAttentionTol) << r << "," << c;

  // Layer 3 was not kept: the heatmap says it is being computed, and the run keeping it follows.
  QSignalSpy finished(window_->controller(), &SessionController::runFinished);
  window_->heatmapView()->showHead(3, 1);
  EXPECT_FALSE(window_->heatmapView()->shownData().has_value());
  EXPECT_FALSE(window_->headLinesView()->canExport()) << "the head view follows the heatmap to layer 3";
  EXPECT_TRUE(window_->headLinesView()->caption().startsWith(QStringLiteral("Computing layer 3")))
      << window_->headLinesView()->caption().toStdString();
  const auto with3 = wait_for_layer(finished, 3);
  ASSERT_NE(with3, nullptr) << "no run kept layer 3 after the heatmap asked for it";
  EXPECT_TRUE(with3->keeps_layer(0)) << "the layers asked for recently stay kept (views showing different layers)";
  EXPECT_FALSE(with3->keeps_layer(1));
  QTest::qWait(50);
  ASSERT_TRUE(window_->heatmapView()->shownData().has_value());
  EXPECT_TRUE(window_->headLinesView()->canExport());
  EXPECT_FALSE(window_->headLinesView()->caption().startsWith(QStringLiteral("Computing")));
  const Tensor layer3 = golden_.layer(3);
  for (int r = 0; r < 500; r += 5)
    for (int c = 0; c < 500; c += 11)
      ASSERT_NEAR(plot->cellValue(r, c), layer3.at(1, r, c), as::test::kAttentionTol) << r << "," << c;

  // The all-layer exports would need every layer's matrices: off, saying why.
  EXPECT_FALSE(window_->exportActions()->jsonAction()->isEnabled());
  EXPECT_FALSE(window_->exportActions()->batchAction()->isEnabled());
  EXPECT_TRUE(window_->exportActions()->jsonAction()->toolTip().contains(QStringLiteral("500 tokens")))
      << window_->exportActions()->jsonAction()->toolTip().toStdString();
  EXPECT_TRUE(window_->exportActions()->figureAction()->isEnabled());
}

TEST_F(LongInput, TheOverviewPoolsEveryHeadAndAveragesEveryLayer) {
  const auto lazy = run_over_the_limit();
  ASSERT_NE(lazy, nullptr);
  ASSERT_NE(lazy->overview, nullptr);
  const AttentionOverview& overview = *lazy->overview;
  ASSERT_EQ(overview.layers, 4);
  ASSERT_EQ(overview.heads, 4);
  ASSERT_EQ(overview.pooled.size(), 16u);

  for (int l : {0, 3}) {  // the layers transformers stored
    const Tensor golden = golden_.layer(l);
    for (int h = 0; h < 4; ++h) {
      const Matrix& pooled = overview.pooled_head(l, h);
      ASSERT_EQ(pooled.rows, AttentionOverview::kMaxSide);
      ASSERT_EQ(pooled.cols, AttentionOverview::kMaxSide);
      for (int64_t pr = 0; pr < pooled.rows; pr += 9)
        for (int64_t pc = 0; pc < pooled.cols; pc += 4)
          ASSERT_NEAR(pooled.at(pr, pc), block_max(golden, h, pr, pc, pooled.rows, pooled.cols), as::test::kAttentionTol)
              << "layer " << l << " head " << h << " cell " << pr << "," << pc;
    }
    const Matrix& mean = overview.head_means[static_cast<size_t>(l)];
    for (int64_t r = 0; r < 500; r += 13)
      for (int64_t c = 0; c < 500; c += 7) {
        double expected = 0.0;
        for (int h = 0; h < 4; ++h) expected += static_cast<double>(golden.at(h, r, c)) / 4.0;
        ASSERT_NEAR(mean.at(r, c), expected, as::test::kAttentionTol) << "layer " << l;
      }
  }

  // The grid draws all 16 heads from it, each scaled to its own largest weight, which pooling keeps.
  HeadGridView* grid = window_->headGridView();
  ASSERT_EQ(grid->layers(), 4);
  ASSERT_EQ(grid->heads(), 4);
  const Tensor layer3 = golden_.layer(3);
  for (int h = 0; h < 4; ++h) {
    float top = 0.0f;
    for (int64_t i = 0; i < 500 * 500; ++i) top = std::max(top, layer3.data()[h * 500 * 500 + i]);
    EXPECT_NEAR(grid->thumbnails().maxima[3 * 4 + h], top, as::test::kAttentionTol) << "head " << h;
  }

  // Rollout through every layer from the overview equals rollout from a run that kept everything.
  auto model = load_model(as::test::models_dir() / kBert, make_cpu_backend(1));
  ForwardInput input;
  input.ids = lazy->encoding.ids();
  const ForwardResult full = model->forward(input);
  const Matrix expected = attention_rollout(full.attentions, 3);
  const HeatmapData shown = heatmap_data(lazy->forward, {.layer = 3, .mode = HeatmapMode::Rollout}, lazy->overview.get());
  ASSERT_EQ(shown.matrix.rows, 500);
  for (int64_t r = 0; r < 500; r += 3)
    for (int64_t c = 0; c < 500; c += 5) ASSERT_NEAR(shown.matrix.at(r, c), expected.at(r, c), 1e-6) << r << "," << c;
}

}  // namespace
}  // namespace as::ui
