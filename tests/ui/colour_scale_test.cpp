#include "ui/colour_scale.h"

#include <gtest/gtest.h>

#include <cmath>

namespace as::ui {
namespace {

TEST(ColourScale, EndsAreViridisEnds) {
  EXPECT_EQ(to_hex(colour_at(0.0)), "#440154");
  EXPECT_EQ(to_hex(colour_at(1.0)), "#fde725");
  EXPECT_EQ(to_hex(colour_at(-3.0)), "#440154");
  EXPECT_EQ(to_hex(colour_at(7.0)), "#fde725");
  EXPECT_EQ(to_hex(colour_at(std::nan(""))), "#440154");
}

TEST(ColourScale, InterpolatesBetweenStops) {
  // Halfway between 0.5 (#21918c) and 0.625 (#28ae80).
  EXPECT_EQ(colour_at(0.5625), (Rgb{0x25, 0xa0, 0x86}));
}

TEST(ColourScale, NormaliseClampsAndHandlesEmptyRanges) {
  EXPECT_DOUBLE_EQ(normalise(0.25, 0.0, 0.5), 0.5);
  EXPECT_DOUBLE_EQ(normalise(2.0, 0.0, 1.0), 1.0);
  EXPECT_DOUBLE_EQ(normalise(-2.0, 0.0, 1.0), 0.0);
  EXPECT_DOUBLE_EQ(normalise(3.0, 1.0, 1.0), 0.0);
}

}  // namespace
}  // namespace as::ui
