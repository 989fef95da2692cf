#pragma once
// Draws the layer × head grid of thumbnails with its "Layer l" / "Head h" labels; shared by the
// model view on screen and its exported figure so both look the same.
#include <QColor>
#include <QFontMetrics>
#include <QRect>

#include "ui/head_thumbnails.h"

class QPainter;

namespace as::ui {

struct GridGeometry {
  int left = 0;           // first thumbnail column (after the layer labels)
  int top = 0;            // first thumbnail row (after the head labels)
  int cell = 0;           // thumbnail side plus gap
  int gap = 6;
  int label_width = 0;
  int header_height = 0;

  QRect thumbnail(int layer, int head) const {
    return {left + head * cell, top + layer * cell, cell - gap, cell - gap};
  }
};

// Label sizes for `metrics`, thumbnails as large as `area` allows within [min_side, max_side].
GridGeometry grid_geometry(QRect area, int layers, int heads, const QFontMetrics& metrics, int min_side,
                           int max_side);
// The room the grid needs at thumbnail side `side`.
QSize grid_extent(int layers, int heads, const QFontMetrics& metrics, int side);

// `images` are drawn into their thumbnail rects: smoothly when shrunk (a 512-token head must
// average, not drop, rows), as crisp blocks when enlarged.
void paint_grid(QPainter& painter, const GridGeometry& geometry, const HeadThumbnails& thumbnails, QColor text);

// A vertical colour bar with its end labels and a rotated caption to its right.
void paint_colour_bar(QPainter& painter, QRect bar, ColourMap colours, const QString& low, const QString& high,
                      const QString& caption);

}  // namespace as::ui
