#include "ui/heatmap_svg.h"

#include <gtest/gtest.h>

#include <cmath>

namespace as::ui {
namespace {

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

HeatmapData two_by_two() {
  HeatmapData d;
  d.matrix = {2, 2, {1.0f, std::nanf(""), 0.25f, 0.75f}};
  d.colour_range = {0.0f, 1.0f, true};
  d.title = "Layer 0 · head 0";
  d.value_name = "probability";
  return d;
}

TEST(HeatmapSvg, OneRectPerVisibleCellInTheSharedColours) {
  const std::string svg = heatmap_svg(two_by_two(), {"a", "b"}, {"a", "b"}, {800, 600});
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_EQ(count(svg, "<title>"), 3u);  // the NaN (masked) cell is left out
  EXPECT_NE(svg.find("fill=\"#fde725\"><title>1</title>"), std::string::npos);
  EXPECT_NE(svg.find("url(#masked)"), std::string::npos);
  EXPECT_NE(svg.find("Layer 0 · head 0"), std::string::npos);
  EXPECT_NE(svg.find("width=\"800\" height=\"600\""), std::string::npos);
  // Legend ticks at 0, 0.25, ..., 1 with the decimals the range needs.
  EXPECT_NE(svg.find(">0.00</text>"), std::string::npos);
  EXPECT_NE(svg.find(">0.25</text>"), std::string::npos);
  EXPECT_NE(svg.find(">1.00</text>"), std::string::npos);
}

TEST(HeatmapSvg, LabelsAreEscapedAndKoreanKept) {
  const std::string svg = heatmap_svg(two_by_two(), {"<s>", "안녕"}, {"a&b", "\"q\""}, {800, 600});
  EXPECT_NE(svg.find("&lt;s&gt;"), std::string::npos);
  EXPECT_NE(svg.find("a&amp;b"), std::string::npos);
  EXPECT_NE(svg.find("&quot;q&quot;"), std::string::npos);
  EXPECT_NE(svg.find("안녕"), std::string::npos);
  EXPECT_EQ(svg.find("<s>"), std::string::npos);
}

TEST(HeatmapSvg, LabelsMustMatchTheMatrix) {
  EXPECT_THROW(heatmap_svg(two_by_two(), {"a"}, {"a", "b"}, {800, 600}), std::invalid_argument);
}

}  // namespace
}  // namespace as::ui
