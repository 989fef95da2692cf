#include "ui/heatmap_figure.h"

#include "ui/heatmap_plot.h"
#include "ui/heatmap_svg.h"

namespace as::ui {

HeatmapFigure::HeatmapFigure(HeatmapData data, QStringList labels, ColourMap colours)
    : data_(std::move(data)), labels_(labels), col_labels_(std::move(labels)), colours_(colours) {}

HeatmapFigure::HeatmapFigure(HeatmapData data, QStringList row_labels, QStringList col_labels, ColourMap colours)
    : data_(std::move(data)), labels_(std::move(row_labels)), col_labels_(std::move(col_labels)), colours_(colours) {}

QString HeatmapFigure::title() const { return QString::fromStdString(data_.title); }

void HeatmapFigure::paint(QCPPainter& painter, QSize size) const {
  HeatmapPlot plot;
  plot.resize(size);
  plot.setColourMap(colours_);
  plot.setHeatmap(data_, labels_, col_labels_);
  plot.renderTo(painter, size);
}

std::string HeatmapFigure::svg(QSize size) const {
  const auto to_std = [](const QStringList& list) {
    std::vector<std::string> out;
    out.reserve(static_cast<size_t>(list.size()));
    for (const QString& label : list) out.push_back(label.toStdString());
    return out;
  };
  return heatmap_svg(data_, to_std(labels_), to_std(col_labels_), {size.width(), size.height()}, colours_);
}

}  // namespace as::ui
