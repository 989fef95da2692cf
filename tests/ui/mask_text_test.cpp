// Putting the mask token into a sentence and a predicted word back in its place, against
// hand-written expectations.
#include <gtest/gtest.h>

#include "ui/mask_text.h"

namespace as::ui {
namespace {

const QString kMask = QStringLiteral("[MASK]");

TEST(MaskText, ReplacesTheSelection) {
  const QString text = QStringLiteral("Martin is living in Paris.");
  const MaskEdit edit = insert_mask(text, 25, 20, 5, kMask);
  EXPECT_EQ(edit.text, QStringLiteral("Martin is living in [MASK]."));
  EXPECT_EQ(edit.cursor, 26);
}

TEST(MaskText, ReplacesTheWordAroundTheCursor) {
  const QString text = QStringLiteral("Martin is living in Paris.");
  EXPECT_EQ(insert_mask(text, 22, 22, 0, kMask).text, QStringLiteral("Martin is living in [MASK]."));
}

TEST(MaskText, InsertsAtTheCursorWithSpacesBetweenWords) {
  EXPECT_EQ(insert_mask(QStringLiteral("The cat"), 7, 7, 0, kMask).text, QStringLiteral("The cat [MASK]"));
  EXPECT_EQ(insert_mask(QStringLiteral("The cat"), 3, 3, 0, kMask).text, QStringLiteral("The [MASK] cat"));
  EXPECT_EQ(insert_mask(QStringLiteral("The cat"), 0, 0, 0, kMask).text, QStringLiteral("[MASK] The cat"));
  EXPECT_EQ(insert_mask(QString(), 0, 0, 0, kMask).text, kMask);
  EXPECT_EQ(insert_mask(QStringLiteral("어텐션은 무엇인가"), 4, 0, 4, QStringLiteral("<mask>")).text,
            QStringLiteral("<mask> 무엇인가"));
}

TEST(MaskText, FillsTheChosenOccurrence) {
  const QString text = QStringLiteral("The [MASK] sat on the [MASK].");
  EXPECT_EQ(fill_mask_in(text, kMask, 0, QStringLiteral("dog")), QStringLiteral("The dog sat on the [MASK]."));
  EXPECT_EQ(fill_mask_in(text, kMask, 1, QStringLiteral("mat")), QStringLiteral("The [MASK] sat on the mat."));
  EXPECT_EQ(fill_mask_in(text, kMask, 2, QStringLiteral("mat")), text);  // no third mask
}

TEST(MaskText, JoinsWordPieceContinuationsAndDropsByteLevelSpaces) {
  EXPECT_EQ(fill_mask_in(QStringLiteral("play [MASK] games"), kMask, 0, QStringLiteral("##ing")),
            QStringLiteral("playing games"));
  EXPECT_EQ(fill_mask_in(QStringLiteral("Paris is the <mask> of France."), QStringLiteral("<mask>"), 0,
                         QStringLiteral(" capital")),
            QStringLiteral("Paris is the capital of France."));
}

}  // namespace
}  // namespace as::ui
