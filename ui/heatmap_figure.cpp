#include "ui/heatmap_figure.h"

#include "ui/heatmap_plot.h"
#include "ui/heatmap_svg.h"

namespace as::ui {

HeatmapFigure::HeatmapFigure(HeatmapData data, QStringList labels, ColourMap colours)
    : data_(std::move(data)), labels_(std::move(labels)), colours_(colours) {}

QString HeatmapFigure::title() const { return QString::fromStdString(data_.title); }

void HeatmapFigure::paint(QCPPainter& painter, QSize size) const {
  HeatmapPlot plot;
  plot.resize(size);
  plot.setColourMap(colours_);
  plot.setHeatmap(data_, labels_, labels_);
  plot.renderTo(painter, size);
}

std::string HeatmapFigure::svg(QSize size) const {
  std::vector<std::string> labels;
  labels.reserve(static_cast<size_t>(labels_.size()));
  for (const QString& label : labels_) labels.push_back(label.toStdString());
  return heatmap_svg(data_, labels, labels, {size.width(), size.height()}, colours_);
}

}  // namespace as::ui
