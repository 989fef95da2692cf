#pragma once
// Step-through of one head for one query token (teaching panel): its query vector, the scores
// Q·Kⱼ against every key, the division by √d_head, the mask, the softmax and the weighted sum of
// the value vectors, with the loaded model's real numbers, as a table and small bar charts.
// The numbers come from the run's captured Q, K, V (head_steps.h); nothing runs on this thread
// but that arithmetic over one row.
#include <QWidget>

#include <optional>

#include "ui/head_steps.h"
#include "ui/run_types.h"

class QComboBox;
class QLabel;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTableWidget;

namespace as::ui {

class ColumnChart;

class StepThroughView : public QWidget {
  Q_OBJECT

 public:
  explicit StepThroughView(QWidget* parent = nullptr);

  void setResult(const RunResultPtr& result);
  // Follows the heatmap's layer and head.
  void setHead(int layer, int head);
  void setQuery(int token);

  // What the panel shows (tests read it); empty without a run.
  const std::optional<HeadSteps>& steps() const { return steps_; }
  QTableWidget* table() const { return table_; }
  ColumnChart* weightsChart() const { return weights_; }
  ColumnChart* outputChart() const { return output_; }
  // Writes the per-key numbers as CSV; an error message, empty on success.
  QString exportCsv(const QString& file) const;

  signals:
  // The chosen layer was not kept by the run (a long input): run again keeping it.
  void layerNeeded(int layer);

 protected:
  void showEvent(QShowEvent* event) override;  // a run that arrived while hidden: fit its table now

 private:
  void buildControls(QWidget* parent);
  QWidget* buildSteps(QWidget* parent);
  void syncControls();
  void refresh();
  void fillTable();
  void fitTable();  // the table as wide as its columns, the charts take the rest
  void fillCharts();
  QStringList tokenLabels() const;
  void chooseCsvFile();

  RunResultPtr result_;
  std::optional<HeadSteps> steps_;
  bool syncing_ = false;

  QWidget* controls_ = nullptr;
  QSpinBox* layer_ = nullptr;
  QSpinBox* head_ = nullptr;
  QComboBox* query_ = nullptr;
  QStackedWidget* stack_ = nullptr;
  QLabel* empty_ = nullptr;
  QLabel* formula_ = nullptr;
  QSplitter* split_ = nullptr;
  QTableWidget* table_ = nullptr;
  ColumnChart* query_vector_ = nullptr;
  ColumnChart* weights_ = nullptr;
  ColumnChart* output_ = nullptr;
};

}  // namespace as::ui
