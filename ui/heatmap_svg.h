#pragma once
// SVG export of a heatmap, written directly (the Qt SVG module is not a dependency of the app):
// one <rect> per cell in the colour the widget uses, token labels on both axes, a title, axis
// names and a colour-scale legend. Masked (NaN) cells are left out over a hatched background.
#include <string>
#include <vector>

#include "ui/heatmap_data.h"

namespace as::ui {

struct SvgSize {
  int width = 1200;
  int height = 1000;
};

// `row_labels` name the queries, `col_labels` the keys; each must match the matrix's shape.
std::string heatmap_svg(const HeatmapData& data, const std::vector<std::string>& row_labels,
                        const std::vector<std::string>& col_labels, SvgSize size);

std::string xml_escape(const std::string& text);

}  // namespace as::ui
