#include "ui/curves_figure.h"

#include <algorithm>
#include <sstream>

#include <qcustomplot.h>

#include "ui/colour_scale.h"
#include "ui/heatmap_svg.h"
#include "ui/positional_encoding.h"
#include "ui/qt_colours.h"

namespace as::ui {

Curves curves_of(const Matrix& m, const std::vector<int64_t>& columns, const QString& title, size_t max_curves) {
  Curves c;
  c.title = title;
  c.x_name = QObject::tr("position");
  c.y_name = QObject::tr("value");
  for (int64_t column : columns) {
    if (column < 0 || column >= m.cols || c.columns.size() >= max_curves) continue;
    c.columns.push_back(column);
    c.values.push_back(column_values(m, column));
  }
  return c;
}

void draw_curves(QCustomPlot& plot, const Curves& curves) {
  plot.clearGraphs();
  if (plot.plotLayout()->rowCount() == 1) {
    plot.plotLayout()->insertRow(0);
    plot.plotLayout()->addElement(0, 0, new QCPTextElement(&plot, QString()));
  }
  if (auto* title = qobject_cast<QCPTextElement*>(plot.plotLayout()->element(0, 0))) {
    QFont bold = plot.font();
    bold.setBold(true);
    title->setFont(bold);
    title->setText(curves.title);
  }
  double rows = 1;
  for (size_t i = 0; i < curves.values.size(); ++i) {
    QCPGraph* graph = plot.addGraph();
    QVector<double> x, y;
    for (size_t r = 0; r < curves.values[i].size(); ++r) x << static_cast<double>(r), y << curves.values[i][r];
    rows = std::max(rows, static_cast<double>(curves.values[i].size()));
    graph->setData(x, y, true);
    graph->setPen(QPen(to_qcolor(head_colour(static_cast<int>(i))), 2));
    graph->setName(QObject::tr("dim %1").arg(curves.columns[i]));
  }
  plot.xAxis->setLabel(curves.x_name);
  plot.yAxis->setLabel(curves.y_name);
  plot.xAxis->setRange(0, std::max(1.0, rows - 1));
  plot.yAxis->rescale();
  plot.yAxis->scaleRange(1.1, plot.yAxis->range().center());
  plot.legend->setVisible(!curves.values.empty());
  plot.legend->setFont(plot.font());
  plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  for (QCPAxis* axis : {plot.xAxis, plot.yAxis}) axis->setTickLabelFont(plot.font()), axis->setLabelFont(plot.font());
  plot.replot();
}

void CurvesFigure::paint(QCPPainter& painter, QSize size) const {
  QCustomPlot plot;
  plot.resize(size);
  draw_curves(plot, curves_);
  plot.toPainter(&painter, size.width(), size.height());
}

// Polylines in a frame, the value range on the left, a legend on the right.
std::string CurvesFigure::svg(QSize size) const {
  const double left = 70, top = 50, right = 130, bottom = 50;
  const double w = size.width() - left - right, h = size.height() - top - bottom;
  double lo = 0, hi = 0, rows = 1;
  for (const auto& curve : curves_.values)
    for (double v : curve) lo = std::min(lo, v), hi = std::max(hi, v);
  for (const auto& curve : curves_.values) rows = std::max(rows, static_cast<double>(curve.size()) - 1);
  if (hi <= lo) hi = lo + 1;
  const auto px = [&](double r) { return left + r / rows * w; };
  const auto py = [&](double v) { return top + (hi - v) / (hi - lo) * h; };
  std::ostringstream svg;
  svg << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
      << size.width() << "\" height=\"" << size.height() << "\" font-family=\"sans-serif\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<text x=\"" << left << "\" y=\"28\" font-size=\"16\" font-weight=\"bold\">"
      << xml_escape(curves_.title.toStdString()) << "</text>\n"
      << "<rect x=\"" << left << "\" y=\"" << top << "\" width=\"" << w << "\" height=\"" << h
      << "\" fill=\"none\" stroke=\"#404040\"/>\n"
      << "<text x=\"" << left - 6 << "\" y=\"" << top + 5 << "\" font-size=\"12\" text-anchor=\"end\">" << hi << "</text>\n"
      << "<text x=\"" << left - 6 << "\" y=\"" << top + h << "\" font-size=\"12\" text-anchor=\"end\">" << lo << "</text>\n"
      << "<text x=\"" << left + w / 2 << "\" y=\"" << size.height() - 12 << "\" font-size=\"12\" text-anchor=\"middle\">"
      << xml_escape(curves_.x_name.toStdString()) << " 0 … " << rows << "</text>\n";
  for (size_t i = 0; i < curves_.values.size(); ++i) {
    const std::string colour = to_hex(head_colour(static_cast<int>(i)));
    svg << "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" << colour << "\" points=\"";
    for (size_t r = 0; r < curves_.values[i].size(); ++r) svg << px(static_cast<double>(r)) << ',' << py(curves_.values[i][r]) << ' ';
    svg << "\"/>\n<text x=\"" << left + w + 12 << "\" y=\"" << top + 16 + 18 * static_cast<double>(i)
        << "\" font-size=\"12\" fill=\"" << colour << "\">dim " << curves_.columns[i] << "</text>\n";
  }
  svg << "</svg>\n";
  return svg.str();
}

}  // namespace as::ui
