#pragma once
// The model view: every layer × head as a small attention thumbnail, so patterns (diagonal,
// previous-token, [CLS]/[SEP] sinks) can be spotted across the whole model at once. Clicking a
// thumbnail opens that head in the heatmap.
#include <QImage>
#include <QVector>
#include <QWidget>

#include "ui/run_types.h"

namespace as::ui {

class HeadGridView : public QWidget {
  Q_OBJECT

 public:
  explicit HeadGridView(QWidget* parent = nullptr);

  void setResult(const RunResultPtr& result);
  void clear();
  // Outlines what the heatmap shows: one head, or every head of layers first..last (head < 0:
  // a mean / max of heads is one layer, a rollout spans layers 0..L).
  void setSelected(int first_layer, int last_layer, int head);

  int layers() const { return layers_; }
  int heads() const { return heads_; }
  QRect thumbnailRect(int layer, int head) const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 signals:
  void headActivated(int layer, int head);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  bool event(QEvent* event) override;  // tooltips

 private:
  struct Layout {
    int left = 0;
    int top = 0;
    int cell = 0;  // thumbnail side, gap included
  };
  Layout layout() const;
  std::optional<std::pair<int, int>> headAt(QPoint point) const;

  RunResultPtr result_;
  QVector<QImage> thumbnails_;  // layer-major
  QVector<float> head_maxima_;
  int layers_ = 0;
  int heads_ = 0;
  int selected_first_layer_ = -1;
  int selected_last_layer_ = -1;
  int selected_head_ = -1;
};

// A thumbnail of one head: each row's cell coloured by its weight relative to the head's largest
// weight (so weak heads still show their pattern); masked cells light grey.
QImage head_thumbnail(const Tensor& probabilities, const Tensor& scores, int64_t head, float* max_weight);

}  // namespace as::ui
