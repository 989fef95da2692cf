#pragma once
// The QCustomPlot that draws one attention matrix: a colour map with one cell per (query, key),
// token labels on both axes, a colour-scale legend and a title. Masked cells are transparent
// over a hatched background.
#include <QSize>
#include <QStringList>

#include <optional>

#include <qcustomplot.h>

#include "ui/heatmap_data.h"

namespace as::ui {

struct Cell {
  int row = 0;  // query
  int col = 0;  // key
};

class HeatmapPlot : public QCustomPlot {
  Q_OBJECT

 public:
  explicit HeatmapPlot(QWidget* parent = nullptr);

  void setHeatmap(const HeatmapData& data, const QStringList& row_labels, const QStringList& col_labels);
  void clearHeatmap();
  std::optional<Cell> cellAt(const QPointF& pixel) const;
  // Renders at `size` pixels, relabelling the axes for that size; false if the file can't be written.
  bool exportPng(const QString& file, QSize size);

 private:
  void applyTickLabels(int axis_length_x, int axis_length_y);
  void relabelForCurrentSize();

  QCPColorMap* map_ = nullptr;
  QCPColorScale* scale_ = nullptr;
  QCPTextElement* title_ = nullptr;
  QStringList row_labels_;
  QStringList col_labels_;
  int row_step_ = 0;
  int col_step_ = 0;
};

// Label every n-th token when one label per cell would overlap: `n` so that each shown label gets
// at least `label_px` pixels along an axis of `axis_px` pixels holding `count` cells.
int label_step(int count, int axis_px, int label_px);

}  // namespace as::ui
