// The head view widget: head checkboxes, the layer, pointing at a token, and its export figure.
#include <QCheckBox>
#include <QMouseEvent>
#include <QApplication>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include "ui/figure.h"
#include "ui/head_lines_canvas.h"
#include "ui/head_lines_view.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

TEST(HeadLinesView, DrawsTheCheckedHeadsOfTheChosenLayer) {
  HeadLinesView view;
  view.resize(600, 500);
  view.setResult(test::synthetic_run(6, 2, 3, true));
  EXPECT_EQ(view.selectedHeads(), (std::vector<int>{0, 1, 2}));
  view.setHeads({1});
  for (const auto& line : view.canvas()->allLines()) EXPECT_EQ(line.head, 1);
  const auto layer0 = view.canvas()->allLines();
  view.setLayer(1);
  EXPECT_EQ(view.layer(), 1);
  EXPECT_NE(view.canvas()->allLines().front().weight, layer0.front().weight);
  auto boxes = view.findChildren<QCheckBox*>();
  ASSERT_EQ(boxes.size(), 3);
  boxes[2]->setChecked(true);
  EXPECT_EQ(view.selectedHeads(), (std::vector<int>{1, 2}));
}

TEST(HeadLinesView, PointingAtATokenKeepsOnlyItsLines) {
  HeadLinesView view;
  view.resize(600, 500);
  view.setResult(test::synthetic_run(6, 1, 2, true));
  QSignalSpy hovered(&view, &HeadLinesView::tokenHovered);
  HeadLinesCanvas* canvas = view.canvas();
  const HeadLinesLayout layout = canvas->currentLayout();
  const QPointF left(layout.left.center().x(), layout.y(3));
  QMouseEvent move(QEvent::MouseMove, left, canvas->mapToGlobal(left), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(canvas, &move);
  ASSERT_EQ(hovered.size(), 1);
  EXPECT_EQ(hovered.first().at(0).toInt(), 3);
  const auto shown = canvas->shownLines();
  EXPECT_EQ(shown.size(), 8u);  // causal: token 3 sees tokens 0..3, in both heads
  for (const auto& line : shown) EXPECT_EQ(line.from, 3);
  view.setHoveredToken(-1);
  EXPECT_EQ(canvas->shownLines().size(), canvas->allLines().size());
}

TEST(HeadLinesView, At512TokensSetAndPaintStayFast) {
  HeadLinesView view;
  view.resize(700, 900);
  view.show();
  const auto result = test::synthetic_run(512, 1, 12, false);
  QElapsedTimer timer;
  timer.start();
  view.setResult(result);
  const QPixmap picture = view.canvas()->grab();
  const qint64 millis = timer.elapsed();
  EXPECT_FALSE(picture.isNull());
  EXPECT_LE(view.canvas()->allLines().size(), HeadLinesOptions{}.max_lines);
  EXPECT_LT(millis, 1500) << "head view took " << millis << " ms at 512 tokens";
  RecordProperty("head_view_512_ms", static_cast<int>(millis));
}

}  // namespace
}  // namespace as::ui
