#pragma once
// Positional-encoding panel (teaching): the sinusoidal encoding of "Attention Is All You Need"
// beside the loaded model's learned position table (BERT position_embeddings, GPT-2 wpe), each
// as curves of chosen dimensions over the positions, as the full position × dimension matrix,
// or as the position × position similarity (dot product or cosine). d and the number of
// positions are adjustable; either side exports as PNG, SVG or PDF like the heatmaps.
// The matrices are computed on a thread-pool thread (a 1024-position similarity is ~10⁹ steps).
#include <QWidget>

#include <memory>

#include "ui/attention_math.h"
#include "ui/export_types.h"
#include "ui/figure.h"
#include "ui/heatmap_data.h"
#include "ui/positional_encoding.h"
#include "ui/run_types.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace as::ui {

class HeatmapPlot;

enum class PositionalShow { Curves, Matrix, Similarity };

// What one side of the panel shows, computed off the GUI thread.
struct PositionalSide {
  QString name;          // "Sinusoidal (d = 128)", "Learned: wpe of gpt2"
  Matrix table;          // [positions, d]
  Matrix similarity;     // [positions, positions]; empty unless asked for
};

class PositionalView : public QWidget {
  Q_OBJECT

 public:
  explicit PositionalView(QWidget* parent = nullptr);

  void setModel(const ModelSummaryPtr& summary);
  void setDimension(int d);
  void setPositions(int positions);
  void setShow(PositionalShow show);
  void setSimilarity(Similarity kind);
  void setCurveColumns(const QString& columns);  // "0, 1, 6, 7"

  // What is drawn (tests read these): the plots of each side, after the last computation.
  HeatmapPlot* sinusoidalPlot() const { return heatmaps_[0]; }
  HeatmapPlot* learnedPlot() const { return heatmaps_[1]; }
  QCustomPlot* sinusoidalCurves() const { return curves_[0]; }
  QCustomPlot* learnedCurves() const { return curves_[1]; }
  bool hasLearned() const { return summary_ && summary_->position_embeddings; }
  bool isComputing() const { return shown_ != generation_; }  // the latest choice is not drawn yet
  std::unique_ptr<Figure> figure(int side) const;  // 0: sinusoidal, 1: learned
  QString exportTo(int side, const QString& file, const ExportSize& size) const;

 signals:
  void updated();  // a computation finished and the plots show it

 protected:
  void changeEvent(QEvent* event) override;  // larger text (presentation mode): redraw the curves

 private:
  void buildControls();
  void recompute();
  void present(int generation, std::shared_ptr<const PositionalSide> sinusoidal,
            std::shared_ptr<const PositionalSide> learned);
  void drawSide(int side);
  HeatmapData heatmapOf(const PositionalSide& side) const;
  std::vector<int64_t> curveColumns() const;
  void chooseExport(int side);

  ModelSummaryPtr summary_;
  std::shared_ptr<const PositionalSide> sides_[2];
  int generation_ = 0;
  int shown_ = 0;  // the generation on screen

  QSpinBox* d_ = nullptr;
  QSpinBox* positions_ = nullptr;
  QComboBox* show_ = nullptr;
  QComboBox* similarity_ = nullptr;
  QLineEdit* columns_ = nullptr;
  QString auto_columns_;  // what the dimensions field was given for the current d
  QStackedWidget* stacks_[2] = {nullptr, nullptr};
  HeatmapPlot* heatmaps_[2] = {nullptr, nullptr};
  QCustomPlot* curves_[2] = {nullptr, nullptr};
  QLabel* learned_note_ = nullptr;
  QLabel* learned_title_ = nullptr;
  QLabel* caption_ = nullptr;
};

// The dimensions drawn as curves by default for a given d: 0, 1, and sines at d/8, d/4, d/2.
QString default_columns(int d);
// "0, 1, 6-9" -> {0, 1, 6, 7, 8, 9}; anything unreadable is skipped.
std::vector<int64_t> parse_columns(const QString& text);

}  // namespace as::ui
