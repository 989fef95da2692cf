#pragma once
// The model view: every layer × head as a small attention thumbnail, so patterns (diagonal,
// previous-token, [CLS]/[SEP] sinks) can be spotted across the whole model at once. Clicking a
// thumbnail opens that head in the heatmap.
#include <QWidget>

#include <optional>
#include <utility>

#include "ui/grid_painter.h"
#include "ui/head_thumbnails.h"
#include "ui/run_types.h"

namespace as::ui {

class HeadGridView : public QWidget {
  Q_OBJECT

 public:
  explicit HeadGridView(QWidget* parent = nullptr);

  void setResult(const RunResultPtr& result);
  void clear();
  void setColourMap(ColourMap colours);
  // Outlines what the heatmap shows: one head, or every head of layers first..last (head < 0:
  // a mean / max of heads is one layer, a rollout spans layers 0..L).
  void setSelected(int first_layer, int last_layer, int head);

  int layers() const { return thumbnails_.layers; }
  int heads() const { return thumbnails_.heads; }
  QRect thumbnailRect(int layer, int head) const;
  const HeadThumbnails& thumbnails() const { return thumbnails_; }

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 signals:
  void headActivated(int layer, int head);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  bool event(QEvent* event) override;  // tooltips

 private:
  GridGeometry gridGeometry() const;
  std::optional<std::pair<int, int>> headAt(QPoint point) const;
  const HeadThumbnails& scaledTo(int side) const;

  RunResultPtr result_;
  ColourMap colours_ = ColourMap::Viridis;
  HeadThumbnails thumbnails_;
  mutable HeadThumbnails scaled_;  // thumbnails_ at the side last painted, rescaled on resize only
  mutable int scaled_side_ = -1;
  int selected_first_layer_ = -1;
  int selected_last_layer_ = -1;
  int selected_head_ = -1;
};

}  // namespace as::ui
