#include "ui/grid_figure.h"

#include <QBuffer>
#include <QFontMetrics>
#include <QGuiApplication>

#include <algorithm>
#include <sstream>

#include <qcustomplot.h>

#include "ui/grid_painter.h"
#include "ui/heatmap_svg.h"

namespace as::ui {
namespace {

constexpr int kMargin = 16;
constexpr int kBarWidth = 16;
constexpr int kBarSpace = 90;    // colour bar, its numbers and its rotated caption
constexpr int kSvgMaxImage = 256;  // embedded thumbnails are at most this many pixels a side

QFont title_font(QFont font) {
  font.setPointSizeF(font.pointSizeF() + 2);
  font.setBold(true);
  return font;
}

// Title and caption above, colour bar to the right: what is left for the grid.
struct FigureLayout {
  QRect title;
  QRect caption;
  QRect grid;
  QRect bar;
};

FigureLayout plan(QSize size, const QFontMetrics& title_metrics, const QFontMetrics& metrics) {
  FigureLayout l;
  l.title = QRect(kMargin, kMargin, size.width() - 2 * kMargin, title_metrics.height());
  l.caption = QRect(kMargin, l.title.bottom() + 4, l.title.width(), metrics.height());
  const int top = l.caption.bottom() + 12;
  l.grid = QRect(kMargin, top, size.width() - 2 * kMargin - kBarSpace, size.height() - top - kMargin);
  return l;
}

QString png_data_uri(const QImage& image) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
}

QImage svg_image(const QImage& image) {
  if (image.width() <= kSvgMaxImage) return image;
  return image.scaled(kSvgMaxImage, kSvgMaxImage, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

void write_svg_grid(std::ostringstream& svg, const GridGeometry& g, const HeadThumbnails& thumbnails) {
  const int side = g.cell - g.gap;
  for (int h = 0; h < thumbnails.heads; ++h) {
    svg << "<text x=\"" << g.thumbnail(0, h).center().x() << "\" y=\"" << g.top - 6
        << "\" text-anchor=\"middle\" fill=\"#202020\">Head " << h << "</text>\n";
  }
  for (int l = 0; l < thumbnails.layers; ++l) {
    svg << "<text x=\"" << g.left - 6 << "\" y=\"" << g.thumbnail(l, 0).center().y()
        << "\" text-anchor=\"end\" dominant-baseline=\"middle\" fill=\"#202020\">Layer " << l << "</text>\n";
    for (int h = 0; h < thumbnails.heads; ++h) {
      const QRect r = g.thumbnail(l, h);
      svg << "<image x=\"" << r.left() << "\" y=\"" << r.top() << "\" width=\"" << side << "\" height=\"" << side
          << "\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" image-rendering=\"optimizeSpeed\" "
             "xlink:href=\""
          << png_data_uri(svg_image(thumbnails.at(l, h))).toStdString() << "\"/>\n";
    }
  }
}

void write_svg_colour_bar(std::ostringstream& svg, const GridGeometry& g, const HeadThumbnails& thumbnails,
                          ColourMap colours) {
  const int bottom = g.thumbnail(std::max(0, thumbnails.layers - 1), 0).bottom();
  const int x = g.thumbnail(0, std::max(0, thumbnails.heads - 1)).right() + 24;
  svg << "<defs><linearGradient id=\"scale\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">\n";
  for (const auto& stop : colour_stops(colours)) {
    svg << "<stop offset=\"" << stop.position << "\" stop-color=\"" << to_hex(stop.colour) << "\"/>\n";
  }
  svg << "</linearGradient></defs>\n"
      << "<rect x=\"" << x << "\" y=\"" << g.top << "\" width=\"" << kBarWidth << "\" height=\"" << bottom - g.top
      << "\" fill=\"url(#scale)\" stroke=\"#808080\" stroke-width=\"0.5\"/>\n"
      << "<text x=\"" << x + kBarWidth + 5 << "\" y=\"" << g.top + 4 << "\" fill=\"#202020\">max</text>\n"
      << "<text x=\"" << x + kBarWidth + 5 << "\" y=\"" << bottom + 4 << "\" fill=\"#202020\">0</text>\n"
      << "<text fill=\"#404040\" text-anchor=\"middle\" transform=\"translate(" << x + kBarWidth + 44 << ","
      << (g.top + bottom) / 2 << ") rotate(90)\">weight ÷ head's largest</text>\n";
}

}  // namespace

GridFigure::GridFigure(HeadThumbnails thumbnails, QString title, ColourMap colours)
    : thumbnails_(std::move(thumbnails)), title_(std::move(title)), colours_(colours) {}

QString GridFigure::caption() {
  return QObject::tr("Attention probabilities; each thumbnail is scaled to its own largest weight.");
}

void GridFigure::paint(QCPPainter& painter, QSize size) const {
  painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
  const QFont base = QGuiApplication::font();
  const FigureLayout l = plan(size, QFontMetrics(title_font(base)), QFontMetrics(base));
  painter.setPen(QColor(32, 32, 32));
  painter.setFont(title_font(base));
  painter.drawText(l.title, Qt::AlignHCenter | Qt::AlignVCenter, title_);
  painter.setFont(base);
  painter.setPen(QColor(80, 80, 80));
  painter.drawText(l.caption, Qt::AlignHCenter | Qt::AlignVCenter, caption());
  const GridGeometry g = grid_geometry(l.grid, thumbnails_.layers, thumbnails_.heads, QFontMetrics(base), 8, 4000);
  paint_grid(painter, g, thumbnails_, QColor(32, 32, 32));
  const int grid_bottom = g.thumbnail(std::max(0, thumbnails_.layers - 1), 0).bottom();
  const int right = g.thumbnail(0, std::max(0, thumbnails_.heads - 1)).right();
  const QRect bar(right + 24, g.top, kBarWidth, std::max(40, grid_bottom - g.top));
  paint_colour_bar(painter, bar, colours_, QStringLiteral("0"), QObject::tr("max"),
                   QObject::tr("weight ÷ head's largest"));
}

std::string GridFigure::svg(QSize size) const {
  const QFont base = QGuiApplication::font();
  const QFontMetrics metrics(base);
  const FigureLayout l = plan(size, QFontMetrics(title_font(base)), metrics);
  const GridGeometry g = grid_geometry(l.grid, thumbnails_.layers, thumbnails_.heads, metrics, 8, 4000);
  std::ostringstream svg;
  svg << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\""
      << size.width() << "\" height=\"" << size.height() << "\" viewBox=\"0 0 " << size.width() << ' '
      << size.height() << "\" font-family=\"'DejaVu Sans', sans-serif\" font-size=\"12\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<text x=\"" << size.width() / 2 << "\" y=\"" << l.title.bottom() - 4
      << "\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\" fill=\"#202020\">"
      << xml_escape(title_.toStdString()) << "</text>\n"
      << "<text x=\"" << size.width() / 2 << "\" y=\"" << l.caption.bottom() - 2
      << "\" text-anchor=\"middle\" fill=\"#505050\">" << xml_escape(caption().toStdString()) << "</text>\n";
  write_svg_grid(svg, g, thumbnails_);
  write_svg_colour_bar(svg, g, thumbnails_, colours_);
  svg << "</svg>\n";
  return svg.str();
}

}  // namespace as::ui
