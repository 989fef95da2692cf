#pragma once
// The heatmap as an exportable figure: drawn by a HeatmapPlot of its own at the export size (so
// the on-screen plot is never disturbed), and as SVG by the Qt-free writer of heatmap_svg.h.
#include <QStringList>

#include "ui/colour_scale.h"
#include "ui/figure.h"
#include "ui/heatmap_data.h"

namespace as::ui {

class HeatmapFigure : public Figure {
 public:
  HeatmapFigure(HeatmapData data, QStringList labels, ColourMap colours);
  // A matrix whose rows and columns are different things (positions × dimensions).
  HeatmapFigure(HeatmapData data, QStringList row_labels, QStringList col_labels, ColourMap colours);

  QString title() const override;
  void paint(QCPPainter& painter, QSize size) const override;
  std::string svg(QSize size) const override;

 private:
  HeatmapData data_;
  QStringList labels_;      // the rows (tokens: rows and columns alike)
  QStringList col_labels_;
  ColourMap colours_;
};

}  // namespace as::ui
