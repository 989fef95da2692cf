#include "ui/heatmap_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace as::ui {
namespace {

constexpr double kTitleHeight = 44.0;
constexpr double kLegendWidth = 110.0;
constexpr double kAxisNameSpace = 26.0;
constexpr const char* kFontFamily = "'Noto Sans CJK KR', 'DejaVu Sans', sans-serif";

// Rough rendered width of a label in units of the font size (CJK glyphs are about twice as wide).
double label_width_em(const std::string& text) {
  double width = 0.0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<uint8_t>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte of a multi-byte character
    width += byte < 0x80 ? 0.6 : 1.0;
  }
  return width;
}

double longest_label_em(const std::vector<std::string>& labels) {
  double longest = 0.0;
  for (const auto& label : labels) longest = std::max(longest, label_width_em(label));
  return longest;
}

// A legend value with as many decimals as the range needs ("0.25", "-3.5"), never "3.1e-07".
std::string legend_number(double value, double range) {
  const int decimals = range > 0.0 ? std::clamp(2 - static_cast<int>(std::floor(std::log10(range))), 0, 6) : 2;
  if (std::fabs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0.0;  // no "-0.00"
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

struct Layout {
  double left = 0, top = 0, cell_w = 0, cell_h = 0, font = 12;
  int label_step = 1;  // label every n-th token when cells are smaller than the text
};

Layout plan_layout(const HeatmapData& data, const std::vector<std::string>& rows,
                   const std::vector<std::string>& cols, SvgSize size) {
  Layout layout;
  const double w = size.width;
  const double h = size.height;
  layout.font = 12.0;
  const double left_labels = std::min(w * 0.3, longest_label_em(rows) * layout.font + 10.0);
  // Column labels are rotated by 60°: their vertical extent is about sin(60°) of their length.
  const double bottom_labels = std::min(h * 0.3, longest_label_em(cols) * layout.font * 0.87 + 14.0);
  layout.left = kAxisNameSpace + left_labels;
  layout.top = kTitleHeight;
  const double plot_w = std::max(10.0, w - layout.left - kLegendWidth);
  const double plot_h = std::max(10.0, h - layout.top - bottom_labels - kAxisNameSpace);
  layout.cell_w = plot_w / static_cast<double>(std::max<int64_t>(1, data.matrix.cols));
  layout.cell_h = plot_h / static_cast<double>(std::max<int64_t>(1, data.matrix.rows));
  const double smallest_cell = std::min(layout.cell_w, layout.cell_h);
  layout.label_step = std::max(1, static_cast<int>(std::ceil(layout.font * 1.2 / smallest_cell)));
  return layout;
}

void write_defs(std::ostringstream& svg, ColourMap colours) {
  svg << "<defs>\n"
      << "<pattern id=\"masked\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
         " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f4f4f4\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#c8c8c8\" stroke-width=\"2\"/></pattern>\n"
      << "<linearGradient id=\"scale\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">\n";
  for (const auto& stop : colour_stops(colours)) {
    svg << "<stop offset=\"" << number(stop.position) << "\" stop-color=\"" << to_hex(stop.colour) << "\"/>\n";
  }
  svg << "</linearGradient>\n</defs>\n";
}

void write_cells(std::ostringstream& svg, const HeatmapData& data, const Layout& layout, ColourMap colours) {
  const Matrix& m = data.matrix;
  const bool titles = m.rows * m.cols <= kSvgCellTitleLimit;
  svg << "<rect x=\"" << number(layout.left) << "\" y=\"" << number(layout.top) << "\" width=\""
      << number(layout.cell_w * m.cols) << "\" height=\"" << number(layout.cell_h * m.rows)
      << "\" fill=\"url(#masked)\"/>\n<g shape-rendering=\"crispEdges\">\n";
  for (int64_t r = 0; r < m.rows; ++r) {
    for (int64_t c = 0; c < m.cols; ++c) {
      const float value = m.at(r, c);
      if (!std::isfinite(value)) continue;  // masked: the hatched background shows through
      const Rgb colour = colour_at(normalise(static_cast<double>(value), static_cast<double>(data.colour_range.min),
                                             static_cast<double>(data.colour_range.max)),
                                   colours);
      svg << "<rect x=\"" << number(layout.left + static_cast<double>(c) * layout.cell_w) << "\" y=\""
          << number(layout.top + static_cast<double>(r) * layout.cell_h) << "\" width=\"" << number(layout.cell_w)
          << "\" height=\"" << number(layout.cell_h) << "\" fill=\"" << to_hex(colour) << '"';
      if (titles) {
        svg << "><title>" << number(static_cast<double>(value)) << "</title></rect>\n";
      } else {
        svg << "/>\n";
      }
    }
  }
  svg << "</g>\n";
}

void write_labels(std::ostringstream& svg, const std::vector<std::string>& rows,
                  const std::vector<std::string>& cols, const Layout& layout) {
  svg << "<g font-size=\"" << number(layout.font) << "\" fill=\"#202020\">\n";
  for (size_t r = 0; r < rows.size(); r += static_cast<size_t>(layout.label_step)) {
    const double y = layout.top + (static_cast<double>(r) + 0.5) * layout.cell_h;
    svg << "<text x=\"" << number(layout.left - 6) << "\" y=\"" << number(y)
        << "\" text-anchor=\"end\" dominant-baseline=\"middle\">" << xml_escape(rows[r]) << "</text>\n";
  }
  const double bottom = layout.top + layout.cell_h * static_cast<double>(rows.size());
  for (size_t c = 0; c < cols.size(); c += static_cast<size_t>(layout.label_step)) {
    const double x = layout.left + (static_cast<double>(c) + 0.5) * layout.cell_w;
    svg << "<text transform=\"translate(" << number(x) << "," << number(bottom + 8)
        << ") rotate(-60)\" text-anchor=\"end\" dominant-baseline=\"middle\">" << xml_escape(cols[c]) << "</text>\n";
  }
  svg << "</g>\n";
}

void write_legend(std::ostringstream& svg, const HeatmapData& data, const Layout& layout, SvgSize size) {
  const double x = size.width - kLegendWidth + 24.0;
  const double top = layout.top;
  const double height = std::max(40.0, layout.cell_h * static_cast<double>(data.matrix.rows));
  svg << "<rect x=\"" << number(x) << "\" y=\"" << number(top) << "\" width=\"16\" height=\"" << number(height)
      << "\" fill=\"url(#scale)\" stroke=\"#808080\" stroke-width=\"0.5\"/>\n";
  if (!data.colour_range.valid) return;
  svg << "<g font-size=\"11\" fill=\"#202020\">\n";
  for (int i = 0; i <= 4; ++i) {
    const double f = i / 4.0;
    const auto lo = static_cast<double>(data.colour_range.min);
    const double value = lo + f * (static_cast<double>(data.colour_range.max) - lo);
    const double y = top + height * (1.0 - f);
    svg << "<line x1=\"" << number(x + 16) << "\" y1=\"" << number(y) << "\" x2=\"" << number(x + 20) << "\" y2=\""
        << number(y) << "\" stroke=\"#404040\"/><text x=\"" << number(x + 23) << "\" y=\"" << number(y)
        << "\" dominant-baseline=\"middle\">"
        << legend_number(value, static_cast<double>(data.colour_range.max) - lo) << "</text>\n";
  }
  svg << "</g>\n<text font-size=\"11\" fill=\"#404040\" transform=\"translate(" << number(x - 6) << ","
      << number(top + height / 2) << ") rotate(-90)\" text-anchor=\"middle\">" << xml_escape(data.value_name)
      << "</text>\n";
}

}  // namespace

std::string xml_escape(const std::string& text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      case '\'': escaped += "&apos;"; break;
      default: escaped += c;
    }
  }
  return escaped;
}

