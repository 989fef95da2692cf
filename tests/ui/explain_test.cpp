// Right-clicking a token chip explains how its word was split, from the run's own tokenizer.
#include <QLabel>

#include <gtest/gtest.h>

#include "support/test_support.h"
#include "ui/explain_popup.h"
#include "ui/main_window.h"
#include "ui/tokens_view.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

TEST(Explain, ABertContinuationShowsTheWordPieceSteps) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  const auto result = test::load_and_run(window, "random-bert-uncased-L4-H256", QStringLiteral("The unaffable cat"));
  ASSERT_NE(result, nullptr);
  int piece = -1;  // the first "##" piece of "unaffable"
  for (size_t i = 0; i < result->labels.size(); ++i) {
    if (piece < 0 && result->encoding.tokens[i].continuation) piece = static_cast<int>(i);
  }
  ASSERT_GT(piece, 0);
  auto* popup = qobject_cast<ExplainPopup*>(window.tokensView()->explainToken(piece));
  ASSERT_NE(popup, nullptr);
  EXPECT_TRUE(popup->isVisible());
  EXPECT_TRUE(popup->html().contains(QStringLiteral("How <code>unaffable</code> was split")));
  EXPECT_TRUE(popup->html().contains(QStringLiteral("✓ in the vocabulary")));
  popup->close();
  EXPECT_EQ(window.tokensView()->explainToken(0), nullptr);  // [CLS] was added, not split from a word
}

TEST(Explain, AKoreanGptTwoTokenShowsReadableMerges) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  const auto result = test::load_and_run(window, "random-gpt2-L4-H256", QStringLiteral("Seoul 서울"));
  ASSERT_NE(result, nullptr);
  const int last = static_cast<int>(result->token_count()) - 1;
  auto* popup = qobject_cast<ExplainPopup*>(window.tokensView()->explainToken(last));
  ASSERT_NE(popup, nullptr);
  EXPECT_TRUE(popup->html().contains(QStringLiteral("␣서울"))) << popup->html().toStdString();
  EXPECT_TRUE(popup->html().contains(QStringLiteral("rank")));
  popup->close();
}

}  // namespace
}  // namespace as::ui
