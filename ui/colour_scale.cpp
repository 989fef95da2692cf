#include "ui/colour_scale.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace as::ui {

const std::vector<GradientStop>& viridis_stops() {
  // matplotlib's viridis sampled at nine evenly spaced points.
  static const std::vector<GradientStop> stops = {
      {0.000, {0x44, 0x01, 0x54}}, {0.125, {0x47, 0x2c, 0x7a}}, {0.250, {0x3b, 0x52, 0x8b}},
      {0.375, {0x2c, 0x72, 0x8e}}, {0.500, {0x21, 0x91, 0x8c}}, {0.625, {0x28, 0xae, 0x80}},
      {0.750, {0x5e, 0xc9, 0x62}}, {0.875, {0xad, 0xdc, 0x30}}, {1.000, {0xfd, 0xe7, 0x25}},
  };
  return stops;
}

Rgb colour_at(double t) {
  const auto& stops = viridis_stops();
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

}  // namespace as::ui
