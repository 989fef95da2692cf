#pragma once
// The drawing surface of the head view: two token columns and the lines between them. Pointing
// at a token keeps only its lines (all of them, however faint); leaving shows every head again.
#include <QStringList>
#include <QWidget>

#include <optional>
#include <vector>

#include "core/tensor.h"
#include "ui/head_lines.h"
#include "ui/head_lines_painter.h"

namespace as::ui {

class HeadLinesCanvas : public QWidget {
  Q_OBJECT

 public:
  explicit HeadLinesCanvas(QWidget* parent = nullptr);

  // `probabilities` is one layer's [NH, T, T]; an empty tensor clears the picture.
  void setData(const QStringList& labels, Tensor probabilities, std::vector<int> heads);
  void setFocusToken(std::optional<TokenFocus> focus);

  std::optional<TokenFocus> focusToken() const { return focus_; }
  // What is drawn now: every selected head's lines, or only the focused token's.
  std::vector<HeadLine> shownLines() const;
  const std::vector<HeadLine>& allLines() const { return lines_; }
  HeadLinesLayout currentLayout() const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 signals:
  void tokenHovered(int index);  // -1 when the pointer leaves the tokens

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  void hover(std::optional<TokenFocus> focus);

  QStringList labels_;
  Tensor probabilities_;
  std::vector<int> heads_;
  std::vector<HeadLine> lines_;  // computed once per data change, not per paint
  std::optional<TokenFocus> focus_;
};

}  // namespace as::ui
