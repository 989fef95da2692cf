#pragma once
// Difference view (teaching): the attention of two runs subtracted, as a diverging heatmap
// (blue: B attends more, white: equal, red: A attends more; symmetric range, legend), for one
// layer and head. Either two sentences that differ by a word on the loaded model, or the same
// sentence on the loaded model and a second checkpoint of the same shape. Tokens are aligned by
// position (attention_diff.h). The runs happen on two sessions of their own, started the first
// time the view is used, so the window's own view of its sentence is never disturbed.
#include <QWidget>

#include <optional>

#include "ui/attention_diff.h"
#include "ui/export_types.h"
#include "ui/figure.h"
#include "ui/run_types.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace as::ui {

class HeatmapPlot;
class SessionController;

class DiffView : public QWidget {
  Q_OBJECT

 public:
  enum class Mode { TwoSentences, TwoModels };

  explicit DiffView(int threads = 0, QWidget* parent = nullptr);
  ~DiffView() override;

  // The window's model: side A always runs on it, side B too unless a second model is chosen.
  void setMainModel(const ModelSummaryPtr& summary);
  void setMode(Mode mode);
  void setTexts(const QString& a, const QString& b);
  void setSecondModel(const QString& dir);
  void setHead(int layer, int head);
  // Loads what is missing and runs both sides (also done when the view is first shown).
  void compare();

  // Shows A − B of two finished runs.
  void showResults(const RunResultPtr& a, const RunResultPtr& b);
  const std::optional<AttentionDiff>& shownDiff() const { return diff_; }
  RunResultPtr result(int side) const { return results_[side]; }
  HeatmapPlot* plot() const { return plot_; }
  std::unique_ptr<Figure> figure() const;
  QString exportTo(const QString& file, const ExportSize& size) const;  // PNG/SVG/PDF or CSV

 signals:
  void updated();  // a new difference is on screen

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void buildControls();
  SessionController* session(int side);
  QString wantedModel(int side) const;
  void onLoaded(int side, const ModelSummaryPtr& summary);
  void onResult(int side, const RunResultPtr& result);
  void onFailed(const QString& message);
  void redraw();
  QStringList labels() const;
  void chooseSecondModel();
  void chooseExport();

  int threads_ = 0;
  ModelSummaryPtr main_model_;
  QString second_model_;
  SessionController* sessions_[2] = {nullptr, nullptr};
  QString loaded_[2];
  RunResultPtr results_[2];
  std::optional<AttentionDiff> diff_;
  bool used_ = false;

  QComboBox* mode_ = nullptr;
  QLineEdit* text_[2] = {nullptr, nullptr};
  QPushButton* second_ = nullptr;
  QSpinBox* layer_ = nullptr;
  QSpinBox* head_ = nullptr;
  QStackedWidget* stack_ = nullptr;
  QLabel* message_ = nullptr;
  HeatmapPlot* plot_ = nullptr;
  QLabel* caption_ = nullptr;
};

}  // namespace as::ui
