#include "ui/head_lines_figure.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QLinearGradient>
#include <QPainter>

#include <sstream>

#include <qcustomplot.h>

#include "ui/colour_scale.h"
#include "ui/head_lines_painter.h"
#include "ui/heatmap_svg.h"

namespace as::ui {
namespace {

constexpr int kMargin = 16;
constexpr int kSwatch = 12;
constexpr int kRampWidth = 80;  // the opacity legend: a line fading in from weight 0 to 1

QString opacity_note() { return QObject::tr("0 → 1: line opacity = attention weight"); }

// At the right of the legend row: a line fading in, then what it means.
void paint_opacity_legend(QPainter& painter, QRect legend) {
  const QString note = opacity_note();
  const int text_width = painter.fontMetrics().horizontalAdvance(note);
  const QRect ramp(legend.right() - text_width - kRampWidth - 8, legend.center().y() - 2, kRampWidth, 4);
  QLinearGradient fade(ramp.topLeft(), ramp.topRight());
  fade.setColorAt(0.0, QColor(48, 48, 48, 0));
  fade.setColorAt(1.0, QColor(48, 48, 48, 255));
  painter.fillRect(ramp, fade);
  painter.setPen(QColor(80, 80, 80));
  painter.drawText(legend, Qt::AlignRight | Qt::AlignVCenter, note);
}

QFont title_font() {
  QFont font = QGuiApplication::font();
  font.setPointSizeF(font.pointSizeF() + 2);
  font.setBold(true);
  return font;
}

QString heads_text(const std::vector<int>& heads) {
  QStringList names;
  for (int h : heads) names << QString::number(h);
  if (heads.empty()) return QObject::tr("no heads");
  return (heads.size() == 1 ? QObject::tr("head %1") : QObject::tr("heads %1")).arg(names.join(QStringLiteral(", ")));
}

std::string svg_number(double value) {
  std::ostringstream out;
  out.precision(5);
  out << value;
  return out.str();
}

void write_svg_legend(std::ostringstream& svg, QRect legend, const std::vector<int>& heads) {
  const QFontMetrics metrics(QGuiApplication::font());
  int x = legend.left();
  for (int h : heads) {
    const std::string name = QObject::tr("Head %1").arg(h).toStdString();
    svg << "<rect x=\"" << x << "\" y=\"" << legend.center().y() - kSwatch / 2 << "\" width=\"" << kSwatch
        << "\" height=\"" << kSwatch << "\" fill=\"" << to_hex(head_colour(h)) << "\"/><text x=\"" << x + kSwatch + 4
        << "\" y=\"" << legend.center().y() << "\" dominant-baseline=\"middle\" fill=\"#202020\">" << name
        << "</text>\n";
    x += kSwatch + 16 + metrics.horizontalAdvance(QString::fromStdString(name));
  }
  const QString note = opacity_note();
  const int ramp_x = legend.right() - metrics.horizontalAdvance(note) - kRampWidth - 8;
  svg << "<defs><linearGradient id=\"opacity\"><stop offset=\"0\" stop-color=\"#303030\" stop-opacity=\"0\"/>"
         "<stop offset=\"1\" stop-color=\"#303030\" stop-opacity=\"1\"/></linearGradient></defs>\n<rect x=\""
      << ramp_x << "\" y=\"" << legend.center().y() - 2 << "\" width=\"" << kRampWidth
      << "\" height=\"4\" fill=\"url(#opacity)\"/>\n<text x=\"" << legend.right() << "\" y=\"" << legend.center().y()
      << "\" text-anchor=\"end\" dominant-baseline=\"middle\" fill=\"#505050\">" << xml_escape(note.toStdString())
      << "</text>\n";
}

void write_svg_headers(std::ostringstream& svg, QRect headers, const HeadLinesLayout& c) {
  svg << "<g fill=\"#505050\" dominant-baseline=\"middle\"><text x=\"" << svg_number(c.left.right()) << "\" y=\""
      << headers.center().y() << "\" text-anchor=\"end\">attending (query)</text>\n<text x=\""
      << svg_number(c.right.left()) << "\" y=\"" << headers.center().y() << "\">attended to (key)</text></g>\n";
}

void write_svg_lines(std::ostringstream& svg, const HeadLinesLayout& c, const std::vector<HeadLine>& lines) {
  svg << "<g stroke-width=\"1.5\" stroke-linecap=\"round\">\n";
  for (const HeadLine& line : lines) {
    svg << "<line x1=\"" << svg_number(c.left.right()) << "\" y1=\"" << svg_number(c.y(line.from)) << "\" x2=\""
        << svg_number(c.right.left()) << "\" y2=\"" << svg_number(c.y(line.to)) << "\" stroke=\""
        << to_hex(head_colour(line.head)) << "\" stroke-opacity=\"" << svg_number(line.weight) << "\"/>\n";
  }
  svg << "</g>\n";
}

void write_svg_labels(std::ostringstream& svg, const HeadLinesLayout& c, const QStringList& labels) {
  svg << "<g fill=\"#202020\" dominant-baseline=\"middle\">\n";
  for (int i = 0; i < labels.size(); i += c.label_step) {
    const std::string label = xml_escape(labels[i].toStdString());
    svg << "<text x=\"" << svg_number(c.left.right() - 6) << "\" y=\"" << svg_number(c.y(i))
        << "\" text-anchor=\"end\">" << label << "</text><text x=\"" << svg_number(c.right.left() + 6) << "\" y=\""
        << svg_number(c.y(i)) << "\">" << label << "</text>\n";
  }
  svg << "</g>\n";
}

}  // namespace

struct HeadLinesFigure::Frame {
  QRect title;
  QRect legend;     // one swatch and name per head, then the opacity note
  QRect headers;    // "attending" over the left column, "attended to" over the right
  HeadLinesLayout columns;
};

HeadLinesFigure::HeadLinesFigure(QStringList labels, Tensor probabilities, int layer, std::vector<int> heads)
    : labels_(std::move(labels)), layer_(layer), heads_(std::move(heads)), lines_(head_lines(probabilities, heads_)) {}

QString HeadLinesFigure::title() const {
  return QObject::tr("Layer %1 · %2 · attention lines").arg(layer_).arg(heads_text(heads_));
}

HeadLinesFigure::Frame HeadLinesFigure::frame(QSize size) const {
  const QFontMetrics metrics(QGuiApplication::font());
  Frame f;
  const int width = size.width() - 2 * kMargin;
  f.title = QRect(kMargin, kMargin, width, QFontMetrics(title_font()).height());
  f.legend = QRect(kMargin, f.title.bottom() + 6, width, metrics.height());
  f.headers = QRect(kMargin, f.legend.bottom() + 10, width, metrics.height());
  const QRectF area(kMargin, f.headers.bottom() + 6, width, size.height() - f.headers.bottom() - 6 - kMargin);
  f.columns = head_lines_layout(area, labels_, metrics);
  return f;
}

void HeadLinesFigure::paint(QCPPainter& painter, QSize size) const {
  painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
  const Frame f = frame(size);
  const QFont base = QGuiApplication::font();
  const QFontMetrics metrics(base);
  painter.setPen(QColor(32, 32, 32));
  painter.setFont(title_font());
  painter.drawText(f.title, Qt::AlignCenter, title());
  painter.setFont(base);
  int x = f.legend.left();
  for (int h : heads_) {
    painter.fillRect(QRect(x, f.legend.center().y() - kSwatch / 2, kSwatch, kSwatch), head_qcolour(h));
    const QString name = QObject::tr("Head %1").arg(h);
    painter.drawText(QPoint(x + kSwatch + 4, f.legend.top() + metrics.ascent()), name);
    x += kSwatch + 16 + metrics.horizontalAdvance(name);
  }
  paint_opacity_legend(painter, f.legend);
  painter.drawText(QRectF(f.columns.left.left() - 200, f.headers.top(), f.columns.left.width() + 200, f.headers.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QObject::tr("attending (query)"));
  painter.drawText(QRectF(f.columns.right.left(), f.headers.top(), f.columns.right.width() + 200, f.headers.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("attended to (key)"));
  paint_head_lines(painter, f.columns, lines_);
  paint_token_columns(painter, f.columns, labels_, std::nullopt, QColor(32, 32, 32));
}

std::string HeadLinesFigure::svg(QSize size) const {
  const Frame f = frame(size);
  std::ostringstream svg;
  svg << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
      << size.width() << "\" height=\"" << size.height() << "\" viewBox=\"0 0 " << size.width() << ' '
      << size.height() << "\" font-family=\"'Noto Sans CJK KR', 'DejaVu Sans', sans-serif\" font-size=\"12\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n<text x=\"" << size.width() / 2 << "\" y=\""
      << f.title.bottom() - 4 << "\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\" fill=\"#202020\">"
      << xml_escape(title().toStdString()) << "</text>\n";
  write_svg_legend(svg, f.legend, heads_);
  write_svg_headers(svg, f.headers, f.columns);
  write_svg_lines(svg, f.columns, lines_);
  write_svg_labels(svg, f.columns, labels_);
  svg << "</svg>\n";
  return svg.str();
}

}  // namespace as::ui
