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

TEST(ColourScale, MagmaAndGreysEnds) {
  EXPECT_EQ(to_hex(colour_at(0.0, ColourMap::Magma)), "#000004");
  EXPECT_EQ(to_hex(colour_at(1.0, ColourMap::Magma)), "#fcfdbf");
  EXPECT_EQ(to_hex(colour_at(0.0, ColourMap::Greys)), "#ffffff");  // no attention: the paper
  EXPECT_EQ(to_hex(colour_at(1.0, ColourMap::Greys)), "#000000");
}

TEST(ColourScale, NamesRoundTrip) {
  for (ColourMap map : all_colour_maps()) EXPECT_EQ(colour_map_from_name(colour_map_name(map)), map);
  EXPECT_EQ(colour_map_from_name("jet"), std::nullopt);
}

TEST(ColourScale, HeadColoursAreDistinctForTwelveHeads) {
  for (int a = 0; a < 12; ++a) {
    for (int b = a + 1; b < 12; ++b) EXPECT_NE(head_colour(a), head_colour(b)) << a << " " << b;
  }
  EXPECT_EQ(head_colour(12), head_colour(0));
}

TEST(ColourScale, NormaliseClampsAndHandlesEmptyRanges) {
  EXPECT_DOUBLE_EQ(normalise(0.25, 0.0, 0.5), 0.5);
  EXPECT_DOUBLE_EQ(normalise(2.0, 0.0, 1.0), 1.0);
  EXPECT_DOUBLE_EQ(normalise(-2.0, 0.0, 1.0), 0.0);
  EXPECT_DOUBLE_EQ(normalise(3.0, 1.0, 1.0), 0.0);
}

}  // namespace
}  // namespace as::ui
