#pragma once
// The head view as an exportable figure: title, a legend of the heads' colours, the two token
// columns and every line (as the view shows them with no token pointed at).
#include <QStringList>

#include <vector>

#include "core/tensor.h"
#include "ui/figure.h"
#include "ui/head_lines.h"

namespace as::ui {

struct HeadLinesLayout;

class HeadLinesFigure : public Figure {
 public:
  HeadLinesFigure(QStringList labels, Tensor probabilities, int layer, std::vector<int> heads);

  QString title() const override;
  void paint(QCPPainter& painter, QSize size) const override;
  std::string svg(QSize size) const override;

 private:
  struct Frame;  // where the title, legend and columns go at a given size
  Frame frame(QSize size) const;

  QStringList labels_;
  int layer_ = 0;
  std::vector<int> heads_;
  std::vector<HeadLine> lines_;
};

}  // namespace as::ui
