#include "ui/head_grid_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "ui/attention_math.h"
#include "ui/colour_scale.h"

namespace as::ui {
namespace {

constexpr int kLabelWidth = 58;
constexpr int kHeaderHeight = 22;
constexpr int kGap = 6;
constexpr int kMinThumbnail = 36;
constexpr int kMaxThumbnail = 180;

}  // namespace

QImage head_thumbnail(const Tensor& probabilities, const Tensor& scores, int64_t head, float* max_weight) {
  Matrix weights = head_matrix(probabilities, head);
  blank_masked_cells(weights, head_matrix(scores, head));
  const ValueRange range = finite_range(weights);
  const float top = range.valid && range.max > 0.0f ? range.max : 1.0f;
  if (max_weight != nullptr) *max_weight = top;
  QImage image(static_cast<int>(weights.cols), static_cast<int>(weights.rows), QImage::Format_RGB32);
  for (int64_t r = 0; r < weights.rows; ++r) {
    auto* line = reinterpret_cast<QRgb*>(image.scanLine(static_cast<int>(r)));
    for (int64_t c = 0; c < weights.cols; ++c) {
      const float value = weights.at(r, c);
      if (std::isnan(value)) {
        line[c] = qRgb(228, 228, 228);
        continue;
      }
      const Rgb colour = colour_at(normalise(value, 0.0, top));
      line[c] = qRgb(colour.r, colour.g, colour.b);
    }
  }
  return image;
}

HeadGridView::HeadGridView(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void HeadGridView::setResult(const RunResultPtr& result) {
  result_ = result;
  thumbnails_.clear();
  head_maxima_.clear();
  layers_ = static_cast<int>(result->layer_count());
  heads_ = static_cast<int>(result->head_count());
  for (int l = 0; l < layers_; ++l) {
    for (int h = 0; h < heads_; ++h) {
      float max_weight = 0.0f;
      thumbnails_.push_back(head_thumbnail(result->forward.attentions[static_cast<size_t>(l)],
                                           result->forward.scores[static_cast<size_t>(l)], h, &max_weight));
      head_maxima_.push_back(max_weight);
    }
  }
  updateGeometry();
  update();
}

void HeadGridView::clear() {
  result_.reset();
  thumbnails_.clear();
  head_maxima_.clear();
  layers_ = heads_ = 0;
  update();
}

void HeadGridView::setSelected(int first_layer, int last_layer, int head) {
  selected_first_layer_ = first_layer;
  selected_last_layer_ = last_layer;
  selected_head_ = head;
  update();
}

HeadGridView::Layout HeadGridView::layout() const {
  Layout layout;
  layout.left = kLabelWidth;
  layout.top = kHeaderHeight;
  if (layers_ == 0 || heads_ == 0) return layout;
  const int by_width = (width() - kLabelWidth - 4) / heads_;
  const int by_height = (height() - kHeaderHeight - 4) / layers_;
  layout.cell = std::clamp(std::min(by_width, by_height), kMinThumbnail + kGap, kMaxThumbnail + kGap);
  return layout;
}

QRect HeadGridView::thumbnailRect(int layer, int head) const {
  const Layout l = layout();
  const int side = l.cell - kGap;
  return {l.left + head * l.cell, l.top + layer * l.cell, side, side};
}

QSize HeadGridView::sizeHint() const {
  return {kLabelWidth + std::max(1, heads_) * 100, kHeaderHeight + std::max(1, layers_) * 100};
}

QSize HeadGridView::minimumSizeHint() const {
  const int cell = kMinThumbnail + kGap;
  return {kLabelWidth + std::max(1, heads_) * cell + 4, kHeaderHeight + std::max(1, layers_) * cell + 4};
}

std::optional<std::pair<int, int>> HeadGridView::headAt(QPoint point) const {
  for (int l = 0; l < layers_; ++l) {
    for (int h = 0; h < heads_; ++h) {
      if (thumbnailRect(l, h).contains(point)) return std::make_pair(l, h);
    }
  }
  return std::nullopt;
}

void HeadGridView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().base());
  if (layers_ == 0 || heads_ == 0) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                     tr("Every layer and head appears here once the model has run on a sentence."));
    return;
  }
  painter.setPen(palette().color(QPalette::Text));
  for (int h = 0; h < heads_; ++h) {
    const QRect r = thumbnailRect(0, h);
    painter.drawText(QRect(r.left(), 0, r.width(), kHeaderHeight), Qt::AlignCenter, tr("Head %1").arg(h));
  }
  for (int l = 0; l < layers_; ++l) {
    const QRect r = thumbnailRect(l, 0);
    painter.drawText(QRect(0, r.top(), kLabelWidth - 6, r.height()), Qt::AlignRight | Qt::AlignVCenter,
                     tr("Layer %1").arg(l));
    for (int h = 0; h < heads_; ++h) {
      const QRect target = thumbnailRect(l, h);
      // Nearest-neighbour scaling keeps each token pair a crisp block.
      painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
      painter.drawImage(target, thumbnails_[l * heads_ + h]);
      const bool selected = l >= selected_first_layer_ && l <= selected_last_layer_ &&
                            (selected_head_ < 0 || h == selected_head_);
      if (selected) {
        painter.setPen(QPen(QColor(230, 80, 20), 3));
        painter.drawRect(target.adjusted(-2, -2, 1, 1));
        painter.setPen(palette().color(QPalette::Text));
      }
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
      const float max_weight = head_maxima_.value(head->first * heads_ + head->second);
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
