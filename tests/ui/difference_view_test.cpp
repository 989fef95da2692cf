// The difference view: A − B of two runs, cell by cell, against the two runs computed here
// independently; alignment by position when the token counts differ; the symmetric colour range.
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <cmath>

#include "support/test_support.h"
#include "teaching_support.h"
#include "ui/diff_view.h"
#include "ui/heatmap_plot.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

TEST(AttentionDifference, IsAMinusBOverTheCommonPositions) {
  const RunResultPtr a = test::synthetic_run(5, 2, 3, true);
  // B: 4 tokens whose layer 1 holds another pattern (the synthetic layer 2), so A − B is not zero.
  auto b = std::make_shared<RunResult>(*test::synthetic_run(4, 3, 3, true));
  b->forward.attentions.erase(b->forward.attentions.begin());
  b->forward.scores.erase(b->forward.scores.begin());
  const AttentionDiff d = attention_difference(a->forward, b->forward, 1, 2);
  EXPECT_EQ(d.tokens_a, 5);
  EXPECT_EQ(d.tokens_b, 4);
  EXPECT_EQ(d.compared, 4);
  ASSERT_EQ(d.heatmap.matrix.rows, 4);
  float largest = 0;
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) {
      if (j > i) {  // causal: masked in both
        EXPECT_TRUE(std::isnan(d.heatmap.matrix.at(i, j)));
        continue;
      }
      const float want = a->forward.attentions[1].at(2, i, j) - b->forward.attentions[1].at(2, i, j);
      EXPECT_FLOAT_EQ(d.heatmap.matrix.at(i, j), want);
      largest = std::max(largest, std::abs(want));
    }
  }
  EXPECT_GT(largest, 0.0f);
  EXPECT_FLOAT_EQ(d.max_abs, largest);
  EXPECT_FLOAT_EQ(d.heatmap.colour_range.min, -largest);
  EXPECT_FLOAT_EQ(d.heatmap.colour_range.max, largest);
  EXPECT_THROW(attention_difference(a->forward, b->forward, 2, 0), std::out_of_range);
  EXPECT_EQ(diff_labels({"the", "cat", "sat"}, {"the", "dog"}), (std::vector<std::string>{"the", "cat ≠ dog"}));
}

TEST(DiffView, ACellIsAMinusBOfTwoRuns) {
  AS_REQUIRE_SHARED();
  const char* model = "random-bert-uncased-L4-H256";
  const QString a = QStringLiteral("The cat sat on the mat.");
  const QString b = QStringLiteral("The dog sat on the mat.");
  DiffView view(1);
  view.resize(900, 700);
  view.setMainModel(test::loaded(model).summary);
  view.setHead(2, 3);
  QSignalSpy updated(&view, &DiffView::updated);
  view.setTexts(a, b);
  ASSERT_TRUE(updated.wait(30'000));
  ASSERT_TRUE(view.shownDiff().has_value());

  // The same two sentences run here, independently of the view's own sessions.
  const RunResultPtr ra = test::loaded(model).run(a.toStdString());
  const RunResultPtr rb = test::loaded(model).run(b.toStdString());
  ASSERT_EQ(ra->token_count(), rb->token_count());
  const Tensor& ta = ra->forward.attentions[2];
  const Tensor& tb = rb->forward.attentions[2];
  const HeatmapPlot* plot = view.plot();
  ASSERT_EQ(plot->rowCount(), ra->token_count());
  for (int i = 0; i < plot->rowCount(); ++i)
    for (int j = 0; j < plot->columnCount(); ++j)
      EXPECT_NEAR(plot->cellValue(i, j), ta.at(3, i, j) - tb.at(3, i, j), 1e-6) << i << ", " << j;
  // "cat" and "dog" sit at position 2 ([CLS] the cat …): its label names both.
  EXPECT_EQ(plot->rowLabels().value(2), QStringLiteral("cat ≠ dog"));
  const QCPRange range = plot->colourRange();
  EXPECT_DOUBLE_EQ(range.lower, -range.upper);
  EXPECT_GT(range.upper, 0.0);

  const auto dir = test::scratch("difference-export");
  EXPECT_EQ(view.exportTo(test::qpath(dir / "diff.svg"), ExportSize{QSize(800, 700), 96}), QString());
  EXPECT_EQ(view.exportTo(test::qpath(dir / "diff.csv"), ExportSize{}), QString());
}

TEST(DiffView, SameSentenceOnTwoModelsOfTheSameShape) {
  AS_REQUIRE_SHARED();
  // Two checkpoints with 4 layers × 4 heads of 64: the F32 GPT-2 and its F16 twin.
  DiffView view(1);
  view.resize(900, 700);
  view.setMainModel(test::loaded("random-gpt2-L4-H256").summary);
  view.setHead(0, 1);
  QSignalSpy updated(&view, &DiffView::updated);
  view.setTexts(QStringLiteral("The Transformer architecture was introduced in"), QString());
  view.setSecondModel(test::model_dir("random-gpt2-L4-H256-f16"));
  while (!(view.result(1) && view.result(1)->model->info.dtype == "F16" && view.shownDiff()))
    ASSERT_TRUE(updated.wait(30'000));
  const RunResultPtr ra = test::loaded("random-gpt2-L4-H256").run("The Transformer architecture was introduced in");
  const RunResultPtr rb = test::loaded("random-gpt2-L4-H256-f16").run("The Transformer architecture was introduced in");
  const Matrix& shown = view.shownDiff()->heatmap.matrix;
  EXPECT_NEAR(shown.at(5, 2), ra->forward.attentions[0].at(1, 5, 2) - rb->forward.attentions[0].at(1, 5, 2), 1e-6);
  EXPECT_TRUE(std::isnan(shown.at(2, 5)));  // causal mask: blank, not a difference of zeros
}

}  // namespace
}  // namespace as::ui
