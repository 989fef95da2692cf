#pragma once
// The colour scales the attention views offer, Qt-free so the SVG writer and the widgets paint
// identical colours. Viridis is the default (perceptually uniform, readable in grey and by
// colour-blind users); magma gives more contrast on a projector; greys prints on paper.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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

// Diverging (blue–white–red) is for signed values centred on 0 (the difference view); it is
// not offered for attention, so all_colour_maps() leaves it out.
enum class ColourMap { Viridis, Magma, Greys, Diverging };

const std::vector<GradientStop>& colour_stops(ColourMap map);
const std::vector<GradientStop>& viridis_stops();
// The colour at t in [0, 1] (clamped), linearly interpolated between the stops.
Rgb colour_at(double t, ColourMap map = ColourMap::Viridis);
// Where `value` sits between lo and hi, clamped to [0, 1]; 0 when the range is empty.
double normalise(double value, double lo, double hi);
std::string to_hex(Rgb colour);  // "#rrggbb"

// "viridis", "magma", "greys", "blue-white-red": the names settings and the command line use.
std::string colour_map_name(ColourMap map);
std::optional<ColourMap> colour_map_from_name(std::string_view name);
std::vector<ColourMap> all_colour_maps();

}  // namespace as::ui

namespace as::ui {

// A distinct colour for each head of the head view (d3's category10 and two more, then again):
// overlaid heads must be told apart, so hue, not lightness, carries the identity.
Rgb head_colour(int head);

}  // namespace as::ui
