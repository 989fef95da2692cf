// The views driven as a user would, on synthetic results (exact expected values) and, end to
// end, on the BERT test checkpoint through the main window.
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include "support/test_support.h"
#include "ui/head_grid_view.h"
#include "ui/heatmap_view.h"
#include "ui/main_window.h"
#include "ui/sentence_editor.h"
#include "ui/session_controller.h"
#include "ui/tokens_view.h"

namespace as::ui {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

Tensor tensor3(int64_t heads, int64_t rows, int64_t cols, std::vector<float> values) {
  Tensor t({heads, rows, cols});
  std::copy(values.begin(), values.end(), t.mutable_data());
  return t;
}

// Three GPT-2-like tokens, two layers of two causal heads.
RunResultPtr synthetic_result() {
  auto summary = std::make_shared<ModelSummary>();
  summary->info.family = "gpt2";
  summary->info.max_positions = 1024;
  summary->tokenizer_kind = "bpe";
  auto result = std::make_shared<RunResult>();
  result->model = summary;
  const std::vector<std::string> texts = {"The", "Ġcat", "Ġsat"};
  const std::vector<std::string> bytes = {"The", " cat", " sat"};
  for (size_t i = 0; i < texts.size(); ++i) {
    Token token;
    token.id = static_cast<int32_t>(100 + i);
    token.text = texts[i];
    token.word = static_cast<int32_t>(i);
    result->encoding.tokens.push_back(token);
  }
  result->labels = byte_level_labels(result->encoding.tokens, bytes);
  const std::vector<float> probs = {1, 0, 0, 0.5f, 0.5f, 0, 0.2f, 0.3f, 0.5f};
  const std::vector<float> probs_b = {1, 0, 0, 0.9f, 0.1f, 0, 0.6f, 0.2f, 0.2f};
  const std::vector<float> scores = {0, -kInf, -kInf, 0, 0, -kInf, 1, 2, 3};
  std::vector<float> both_probs = probs;
  both_probs.insert(both_probs.end(), probs_b.begin(), probs_b.end());
  std::vector<float> both_scores = scores;
  both_scores.insert(both_scores.end(), scores.begin(), scores.end());
  for (int layer = 0; layer < 2; ++layer) {
    result->forward.attentions.push_back(tensor3(2, 3, 3, both_probs));
    result->forward.scores.push_back(tensor3(2, 3, 3, both_scores));
  }
  return result;
}

TEST(HeatmapView, ShowsTheChosenHeadWithTheMaskBlank) {
  HeatmapView view;
  view.resize(800, 600);
  view.setResult(synthetic_result());
  ASSERT_TRUE(view.shownData().has_value());
  const Matrix& m = view.shownData()->matrix;
  EXPECT_FLOAT_EQ(m.at(2, 1), 0.3f);
  EXPECT_TRUE(std::isnan(m.at(0, 1)));

  view.showHead(1, 1);
  EXPECT_FLOAT_EQ(view.shownData()->matrix.at(1, 0), 0.9f);
  HeatmapSelection mean = view.selection();
  mean.mode = HeatmapMode::MeanOfHeads;
  view.setSelection(mean);
  EXPECT_FLOAT_EQ(view.shownData()->matrix.at(2, 0), 0.4f);
  EXPECT_EQ(view.shownData()->title, "Layer 1 · mean of heads · attention probabilities");
}

TEST(HeatmapView, TooltipNamesBothTokensAndTheExactWeight) {
  HeatmapView view;
  view.setResult(synthetic_result());
  const QString tip = view.cellTip(2, 1);
  EXPECT_TRUE(tip.contains(QStringLiteral("from <b>Ġsat</b> (#2)"))) << tip.toStdString();
  EXPECT_TRUE(tip.contains(QStringLiteral("to <b>Ġcat</b> (#1)"))) << tip.toStdString();
  EXPECT_TRUE(tip.contains(QStringLiteral("probability 0.300000"))) << tip.toStdString();
  EXPECT_TRUE(view.cellTip(0, 2).contains(QStringLiteral("masked")));
  EXPECT_TRUE(view.cellTip(3, 0).isEmpty());
}

TEST(HeatmapView, ClampsTheSelectionToTheModel) {
  HeatmapView view;
  view.setSelection({.layer = 7, .head = 9});
  view.setResult(synthetic_result());
  EXPECT_EQ(view.selection().layer, 1);
  EXPECT_EQ(view.selection().head, 1);
}

TEST(HeatmapView, ExportsPngAndSvgAtTheChosenSize) {
  HeatmapView view;
  view.resize(800, 600);
  view.setResult(synthetic_result());
  const auto dir = test::temp_dir() / "ui-export";
  std::filesystem::create_directories(dir);
  const QString png = QString::fromStdString((dir / "heatmap.png").string());
  const QString svg = QString::fromStdString((dir / "heatmap.svg").string());
  EXPECT_EQ(view.exportTo(png, {QSize(640, 480)}), QString());
  const QImage image(png);
  EXPECT_EQ(image.size(), QSize(640, 480));
  EXPECT_EQ(view.exportTo(svg, {QSize(900, 700)}), QString());
  const std::string text = test::read_file(dir / "heatmap.svg");
  EXPECT_NE(text.find("width=\"900\" height=\"700\""), std::string::npos);
  EXPECT_NE(text.find("Ġcat"), std::string::npos);
  EXPECT_FALSE(view.exportTo(QString::fromStdString((dir / "heatmap.bmp").string()), {QSize(100, 100)}).isEmpty());
}

TEST(HeadGridView, ClickingAThumbnailActivatesThatHead) {
  HeadGridView grid;
  grid.resize(400, 400);
  grid.setResult(synthetic_result());
  EXPECT_EQ(grid.layers(), 2);
  EXPECT_EQ(grid.heads(), 2);
  QSignalSpy activated(&grid, &HeadGridView::headActivated);
  QTest::mouseClick(&grid, Qt::LeftButton, {}, grid.thumbnailRect(1, 0).center());
  ASSERT_EQ(activated.size(), 1);
  EXPECT_EQ(activated.first().at(0).toInt(), 1);
  EXPECT_EQ(activated.first().at(1).toInt(), 0);
}

TEST(TokensView, OneChipPerToken) {
  TokensView tokens;
  tokens.setResult(synthetic_result());
  EXPECT_EQ(tokens.chipCount(), 3);
}

TEST(SentenceEditor, TypingIsDebouncedIntoOneRun) {
  SentenceEditor editor;
  ModelSummary summary;
  summary.info.family = "bert";
  editor.setModel(summary);
  QSignalSpy input(&editor, &SentenceEditor::inputChanged);
  auto* field = editor.findChild<QLineEdit*>();
  ASSERT_NE(field, nullptr);
  QTest::keyClicks(field, QStringLiteral("hello"));
  EXPECT_TRUE(input.isEmpty());  // nothing while typing
  ASSERT_TRUE(input.wait(2000));
  QTest::qWait(SentenceEditor::kDebounceMillis + 50);
  ASSERT_EQ(input.size(), 1);
  EXPECT_EQ(input.first().at(0).toString(), QStringLiteral("hello"));
}

TEST(MainWindow, OpensTheBertTestModelAndShowsASentence) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  QSignalSpy loaded(window.controller(), &SessionController::modelLoaded);
  window.openModel(QString::fromStdString((test::models_dir() / "random-bert-uncased-L4-H256").string()));
  ASSERT_TRUE(loaded.wait(20'000));
  auto* badge = window.findChild<QLabel*>(QStringLiteral("randomBadge"));
  ASSERT_NE(badge, nullptr);
  EXPECT_FALSE(badge->isHidden());
  EXPECT_TRUE(badge->text().contains(QStringLiteral("RANDOM test model")));

  QSignalSpy finished(window.controller(), &SessionController::runFinished);
  window.sentenceEditor()->setTexts(QStringLiteral("Attention is all you need."));
  while (finished.isEmpty() ||
         finished.last().at(0).value<RunResultPtr>()->request.text_a != "Attention is all you need.") {
    ASSERT_TRUE(finished.wait(20'000));
  }
  const auto result = finished.last().at(0).value<RunResultPtr>();
  ASSERT_TRUE(window.heatmapView()->shownData().has_value());
  EXPECT_EQ(window.heatmapView()->shownData()->matrix.rows, result->token_count());
  EXPECT_EQ(window.tokensView()->chipCount(), result->token_count());

  QTest::mouseClick(window.headGridView(), Qt::LeftButton, {}, window.headGridView()->thumbnailRect(2, 3).center());
  EXPECT_EQ(window.heatmapView()->selection().layer, 2);
  EXPECT_EQ(window.heatmapView()->selection().head, 3);
  const Matrix expected = head_matrix(result->forward.attentions[2], 3);
  EXPECT_EQ(window.heatmapView()->shownData()->matrix.values, expected.values);

  // Keyboard: Alt+Up / Alt+Left step layer and head even while the sentence field has focus.
  window.show();
  window.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
  auto* field = window.sentenceEditor()->findChild<QLineEdit*>();
  field->setFocus();
  QTest::keyClick(field, Qt::Key_Up, Qt::AltModifier);
  QTest::keyClick(field, Qt::Key_Left, Qt::AltModifier);
  EXPECT_EQ(window.heatmapView()->selection().layer, 1);
  EXPECT_EQ(window.heatmapView()->selection().head, 2);
  QTest::keyClick(field, Qt::Key_2, Qt::AltModifier);
  EXPECT_EQ(window.heatmapView()->selection().mode, HeatmapMode::MeanOfHeads);
  EXPECT_EQ(field->text(), QStringLiteral("Attention is all you need."));  // the shortcuts typed nothing
}

}  // namespace
}  // namespace as::ui
