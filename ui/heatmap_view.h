#pragma once
// The heatmap view: one layer × head (or the heads' mean / max, or attention rollout) as a
// colour map, with the controls that choose it, a tooltip giving the exact weight of the cell
// under the mouse, and PNG / SVG export.
#include <QWidget>

#include <optional>

#include "ui/heatmap_data.h"
#include "ui/run_types.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QMouseEvent;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace as::ui {

class HeatmapPlot;

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
  // Writes PNG or SVG (by the file's suffix) at `size`; returns an error message, empty on success.
  QString exportTo(const QString& file, QSize size);
  void chooseAndExport();  // asks for format, size and file
  bool canExport() const { return data_.has_value(); }
  // The tooltip for a cell: from-token, to-token and the exact value (empty outside the matrix).
  QString cellTip(int row, int col) const;

 signals:
  void selectionChanged();

 private:
  void buildControls();
  void buildShortcuts();
  void readControls();
  void syncControls();
  void refresh();
  void showCellTip(QMouseEvent* event);
  QStringList labels() const;

  RunResultPtr result_;
  HeatmapSelection selection_;
  std::optional<HeatmapData> data_;
  bool syncing_ = false;

  QWidget* controls_ = nullptr;
  QSpinBox* layer_ = nullptr;
  QSpinBox* head_ = nullptr;
  QComboBox* mode_ = nullptr;
  QComboBox* values_ = nullptr;
  QCheckBox* fixed_range_ = nullptr;
  QPushButton* export_ = nullptr;
  QStackedWidget* stack_ = nullptr;
  QLabel* empty_ = nullptr;
  HeatmapPlot* plot_ = nullptr;
  QLabel* caption_ = nullptr;
};

}  // namespace as::ui
