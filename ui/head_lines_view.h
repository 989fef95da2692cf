#pragma once
// The head view (bertviz's picture): for one layer, lines from each token (left) to the tokens
// it attends to (right), one colour per head, opacity by weight. Heads are switched on and off
// with their checkboxes; pointing at a token keeps only its lines.
#include <QVector>
#include <QWidget>

#include <vector>

#include "ui/run_types.h"

class QCheckBox;
class QLabel;
class QScrollArea;
class QSpinBox;

namespace as::ui {

class FlowLayout;
class HeadLinesCanvas;
class Figure;

class HeadLinesView : public QWidget {
  Q_OBJECT

 public:
  explicit HeadLinesView(QWidget* parent = nullptr);
  ~HeadLinesView() override;

  void setResult(const RunResultPtr& result);
  void clear();
  void setLayer(int layer);
  void setHeads(const std::vector<int>& heads);
  // Shows only the lines of token `index` as the attending token; -1 shows every line again.
  void setHoveredToken(int index);

  int layer() const;
  std::vector<int> selectedHeads() const;
  HeadLinesCanvas* canvas() const { return canvas_; }
  bool canExport() const;
  // The text under the lines (what they mean, or that the layer is being computed).
  QString caption() const;
  std::unique_ptr<Figure> figure() const;

 signals:
  void tokenHovered(int index);
  // The chosen layer was not kept by the run (a long input): run again keeping it.
  void layerNeeded(int layer);

 private:
  QWidget* buildControls();
  std::vector<int> allHeads() const;
  void rebuildHeadBoxes(int heads);
  void refresh();
  QStringList labels() const;

  RunResultPtr result_;
  QSpinBox* layer_ = nullptr;
  FlowLayout* controls_ = nullptr;
  QVector<QCheckBox*> head_boxes_;
  QScrollArea* scroll_ = nullptr;
  HeadLinesCanvas* canvas_ = nullptr;
  QLabel* caption_ = nullptr;
  QString explanation_;  // the caption when lines are drawn
};

}  // namespace as::ui
