#pragma once
// The model view (every layer × head) as an exportable figure: a title, the grid of thumbnails
// with layer and head labels, and the colour bar. The SVG embeds each thumbnail as a PNG drawn
// with crisp pixels, since one vector rectangle per cell would be millions for a large model.
#include "ui/figure.h"
#include "ui/head_thumbnails.h"

namespace as::ui {

class GridFigure : public Figure {
 public:
  GridFigure(HeadThumbnails thumbnails, QString title, ColourMap colours);

  QString title() const override { return title_; }
  void paint(QCPPainter& painter, QSize size) const override;
  std::string svg(QSize size) const override;

  static QString caption();

 private:
  HeadThumbnails thumbnails_;
  QString title_;
  ColourMap colours_;
};

}  // namespace as::ui
