// One hovered token for the whole window: pointing at it in any view marks it in every view,
// and the editor highlights its characters (UTF-16 positions right for Korean and emoji).
#include <QApplication>
#include <QEnterEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include "support/test_support.h"
#include "ui/head_lines_canvas.h"
#include "ui/head_lines_view.h"
#include "ui/heatmap_plot.h"
#include "ui/heatmap_view.h"
#include "ui/main_window.h"
#include "ui/sentence_editor.h"
#include "ui/tokens_view.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

void enter(QWidget* widget) {
  QEnterEvent event(QPointF(2, 2), QPointF(2, 2), widget->mapToGlobal(QPointF(2, 2)));
  QApplication::sendEvent(widget, &event);
}

void leave(QWidget* widget) {
  QEvent event(QEvent::Leave);
  QApplication::sendEvent(widget, &event);
}

bool chip_marked(const TokensView& tokens, int index) { return tokens.chip(index)->property("hovered").toBool(); }

TEST(HoverLink, ATokenChipMarksTheTokenEverywhere) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  const QString text = QStringLiteral("Seoul 서울 😀 cat");
  const auto result = test::load_and_run(window, "random-gpt2-L4-H256", text);
  ASSERT_NE(result, nullptr);
  // The token holding " cat" (the last one): its span is in code points, after the emoji.
  const int cat = static_cast<int>(result->token_count()) - 1;
  ASSERT_EQ(result->labels[static_cast<size_t>(cat)].text(), "Ġcat");
  QSignalSpy hovered(&window, &MainWindow::hoveredTokenChanged);
  enter(window.tokensView()->chip(cat));
  ASSERT_EQ(hovered.size(), 1);
  EXPECT_EQ(window.hoveredToken(), cat);
  EXPECT_TRUE(chip_marked(*window.tokensView(), cat));
  EXPECT_EQ(window.heatmapView()->plot()->hoveredToken(), cat);
  ASSERT_TRUE(window.headLinesView()->canvas()->focusToken().has_value());
  EXPECT_EQ(window.headLinesView()->canvas()->focusToken()->token, cat);
  for (const auto& line : window.headLinesView()->canvas()->shownLines()) EXPECT_EQ(line.from, cat);
  const auto span = window.sentenceEditor()->highlighted(false);
  EXPECT_EQ(text.mid(span.first, span.second - span.first), QStringLiteral(" cat"));  // GPT-2 keeps the space

  leave(window.tokensView()->chip(cat));
  EXPECT_EQ(window.hoveredToken(), -1);
  EXPECT_FALSE(chip_marked(*window.tokensView(), cat));
  EXPECT_EQ(window.heatmapView()->plot()->hoveredToken(), -1);
  EXPECT_FALSE(window.headLinesView()->canvas()->focusToken().has_value());
  EXPECT_EQ(window.sentenceEditor()->highlighted(false), std::make_pair(-1, -1));
}

TEST(HoverLink, AHeatmapRowAndAHeadViewTokenMarkTheChip) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  const auto result = test::load_and_run(window, "random-bert-uncased-L4-H256", QStringLiteral("The cat sat."),
                                         QStringLiteral("It was tired."));
  ASSERT_NE(result, nullptr);
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  HeatmapPlot* plot = window.heatmapView()->plot();
  plot->replot();
  const QPointF cell(plot->xAxis->coordToPixel(1), plot->yAxis->coordToPixel(2));
  QMouseEvent move(QEvent::MouseMove, cell, plot->mapToGlobal(cell), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(plot, &move);
  EXPECT_EQ(window.hoveredToken(), 2);  // the row: the token attending
  EXPECT_TRUE(chip_marked(*window.tokensView(), 2));

  // A token of sentence B highlights its characters in the second field.
  window.showView(MainWindow::View::HeadLines);
  HeadLinesCanvas* canvas = window.headLinesView()->canvas();
  const int he = 5;  // [CLS] the cat sat . [SEP] it ...
  ASSERT_EQ(result->labels[6].text(), "it");
  const HeadLinesLayout layout = canvas->currentLayout();
  const QPointF right(layout.right.center().x(), layout.y(he + 1));
  QMouseEvent over(QEvent::MouseMove, right, canvas->mapToGlobal(right), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(canvas, &over);
  EXPECT_EQ(window.hoveredToken(), he + 1);
  EXPECT_EQ(canvas->focusToken()->side, LineSide::Key);  // the window's echo keeps the side pointed at
  for (const auto& line : canvas->shownLines()) EXPECT_EQ(line.to, he + 1);
  EXPECT_TRUE(chip_marked(*window.tokensView(), he + 1));
  EXPECT_EQ(window.sentenceEditor()->highlighted(true), std::make_pair(0, 2));  // "It"
  EXPECT_EQ(window.sentenceEditor()->highlighted(false), std::make_pair(-1, -1));
}

}  // namespace
}  // namespace as::ui
