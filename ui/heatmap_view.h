#pragma once
// The heatmap view: one layer × head (or the heads' mean / max, or attention rollout) as a
// colour map, with the controls that choose it, a tooltip giving the exact weight of the cell
// under the mouse, and export as a figure (PNG, SVG, PDF) or as numbers (CSV).
#include <QWidget>

#include <memory>
#include <optional>

#include "ui/colour_scale.h"
#include "ui/export_types.h"
#include "ui/heatmap_data.h"
#include "ui/run_types.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QMouseEvent;
class QSpinBox;
class QStackedWidget;

namespace as::ui {

class Figure;
class HeatmapPlot;

// What a view shows while the run keeping `layer` is on its way.
QString layer_pending_text(const RunResult& result, int64_t layer);

class HeatmapView : public QWidget {
  Q_OBJECT

 public:
  explicit HeatmapView(QWidget* parent = nullptr);

  void setResult(const RunResultPtr& result);
  void clear();

  HeatmapSelection selection() const { return selection_; }
  void setSelection(HeatmapSelection selection);
  void showHead(int layer, int head);

  // The matrix on screen, if any (tests and export read it).
  const std::optional<HeatmapData>& shownData() const { return data_; }
  // Writes PNG, SVG, PDF or CSV (by the file's suffix); returns an error message, empty on success.
  QString exportTo(const QString& file, const ExportSize& size);
  bool canExport() const { return data_.has_value(); }
  std::unique_ptr<Figure> figure() const;
  std::string csv() const;
  // The tooltip for a cell: from-token, to-token and the exact value (empty outside the matrix).
  QString cellTip(int row, int col) const;

  void setColourMap(ColourMap colours);
  // Outlines the token's row and column; -1 removes the outline.
  void setHoveredToken(int index);
  HeatmapPlot* plot() const { return plot_; }

 signals:
  void selectionChanged();
  void tokenHovered(int index);  // the row's token under a cell, or the token of an axis label
  // The selection shows a layer the result did not keep (a long input): run again keeping it.
  void layerNeeded(int layer);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;  // the pointer leaving the plot

 private:
  void buildControls();
  void buildShortcuts();
  void readControls();
  void syncControls();
  void refresh();
  void onMouseMove(QMouseEvent* event);
  void showCellTip(QMouseEvent* event);
  QStringList labels() const;

  RunResultPtr result_;
  HeatmapSelection selection_;
  std::optional<HeatmapData> data_;
  bool syncing_ = false;
  ColourMap colours_ = ColourMap::Viridis;
  int hovered_ = -1;

  QWidget* controls_ = nullptr;
  QSpinBox* layer_ = nullptr;
  QSpinBox* head_ = nullptr;
  QComboBox* mode_ = nullptr;
  QComboBox* values_ = nullptr;
  QCheckBox* fixed_range_ = nullptr;
  QStackedWidget* stack_ = nullptr;
  QLabel* empty_ = nullptr;
  HeatmapPlot* plot_ = nullptr;
  QLabel* caption_ = nullptr;
};

}  // namespace as::ui
