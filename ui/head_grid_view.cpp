#include "ui/head_grid_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace as::ui {
namespace {

constexpr int kMinThumbnail = 36;
constexpr int kMaxThumbnail = 180;
constexpr int kHintThumbnail = 94;

}  // namespace

HeadGridView::HeadGridView(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void HeadGridView::setResult(const RunResultPtr& result) {
  result_ = result;
  thumbnails_ = head_thumbnails(*result, colours_);
  scaled_side_ = -1;
  updateGeometry();
  update();
}

void HeadGridView::clear() {
  result_.reset();
  thumbnails_ = {};
  scaled_side_ = -1;
  updateGeometry();
  update();
}

void HeadGridView::setColourMap(ColourMap colours) {
  colours_ = colours;
  if (result_) setResult(result_);
}

void HeadGridView::setSelected(int first_layer, int last_layer, int head) {
  selected_first_layer_ = first_layer;
  selected_last_layer_ = last_layer;
  selected_head_ = head;
  update();
}

GridGeometry HeadGridView::gridGeometry() const {
  return grid_geometry(rect(), layers(), heads(), fontMetrics(), kMinThumbnail, kMaxThumbnail);
}

QRect HeadGridView::thumbnailRect(int layer, int head) const { return gridGeometry().thumbnail(layer, head); }

QSize HeadGridView::sizeHint() const { return grid_extent(layers(), heads(), fontMetrics(), kHintThumbnail); }

QSize HeadGridView::minimumSizeHint() const { return grid_extent(layers(), heads(), fontMetrics(), kMinThumbnail); }

std::optional<std::pair<int, int>> HeadGridView::headAt(QPoint point) const {
  const GridGeometry g = gridGeometry();
  for (int l = 0; l < layers(); ++l) {
    for (int h = 0; h < heads(); ++h) {
      if (g.thumbnail(l, h).contains(point)) return std::make_pair(l, h);
    }
  }
  return std::nullopt;
}

const HeadThumbnails& HeadGridView::scaledTo(int side) const {
  if (side == scaled_side_) return scaled_;
  scaled_ = thumbnails_;
  for (QImage& image : scaled_.images) {
    const auto mode = image.width() > side ? Qt::SmoothTransformation : Qt::FastTransformation;
    image = image.scaled(side, side, Qt::IgnoreAspectRatio, mode);
  }
  scaled_side_ = side;
  return scaled_;
}

void HeadGridView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().base());
  if (thumbnails_.empty()) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                     tr("Every layer and head appears here once the model has run on a sentence."));
    return;
  }
  const GridGeometry g = gridGeometry();
  paint_grid(painter, g, scaledTo(g.cell - g.gap), palette().color(QPalette::Text));
  painter.setPen(QPen(QColor(230, 80, 20), 3));
  for (int l = std::max(0, selected_first_layer_); l <= selected_last_layer_ && l < layers(); ++l) {
    for (int h = 0; h < heads(); ++h) {
      if (selected_head_ < 0 || h == selected_head_) painter.drawRect(g.thumbnail(l, h).adjusted(-2, -2, 1, 1));
    }
  }
}

void HeadGridView::mousePressEvent(QMouseEvent* event) {
  if (const auto head = headAt(event->position().toPoint())) {
    emit headActivated(head->first, head->second);
  }
}

bool HeadGridView::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    if (const auto head = headAt(help->pos())) {
      const float max_weight = thumbnails_.maxima.value(head->first * heads() + head->second);
      QToolTip::showText(help->globalPos(),
                         tr("Layer %1, head %2 · largest weight %3<br>Click to open it in the heatmap.")
                             .arg(head->first)
                             .arg(head->second)
                             .arg(static_cast<double>(max_weight), 0, 'f', 3),
                         this);
    } else {
      QToolTip::hideText();
    }
    return true;
  }
  return QWidget::event(event);
}

}  // namespace as::ui
