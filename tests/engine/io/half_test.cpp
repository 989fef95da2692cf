#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/half.h"

namespace as {
namespace {

// Hand-checked IEEE half encodings.
TEST(Half, DecodesKnownValues) {
  EXPECT_EQ(f16_to_float(0x3C00), 1.0f);
  EXPECT_EQ(f16_to_float(0xC000), -2.0f);
  EXPECT_EQ(f16_to_float(0x3555), 0.333251953125f);
  EXPECT_EQ(f16_to_float(0x7BFF), 65504.0f);
  EXPECT_EQ(f16_to_float(0x0001), 5.9604644775390625e-08f);  // smallest subnormal
  EXPECT_EQ(f16_to_float(0x03FF), 6.097555160522461e-05f);   // largest subnormal
  EXPECT_TRUE(std::isinf(f16_to_float(0x7C00)));
  EXPECT_TRUE(std::isnan(f16_to_float(0x7E00)));
  EXPECT_TRUE(std::signbit(f16_to_float(0x8000)));
}

TEST(Half, RoundTripsEveryFiniteHalf) {
  for (uint32_t h = 0; h < 0x10000; ++h) {
    const float f = f16_to_float(static_cast<uint16_t>(h));
    if (std::isnan(f)) continue;
    ASSERT_EQ(float_to_f16(f), h) << "half 0x" << std::hex << h;
  }
}

TEST(Half, RoundsToNearestEven) {
  EXPECT_EQ(float_to_f16(1.0f + 1.0f / 2048), 0x3C00);  // halfway, even stays
  EXPECT_EQ(float_to_f16(1.0f + 3.0f / 2048), 0x3C02);  // halfway, odd rounds up
}

TEST(BFloat16, IsTheUpperHalfOfAFloat) {
  EXPECT_EQ(bf16_to_float(0x3F80), 1.0f);
  EXPECT_EQ(bf16_to_float(0xC0A0), -5.0f);
  EXPECT_EQ(bf16_to_float(0x3E20), 0.15625f);
}

}  // namespace
}  // namespace as
