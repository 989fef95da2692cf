#include "ui/column_chart.h"

#include <algorithm>

namespace as::ui {

ColumnChart::ColumnChart(const QString& title, QWidget* parent) : QCustomPlot(parent) {
  plotLayout()->insertRow(0);
  title_ = new QCPTextElement(this, title);
  plotLayout()->addElement(0, 0, title_);
  bars_ = new QCPBars(xAxis, yAxis);
  bars_->setWidth(0.8);
  setBarColour(QColor(0x3b, 0x52, 0x8b));
  xAxis->grid()->setVisible(false);
  xAxis->setSubTicks(false);
  xAxis->setTickLabelRotation(60);
  yAxis->grid()->setZeroLinePen(QPen(QColor(80, 80, 80)));
  setMinimumHeight(140);
  applyFonts();
}

void ColumnChart::setBarColour(const QColor& colour) {
  bars_->setPen(QPen(colour.darker(120)));
  bars_->setBrush(colour);
}

void ColumnChart::setValues(const std::vector<double>& values, const QStringList& labels) {
  values_ = values;
  QVector<double> keys, heights;
  for (size_t i = 0; i < values.size(); ++i) {
    keys << static_cast<double>(i);
    heights << values[i];
  }
  bars_->setData(keys, heights, true);
  if (!labels.isEmpty()) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < labels.size(); ++i) ticker->addTick(i, labels[i]);
    xAxis->setTicker(ticker);
  } else {
    xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
  }
  xAxis->setRange(-0.6, static_cast<double>(values.size()) - 0.4);
  if (unit_range_) {
    yAxis->setRange(0.0, 1.0);
  } else {
    double lo = 0.0, hi = 0.0;
    for (double v : values) lo = std::min(lo, v), hi = std::max(hi, v);
    const double pad = std::max(1e-6, (hi - lo) * 0.08);
    yAxis->setRange(lo - (lo < 0 ? pad : 0.0), hi + pad);
  }
  replot();
}

void ColumnChart::clearValues() {
  values_.clear();
  bars_->data()->clear();
  replot();
}

void ColumnChart::changeEvent(QEvent* event) {
  QCustomPlot::changeEvent(event);
  if (event->type() == QEvent::FontChange) {
    applyFonts();
    replot();
  }
}

// QCustomPlot copies the widget's font once; the window's larger text has to be handed on.
void ColumnChart::applyFonts() {
  QFont bold = font();
  bold.setBold(true);
  title_->setFont(bold);
  for (QCPAxis* axis : {xAxis, yAxis}) {
    axis->setTickLabelFont(font());
    axis->setLabelFont(font());
  }
}

}  // namespace as::ui
