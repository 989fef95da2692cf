#include "ui/grid_painter.h"

#include <QLinearGradient>
#include <QPainter>

#include <algorithm>

#include "ui/qt_colours.h"

namespace as::ui {
namespace {

constexpr int kGap = 6;

int label_width(const QFontMetrics& metrics, int layers) {
  return metrics.horizontalAdvance(QObject::tr("Layer %1").arg(std::max(0, layers - 1))) + 12;
}

int header_height(const QFontMetrics& metrics) { return metrics.height() + 8; }

// "Head 3" where it fits over a thumbnail, else just "3".
QString head_label(const QFontMetrics& metrics, int head, int width) {
  const QString full = QObject::tr("Head %1").arg(head);
  return metrics.horizontalAdvance(full) <= width ? full : QString::number(head);
}

}  // namespace

GridGeometry grid_geometry(QRect area, int layers, int heads, const QFontMetrics& metrics, int min_side,
                           int max_side) {
  GridGeometry g;
  g.gap = kGap;
  g.label_width = label_width(metrics, layers);
  g.header_height = header_height(metrics);
  g.left = area.left() + g.label_width;
  g.top = area.top() + g.header_height;
  if (layers <= 0 || heads <= 0) return g;
  const int by_width = (area.width() - g.label_width - 4) / heads;
  const int by_height = (area.height() - g.header_height - 4) / layers;
  g.cell = std::clamp(std::min(by_width, by_height), min_side + kGap, max_side + kGap);
  // Centred across the width it does not need.
  g.left += std::max(0, (area.width() - g.label_width - heads * g.cell) / 2);
  return g;
}

QSize grid_extent(int layers, int heads, const QFontMetrics& metrics, int side) {
  const int cell = side + kGap;
  return {label_width(metrics, layers) + std::max(1, heads) * cell + 4,
          header_height(metrics) + std::max(1, layers) * cell + 4};
}

void paint_grid(QPainter& painter, const GridGeometry& g, const HeadThumbnails& thumbnails, QColor text) {
  const QFontMetrics metrics = painter.fontMetrics();
  painter.setPen(text);
  for (int h = 0; h < thumbnails.heads; ++h) {
    const QRect r = g.thumbnail(0, h);
    painter.drawText(QRect(r.left() - g.gap / 2, g.top - g.header_height, g.cell, g.header_height),
                     Qt::AlignCenter, head_label(metrics, h, g.cell));
  }
  for (int l = 0; l < thumbnails.layers; ++l) {
    const QRect r = g.thumbnail(l, 0);
    painter.drawText(QRect(g.left - g.label_width, r.top(), g.label_width - 6, r.height()),
                     Qt::AlignRight | Qt::AlignVCenter, QObject::tr("Layer %1").arg(l));
    for (int h = 0; h < thumbnails.heads; ++h) {
      const QRect target = g.thumbnail(l, h);
      const QImage& image = thumbnails.at(l, h);
      painter.setRenderHint(QPainter::SmoothPixmapTransform, image.width() > target.width());
      painter.drawImage(target, image);
    }
  }
}

void paint_colour_bar(QPainter& painter, QRect bar, ColourMap colours, const QString& low, const QString& high,
                      const QString& caption) {
  QLinearGradient gradient(bar.bottomLeft(), bar.topLeft());
  for (const auto& stop : colour_stops(colours)) gradient.setColorAt(stop.position, to_qcolor(stop.colour));
  painter.fillRect(bar, gradient);
  painter.setPen(QColor(128, 128, 128));
  painter.drawRect(bar);
  painter.setPen(QColor(32, 32, 32));
  const QFontMetrics metrics = painter.fontMetrics();
  painter.drawText(QPoint(bar.right() + 5, bar.top() + metrics.ascent() / 2), high);
  painter.drawText(QPoint(bar.right() + 5, bar.bottom() + metrics.ascent() / 2), low);
  painter.save();
  const int text_x = bar.right() + 10 + std::max(metrics.horizontalAdvance(high), metrics.horizontalAdvance(low));
  painter.translate(text_x + metrics.ascent(), bar.center().y());
  painter.rotate(90);
  painter.drawText(QRect(-bar.height() / 2, -metrics.height(), bar.height(), metrics.height()), Qt::AlignCenter,
                   caption);
  painter.restore();
}

}  // namespace as::ui
