#include "ui/bar_chart.h"

#include <QResizeEvent>

#include <algorithm>

namespace as::ui {
namespace {

// Value labels stay readable up to this many bars; beyond it only the bars are drawn.
constexpr int kMaxValueLabels = 40;

QString value_text(double value, bool percent) {
  return percent ? QStringLiteral("%1 %").arg(value * 100.0, 0, 'f', value < 0.001 ? 3 : 1)
                 : QString::number(value, 'g', 4);
}

}  // namespace

BarChart::BarChart(QWidget* parent) : QCustomPlot(parent) {
  setBackground(palette().base());
  plotLayout()->insertRow(0);
  title_ = new QCPTextElement(this, QString());
  plotLayout()->addElement(0, 0, title_);
  yAxis->setRangeReversed(true);  // first row on top
  yAxis->setTickLength(0, 0);
  yAxis->setSubTickLength(0, 0);
  yAxis->grid()->setVisible(false);
  xAxis->grid()->setPen(QPen(QColor(225, 225, 225)));
  xAxis->ticker()->setTickCount(4);  // few value ticks: the charts are often narrow
  setMinimumHeight(160);
  applyFonts();
  connect(this, &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable*, int index, QMouseEvent*) {
    if (index >= 0 && index < bars_.size()) emit barClicked(index);
  });
}

void BarChart::setTitle(const QString& title) {
  title_->setText(title);
  replot();
}

QString BarChart::title() const { return title_->text(); }

void BarChart::setBars(const QVector<Bar>& bars, const QString& value_axis, bool percent) {
  bars_ = bars;
  value_axis_ = value_axis;
  percent_ = percent;
  rebuild();
}

void BarChart::rebuild() {
  clearPlottables();
  clearItems();
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  const int n = static_cast<int>(bars_.size());
  // Rows that fit: label every row when they do, every k-th otherwise.
  const int row_px = QFontMetrics(yAxis->tickLabelFont()).height();
  const int step = std::max(1, n * row_px / std::max(1, axisRect()->height()) + 1);
  double largest = 0.0;
  for (int i = 0; i < n; ++i) {
    if (i % step == 0) ticker->addTick(i, bars_[i].label);
    largest = std::max(largest, bars_[i].value);
    // One QCPBars per colour would be lighter, but a bar each keeps click indices simple.
    auto* bar = new QCPBars(yAxis, xAxis);
    bar->setWidth(0.7);
    bar->setPen(Qt::NoPen);
    bar->setBrush(bars_[i].colour.isValid() ? bars_[i].colour : QColor(70, 120, 180));
    bar->addData(i, bars_[i].value);
  }
  yAxis->setTicker(ticker);
  yAxis->setRange(-0.6, std::max(0, n - 1) + 0.6);
  const double max = value_max_ > 0 ? value_max_ : std::max(1e-9, largest);
  xAxis->setRange(0, max * (n * row_px <= axisRect()->height() ? 1.4 : 1.02));  // room for the value labels
  xAxis->setLabel(value_axis_);
  // Value labels only where each row is tall enough for its text; else they would overlap.
  const bool labels_fit = n <= kMaxValueLabels && n * row_px <= axisRect()->height();
  if (labels_fit) {
    for (int i = 0; i < n; ++i) {
      auto* label = new QCPItemText(this);
      label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
      label->position->setAxes(xAxis, yAxis);
      label->position->setCoords(bars_[i].value, i);
      label->setPadding(QMargins(4, 0, 0, 0));
      label->setText(value_text(bars_[i].value, percent_));
      label->setFont(font());
      label->setColor(QColor(40, 40, 40));
    }
  }
  replot();
}

void BarChart::applyFonts() {
  const QFont base = font();
  QFont title = base;
  title.setBold(true);
  title_->setFont(title);
  for (QCPAxis* axis : {xAxis, yAxis}) {
    axis->setTickLabelFont(base);
    axis->setLabelFont(base);
  }
}

void BarChart::changeEvent(QEvent* event) {
  QCustomPlot::changeEvent(event);
  if (event->type() == QEvent::FontChange) {
    applyFonts();
    rebuild();
  }
}

void BarChart::resizeEvent(QResizeEvent* event) {
  if (event->size().isEmpty()) return;  // collapsed: QCustomPlot would warn about an empty buffer
  QCustomPlot::resizeEvent(event);
  if (!bars_.isEmpty()) rebuild();  // which row and value labels fit depends on the size
}

}  // namespace as::ui
