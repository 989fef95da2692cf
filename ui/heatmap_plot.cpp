#include "ui/heatmap_plot.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include "ui/heatmap_text.h"
#include "ui/qt_colours.h"

namespace as::ui {
namespace {

const QString kHoverLayer = QStringLiteral("overlay");  // buffered: hovering repaints only this layer

QSharedPointer<QCPAxisTickerText> text_ticker(const QStringList& labels, int step) {
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  ticker->setSubTickCount(0);
  for (int i = 0; i < labels.size(); i += std::max(1, step)) ticker->addTick(i, labels[i]);
  return ticker;
}

QMap<double, QString> ticks_of(const QCPAxis* axis) {
  const auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(axis->ticker());
  return ticker ? ticker->ticks() : QMap<double, QString>();
}

QCPItemRect* make_band(QCustomPlot* plot) {
  auto* band = new QCPItemRect(plot);
  band->setLayer(kHoverLayer);
  band->setPen(QPen(QColor(255, 90, 20), 2));
  band->setBrush(Qt::NoBrush);
  band->setSelectable(false);
  band->setVisible(false);
  return band;
}

}  // namespace

int label_step(int count, int axis_px, int label_px) {
  if (count <= 0 || axis_px <= 0) return 1;
  const double cell_px = static_cast<double>(axis_px) / count;
  return std::max(1, static_cast<int>(std::ceil(label_px / cell_px)));
}

HeatmapPlot::HeatmapPlot(QWidget* parent) : QCustomPlot(parent) {
  setNoAntialiasingOnDrag(true);
  map_ = new QCPColorMap(xAxis, yAxis);
  map_->setInterpolate(false);  // one flat cell per token pair: smoothing would invent values

  scale_ = new QCPColorScale(this);
  scale_->setType(QCPAxis::atRight);
  scale_->setBarWidth(14);
  plotLayout()->addElement(0, 1, scale_);
  map_->setColorScale(scale_);
  scale_->setGradient(attention_gradient());  // after linking: the map takes the scale's gradient

  // Keep the colour bar exactly as tall as the matrix.
  auto* margins = new QCPMarginGroup(this);
  axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
  scale_->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

  plotLayout()->insertRow(0);
  title_ = new QCPTextElement(this, QString());
  plotLayout()->addElement(0, 0, title_);

  // Masked cells are transparent: this hatching is what the user sees there.
  axisRect()->setBackground(QBrush(QColor(190, 190, 190), Qt::BDiagPattern));
  for (QCPAxis* axis : {xAxis, yAxis}) {
    axis->grid()->setVisible(false);
    axis->setTickLength(0, 3);
    axis->setSubTicks(false);
  }
  yAxis->setRangeReversed(true);  // first token at the top, as in a matrix
  xAxis->setTickLabelRotation(60);
  hover_row_ = make_band(this);
  hover_col_ = make_band(this);
  applyFonts();
  applyAxisNames(INT_MAX, INT_MAX);

  connect(this, &QCustomPlot::afterLayout, this, &HeatmapPlot::relabelForCurrentSize);
}

void HeatmapPlot::setHeatmap(const HeatmapData& heatmap, const QStringList& row_labels, const QStringList& col_labels) {
  const Matrix& m = heatmap.matrix;
  row_labels_ = row_labels;
  col_labels_ = col_labels;
  x_name_ = QString::fromStdString(heatmap.x_name);
  y_name_ = QString::fromStdString(heatmap.y_name);
  map_->data()->setSize(static_cast<int>(m.cols), static_cast<int>(m.rows));
  map_->data()->setRange(QCPRange(0, std::max<double>(0, static_cast<double>(m.cols - 1))),
                         QCPRange(0, std::max<double>(0, static_cast<double>(m.rows - 1))));
  for (int64_t r = 0; r < m.rows; ++r) {
    for (int64_t c = 0; c < m.cols; ++c) {
      map_->data()->setCell(static_cast<int>(c), static_cast<int>(r), static_cast<double>(m.at(r, c)));
    }
  }
  if (heatmap.colour_range.valid) {
    map_->setDataRange(QCPRange(static_cast<double>(heatmap.colour_range.min), static_cast<double>(heatmap.colour_range.max)));
  }
  scale_->axis()->setLabel(display_value_name(heatmap.value_name));
  title_->setText(display_heatmap_title(heatmap.title));
  xAxis->setRange(-0.5, static_cast<double>(m.cols) - 0.5);
  yAxis->setRange(-0.5, static_cast<double>(m.rows) - 0.5);
  row_step_ = col_step_ = 0;  // force new tickers
  applyTickLabels(axisRect()->width(), axisRect()->height());
  placeHoverBands();
  replot();
}

void HeatmapPlot::clearHeatmap() {
  map_->data()->clear();
  row_labels_.clear();
  col_labels_.clear();
  title_->setText(QString());
  hovered_ = -1;
  placeHoverBands();
  replot();
}

void HeatmapPlot::setColourMap(ColourMap map) {
  scale_->setGradient(attention_gradient(map));
  replot();
}

void HeatmapPlot::setHoveredToken(int index) {
  if (index == hovered_) return;
  hovered_ = index;
  placeHoverBands();
  layer(kHoverLayer)->replot();
}

void HeatmapPlot::placeHoverBands() {
  const int rows = static_cast<int>(row_labels_.size());
  const int cols = static_cast<int>(col_labels_.size());
  const bool row_visible = hovered_ >= 0 && hovered_ < rows;
  const bool col_visible = hovered_ >= 0 && hovered_ < cols;
  hover_row_->setVisible(row_visible);
  hover_col_->setVisible(col_visible);
  const double i = hovered_;
  hover_row_->topLeft->setCoords(-0.5, i - 0.5);
  hover_row_->bottomRight->setCoords(cols - 0.5, i + 0.5);
  hover_col_->topLeft->setCoords(i - 0.5, -0.5);
  hover_col_->bottomRight->setCoords(i + 0.5, rows - 0.5);
}

void HeatmapPlot::changeEvent(QEvent* event) {
  QCustomPlot::changeEvent(event);
  if (event->type() == QEvent::FontChange) {
    applyFonts();
    row_step_ = col_step_ = 0;  // label density depends on the text height
    replot();
  }
}

void HeatmapPlot::resizeEvent(QResizeEvent* event) {
  // Collapsed by the splitter (the model view alone): nothing to draw, and QCustomPlot would
  // warn about an empty paint buffer.
  if (event->size().isEmpty()) return;
  QCustomPlot::resizeEvent(event);
}

// QCustomPlot copies the widget's font once, at construction; a larger UI font (View ▸ Larger
// text) has to be handed to every text element again.
void HeatmapPlot::applyFonts() {
  const QFont base = font();
  QFont title = base;
  title.setPointSizeF(base.pointSizeF() + 2);
  title.setBold(true);
  title_->setFont(title);
  for (QCPAxis* axis : {xAxis, yAxis, scale_->axis()}) {
    axis->setTickLabelFont(base);
    axis->setLabelFont(base);
  }
}

// The long axis names where they fit along the axis, the short ones where they would overflow
// into the title (a short plot, or large text).
void HeatmapPlot::applyAxisNames(int axis_length_x, int axis_length_y) {
  const QFontMetrics metrics(xAxis->labelFont());
  const auto fitting = [&metrics](const QString& full, const QString& brief, int length) {
    return metrics.horizontalAdvance(full) <= length ? full : brief;
  };
  xAxis->setLabel(x_name_.isEmpty() ? fitting(tr("attended to (key) →"), tr("key →"), axis_length_x) : x_name_);
  yAxis->setLabel(y_name_.isEmpty() ? fitting(tr("attending token (query) →"), tr("query →"), axis_length_y) : y_name_);
}

void HeatmapPlot::applyTickLabels(int axis_length_x, int axis_length_y) {
  applyAxisNames(axis_length_x, axis_length_y);
  const int label_px = QFontMetrics(xAxis->tickLabelFont()).height() + 2;
  const int col_step = label_step(static_cast<int>(col_labels_.size()), axis_length_x, label_px);
  const int row_step = label_step(static_cast<int>(row_labels_.size()), axis_length_y, label_px);
  if (col_step == col_step_ && row_step == row_step_) return;
  col_step_ = col_step;
  row_step_ = row_step;
  xAxis->setTicker(text_ticker(col_labels_, col_step));
  yAxis->setTicker(text_ticker(row_labels_, row_step));
}

void HeatmapPlot::relabelForCurrentSize() {
  const int old_rows = row_step_;
  const int old_cols = col_step_;
  const QString old_names = xAxis->label() + yAxis->label();
  applyTickLabels(axisRect()->width(), axisRect()->height());
  if (old_rows != row_step_ || old_cols != col_step_ || old_names != xAxis->label() + yAxis->label()) {
    // The axes were already laid out for the old labels: draw again with the new ones.
    QMetaObject::invokeMethod(this, [this] { replot(); }, Qt::QueuedConnection);
  }
}

std::optional<Cell> HeatmapPlot::cellAt(const QPointF& pixel) const {
  if (map_->data()->isEmpty() || !axisRect()->rect().contains(pixel.toPoint())) return std::nullopt;
  const int col = static_cast<int>(std::lround(xAxis->pixelToCoord(pixel.x())));
  const int row = static_cast<int>(std::lround(yAxis->pixelToCoord(pixel.y())));
  if (col < 0 || row < 0 || col >= map_->data()->keySize() || row >= map_->data()->valueSize()) return std::nullopt;
  return Cell{row, col};
}

std::optional<int> HeatmapPlot::labelAt(const QPointF& pixel) const {
  if (map_->data()->isEmpty()) return std::nullopt;
  const QRect area = axisRect()->rect();
  if (pixel.x() < area.left() && pixel.y() >= area.top() && pixel.y() <= area.bottom()) {
    const int row = static_cast<int>(std::lround(yAxis->pixelToCoord(pixel.y())));
    if (row >= 0 && row < map_->data()->valueSize()) return row;
  }
  if (pixel.y() > area.bottom() && pixel.x() >= area.left() && pixel.x() <= area.right()) {
    const int col = static_cast<int>(std::lround(xAxis->pixelToCoord(pixel.x())));
    if (col >= 0 && col < map_->data()->keySize()) return col;
  }
  return std::nullopt;
}

QMap<double, QString> HeatmapPlot::shownRowLabels() const { return ticks_of(yAxis); }

QMap<double, QString> HeatmapPlot::shownColLabels() const { return ticks_of(xAxis); }

void HeatmapPlot::renderTo(QCPPainter& painter, QSize size) {
  setViewport(QRect(QPoint(0, 0), size));
  updateLayout();  // places the axis rect for this size, so the label density can follow it
  row_step_ = col_step_ = 0;
  applyTickLabels(axisRect()->width(), axisRect()->height());
  toPainter(&painter, size.width(), size.height());
}

}  // namespace as::ui
