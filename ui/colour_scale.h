#pragma once
// The one colour scale every attention view uses (viridis: perceptually uniform, readable in grey
// and by colour-blind users), Qt-free so the SVG writer and the widgets paint identical colours.
#include <cstdint>
#include <string>
#include <vector>

namespace as::ui {

struct Rgb {
  uint8_t r = 0;
  uint8_t g = 0;
  uint8_t b = 0;
  bool operator==(const Rgb&) const = default;
};

struct GradientStop {
  double position = 0.0;  // 0..1
  Rgb colour;
};

const std::vector<GradientStop>& viridis_stops();
// The colour at t in [0, 1] (clamped), linearly interpolated between the stops.
Rgb colour_at(double t);
// Where `value` sits between lo and hi, clamped to [0, 1]; 0 when the range is empty.
double normalise(double value, double lo, double hi);
std::string to_hex(Rgb colour);  // "#rrggbb"

}  // namespace as::ui
