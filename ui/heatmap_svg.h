#pragma once
// SVG export of a heatmap, written directly (the Qt SVG module is not a dependency of the app):
// one <rect> per cell in the colour the widget uses, token labels on both axes, a title, axis
// names and a colour-scale legend. Masked (NaN) cells are left out over a hatched background.
#include <string>
#include <vector>

#include "ui/colour_scale.h"
#include "ui/heatmap_data.h"

namespace as::ui {

struct SvgSize {
  int width = 1200;
  int height = 1000;
};

// `row_labels` name the queries, `col_labels` the keys; each must match the matrix's shape.
// Cells carry their exact value as a <title> (a tooltip in browsers) up to kSvgCellTitleLimit
// cells; beyond that the titles would triple the file for a picture nobody hovers cell by cell.
constexpr int64_t kSvgCellTitleLimit = 128 * 128;
std::string heatmap_svg(const HeatmapData& data, const std::vector<std::string>& row_labels,
                        const std::vector<std::string>& col_labels, SvgSize size,
                        ColourMap colours = ColourMap::Viridis);

std::string xml_escape(const std::string& text);

}  // namespace as::ui
