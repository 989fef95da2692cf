// Token spans (code points) to QString positions (UTF-16), where emoji take two units.
#include "ui/text_spans.h"

#include <gtest/gtest.h>

namespace as::ui {
namespace {

using Range = std::optional<std::pair<int, int>>;

TEST(TextSpans, AsciiAndKoreanAreOneUnitPerCodePoint) {
  EXPECT_EQ(utf16_range(QStringLiteral("hello world"), 6, 11), Range({6, 11}));
  EXPECT_EQ(utf16_range(QStringLiteral("서울 is"), 0, 2), Range({0, 2}));
  EXPECT_EQ(utf16_range(QStringLiteral("서울 is"), 3, 5), Range({3, 5}));
}

TEST(TextSpans, EmojiOutsideTheBmpTakeTwoUnits) {
  const QString text = QStringLiteral("a😀b 서울");
  EXPECT_EQ(utf16_range(text, 1, 2), Range({1, 3}));  // the emoji: a surrogate pair
  EXPECT_EQ(utf16_range(text, 2, 3), Range({3, 4}));  // "b" after it
  EXPECT_EQ(utf16_range(text, 4, 6), Range({5, 7}));  // "서울"
  EXPECT_EQ(text.mid(5, 2), QStringLiteral("서울"));
}

TEST(TextSpans, EmptyOrOutOfRangeSpansHaveNoRange) {
  EXPECT_EQ(utf16_range(QStringLiteral("abc"), 0, 0), std::nullopt);  // added [CLS]: start == end == 0
  EXPECT_EQ(utf16_range(QStringLiteral("abc"), 2, 5), std::nullopt);
  EXPECT_EQ(utf16_range(QStringLiteral("abc"), 0, 3), Range({0, 3}));
}

}  // namespace
}  // namespace as::ui
