#pragma once
// The QCustomPlot that draws one attention matrix: a colour map with one cell per (query, key),
// token labels on both axes, a colour-scale legend and a title. Masked cells are transparent
// over a hatched background. The same class renders exports (renderTo), so a saved figure is
// exactly what the screen shows.
#include <QSize>
#include <QStringList>

#include <optional>

#include <qcustomplot.h>

#include "ui/colour_scale.h"
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
  void setColourMap(ColourMap map);
  // Outlines row `index` and column `index` (the token as query and as key); -1 removes it.
  void setHoveredToken(int index);

  std::optional<Cell> cellAt(const QPointF& pixel) const;
  // The token whose axis label is under `pixel` (left: a row, below: a column), if any.
  std::optional<int> labelAt(const QPointF& pixel) const;

  // Lays the plot out at `size` logical pixels, with label density for that size, and draws it.
  void renderTo(QCPPainter& painter, QSize size);

  // The plotted matrix as the colour map holds it (row = query, column = key).
  int rowCount() const { return map_->data()->valueSize(); }
  int columnCount() const { return map_->data()->keySize(); }
  double cellValue(int row, int col) const { return map_->data()->cell(col, row); }
  QCPColorMap* colorMap() const { return map_; }
  int hoveredToken() const { return hovered_; }
  const QStringList& rowLabels() const { return row_labels_; }
  const QStringList& colLabels() const { return col_labels_; }
  // The labels the axes actually print, by token index (every n-th when cells are small).
  QMap<double, QString> shownRowLabels() const;
  QMap<double, QString> shownColLabels() const;
  QCPRange colourRange() const { return map_->dataRange(); }

 protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void applyFonts();
  void applyAxisNames(int axis_length_x, int axis_length_y);
  void applyTickLabels(int axis_length_x, int axis_length_y);
  void relabelForCurrentSize();
  void placeHoverBands();

  QCPColorMap* map_ = nullptr;
  QCPColorScale* scale_ = nullptr;
  QCPTextElement* title_ = nullptr;
  QCPItemRect* hover_row_ = nullptr;
  QCPItemRect* hover_col_ = nullptr;
  QStringList row_labels_;
  QStringList col_labels_;
  QString x_name_;  // from HeatmapData; empty: the attention axis names
  QString y_name_;
  int row_step_ = 0;
  int col_step_ = 0;
  int hovered_ = -1;
};

// Label every n-th token when one label per cell would overlap: `n` so that each shown label gets
// at least `label_px` pixels along an axis of `axis_px` pixels holding `count` cells.
int label_step(int count, int axis_px, int label_px);

}  // namespace as::ui