std::string heatmap_svg(const HeatmapData& data, const std::vector<std::string>& row_labels,
                        const std::vector<std::string>& col_labels, SvgSize size, ColourMap colours) {
  if (static_cast<int64_t>(row_labels.size()) != data.matrix.rows ||
      static_cast<int64_t>(col_labels.size()) != data.matrix.cols) {
    throw std::invalid_argument("heatmap_svg: labels do not match the matrix shape");
  }
  const Layout layout = plan_layout(data, row_labels, col_labels, size);
  std::ostringstream svg;
  svg << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << size.width << "\" height=\"" << size.height
      << "\" viewBox=\"0 0 " << size.width << ' ' << size.height << "\" font-family=\"" << kFontFamily << "\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  write_defs(svg, colours);
  svg << "<text x=\"" << number(layout.left) << "\" y=\"28\" font-size=\"16\" font-weight=\"bold\" fill=\"#202020\">"
      << xml_escape(data.title) << "</text>\n";
  write_cells(svg, data, layout, colours);
  write_labels(svg, row_labels, col_labels, layout);
  write_legend(svg, data, layout, size);
  const double plot_w = layout.cell_w * static_cast<double>(data.matrix.cols);
  const double plot_h = layout.cell_h * static_cast<double>(data.matrix.rows);
  svg << "<text font-size=\"12\" fill=\"#404040\" text-anchor=\"middle\" x=\"" << number(layout.left + plot_w / 2)
      << "\" y=\"" << number(size.height - 8) << "\">" << xml_escape(data.x_name.empty() ? "attended to (key) →" : data.x_name)
      << "</text>\n"
      << "<text font-size=\"12\" fill=\"#404040\" text-anchor=\"middle\" transform=\"translate(14,"
      << number(layout.top + plot_h / 2) << ") rotate(-90)\">"
      << xml_escape(data.y_name.empty() ? "attending token (query) →" : data.y_name) << "</text>\n"
      << "</svg>\n";
  return svg.str();
}

}  // namespace as::ui
