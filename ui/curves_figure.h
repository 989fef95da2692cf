#pragma once
// Line curves of a few columns of a matrix over its rows (positional encodings: the value of
// chosen dimensions over the positions), on screen and as an exportable figure: PNG/PDF drawn by
// the same QCustomPlot code, SVG written directly as polylines.
#include <QString>

#include <string>
#include <vector>

#include "ui/attention_math.h"
#include "ui/figure.h"

class QCustomPlot;

namespace as::ui {

struct Curves {
  QString title;
  QString x_name;
  QString y_name;
  std::vector<int64_t> columns;            // which column each curve shows
  std::vector<std::vector<double>> values;  // one curve per column, one value per row
};

// Columns of `m` that exist, in the order asked; at most `max_curves`.
Curves curves_of(const Matrix& m, const std::vector<int64_t>& columns, const QString& title, size_t max_curves = 12);

// Replaces the plot's graphs with the curves (one colour per curve, a legend naming the dimension).
void draw_curves(QCustomPlot& plot, const Curves& curves);

class CurvesFigure : public Figure {
 public:
  explicit CurvesFigure(Curves curves) : curves_(std::move(curves)) {}
  QString title() const override { return curves_.title; }
  void paint(QCPPainter& painter, QSize size) const override;
  std::string svg(QSize size) const override;

 private:
  Curves curves_;
};

}  // namespace as::ui
