#include "ui/colour_scale.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace as::ui {

const std::vector<GradientStop>& viridis_stops() { return colour_stops(ColourMap::Viridis); }

const std::vector<GradientStop>& colour_stops(ColourMap map) {
  // matplotlib's viridis and magma sampled at nine evenly spaced points, and ColorBrewer's
  // nine-class Greys (white for 0, so weak attention fades into the paper).
  static const std::vector<GradientStop> viridis = {
      {0.000, {0x44, 0x01, 0x54}}, {0.125, {0x47, 0x2c, 0x7a}}, {0.250, {0x3b, 0x52, 0x8b}},
      {0.375, {0x2c, 0x72, 0x8e}}, {0.500, {0x21, 0x91, 0x8c}}, {0.625, {0x28, 0xae, 0x80}},
      {0.750, {0x5e, 0xc9, 0x62}}, {0.875, {0xad, 0xdc, 0x30}}, {1.000, {0xfd, 0xe7, 0x25}},
  };
  static const std::vector<GradientStop> magma = {
      {0.000, {0x00, 0x00, 0x04}}, {0.125, {0x1d, 0x11, 0x47}}, {0.250, {0x51, 0x12, 0x7c}},
      {0.375, {0x82, 0x26, 0x81}}, {0.500, {0xb6, 0x36, 0x79}}, {0.625, {0xe6, 0x51, 0x64}},
      {0.750, {0xfb, 0x88, 0x61}}, {0.875, {0xfe, 0xc2, 0x87}}, {1.000, {0xfc, 0xfd, 0xbf}},
  };
  static const std::vector<GradientStop> greys = {
      {0.000, {0xff, 0xff, 0xff}}, {0.125, {0xf0, 0xf0, 0xf0}}, {0.250, {0xd9, 0xd9, 0xd9}},
      {0.375, {0xbd, 0xbd, 0xbd}}, {0.500, {0x96, 0x96, 0x96}}, {0.625, {0x73, 0x73, 0x73}},
      {0.750, {0x52, 0x52, 0x52}}, {0.875, {0x25, 0x25, 0x25}}, {1.000, {0x00, 0x00, 0x00}},
  };
  // ColorBrewer's nine-class RdBu, blue for negative, with pure white at the centre (0).
  static const std::vector<GradientStop> diverging = {
      {0.000, {0x21, 0x66, 0xac}}, {0.125, {0x43, 0x93, 0xc3}}, {0.250, {0x92, 0xc5, 0xde}},
      {0.375, {0xd1, 0xe5, 0xf0}}, {0.500, {0xff, 0xff, 0xff}}, {0.625, {0xfd, 0xdb, 0xc7}},
      {0.750, {0xf4, 0xa5, 0x82}}, {0.875, {0xd6, 0x60, 0x4d}}, {1.000, {0xb2, 0x18, 0x2b}},
  };
  switch (map) {
    case ColourMap::Magma: return magma;
    case ColourMap::Greys: return greys;
    case ColourMap::Diverging: return diverging;
    case ColourMap::Viridis: break;
  }
  return viridis;
}

Rgb colour_at(double t, ColourMap map) {
  const auto& stops = colour_stops(map);
  if (!(t > 0.0)) return stops.front().colour;  // also catches NaN
  if (t >= 1.0) return stops.back().colour;
  const auto upper = std::find_if(stops.begin(), stops.end(), [t](const GradientStop& s) { return s.position >= t; });
  const auto lower = upper - 1;
  const double f = (t - lower->position) / (upper->position - lower->position);
  const auto mix = [f](uint8_t a, uint8_t b) {
    return static_cast<uint8_t>(std::lround(static_cast<double>(a) + f * (static_cast<double>(b) - a)));
  };
  return {mix(lower->colour.r, upper->colour.r), mix(lower->colour.g, upper->colour.g),
          mix(lower->colour.b, upper->colour.b)};
}

double normalise(double value, double lo, double hi) {
  if (!(hi > lo)) return 0.0;
  return std::clamp((value - lo) / (hi - lo), 0.0, 1.0);
}

std::string to_hex(Rgb colour) {
  char text[8];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", colour.r, colour.g, colour.b);
  return text;
}

std::string colour_map_name(ColourMap map) {
  switch (map) {
    case ColourMap::Magma: return "magma";
    case ColourMap::Greys: return "greys";
    case ColourMap::Diverging: return "blue-white-red";
    case ColourMap::Viridis: break;
  }
  return "viridis";
}

std::optional<ColourMap> colour_map_from_name(std::string_view name) {
  for (ColourMap map : all_colour_maps()) {
    if (colour_map_name(map) == name) return map;
  }
  return std::nullopt;
}

std::vector<ColourMap> all_colour_maps() { return {ColourMap::Viridis, ColourMap::Magma, ColourMap::Greys}; }

}  // namespace as::ui

namespace as::ui {

Rgb head_colour(int head) {
  static const Rgb palette[] = {
      {0x1f, 0x77, 0xb4}, {0xff, 0x7f, 0x0e}, {0x2c, 0xa0, 0x2c}, {0xd6, 0x27, 0x28},
      {0x94, 0x67, 0xbd}, {0x8c, 0x56, 0x4b}, {0xe3, 0x77, 0xc2}, {0x7f, 0x7f, 0x7f},
      {0xbc, 0xbd, 0x22}, {0x17, 0xbe, 0xcf}, {0x39, 0x3b, 0x79}, {0xad, 0x49, 0x4a},
  };
  constexpr int kCount = static_cast<int>(sizeof palette / sizeof palette[0]);
  return palette[((head % kCount) + kCount) % kCount];
}

}  // namespace as::ui
