// The fill-mask panel against HuggingFace: the golden sentences typed into the window, the
// panel's candidates (list and bar chart) equal transformers' fill-mask top-k in order with their
// probabilities; a click on a candidate puts it in the sentence and re-runs the attention views;
// a second sentence shows the golden NSP probability.
#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include "support/golden.h"
#include "support/test_support.h"
#include "ui/bar_chart.h"
#include "ui/fill_mask_panel.h"
#include "ui/main_window.h"
#include "ui/sentence_editor.h"
#include "ui/session_controller.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

constexpr int kWaitMillis = 20'000;
const char* const kBert = "random-bert-uncased-L4-H256";

nlohmann::json golden_case(const char* name) {
  return as::test::read_json(as::test::golden_dir() / kBert / (std::string(name) + ".json"));
}

// Waits for the panel's answer to text `text_a`.
FillMaskOutcomePtr wait_for_outcome(MainWindow& window, const QString& text_a) {
  QSignalSpy done(window.controller(), &SessionController::fillMaskFinished);
  const std::string want = text_a.toStdString();
  for (;;) {
    const auto outcome = window.fillMaskPanel()->outcome();
    if (outcome && outcome->request.text_a == want) return outcome;
    if (!done.wait(kWaitMillis)) return nullptr;
  }
}

TEST(FillMaskPanel, ShowsTheGoldenCandidatesInOrder) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  ASSERT_NE(test::load_and_run(window, kBert, QStringLiteral("warm up")), nullptr);
  window.fillMaskPanel()->setTopK(10);
  for (const char* name : {"mask_martin", "mask_capital_france", "mask_two", "mask_korean"}) {
    const auto golden = golden_case(name);
    const QString text = QString::fromStdString(golden["text"].get<std::string>());
    window.sentenceEditor()->setTexts(text);
    const auto outcome = wait_for_outcome(window, text);
    ASSERT_NE(outcome, nullptr) << name;
    ASSERT_EQ(outcome->masks.size(), golden["fill_mask"].size()) << name;
    FillMaskPanel* panel = window.fillMaskPanel();
    for (size_t m = 0; m < golden["fill_mask"].size(); ++m) {
      const auto& expected = golden["fill_mask"][m];
      EXPECT_EQ(outcome->masks[m].position, expected["position"].get<int64_t>());
      panel->findChild<QComboBox*>()->setCurrentIndex(static_cast<int>(m));
      ASSERT_EQ(panel->shownMask(), static_cast<int>(m));
      QTreeWidget* list = panel->candidateList();
      const auto& top = expected["top_k"];
      ASSERT_EQ(list->topLevelItemCount(), static_cast<int>(top.size())) << name;
      ASSERT_EQ(panel->chart()->bars().size(), static_cast<int>(top.size()));
      for (size_t i = 0; i < top.size(); ++i) {
        const QTreeWidgetItem* row = list->topLevelItem(static_cast<int>(i));
        const QString token = QString::fromStdString(top[i]["token_str"].get<std::string>());
        const double prob = top[i]["prob"].get<double>();
        EXPECT_EQ(row->text(1), token) << name << " rank " << i;
        EXPECT_NEAR(row->data(2, Qt::UserRole).toDouble(), prob, as::test::kProbTol) << name << " rank " << i;
        EXPECT_EQ(panel->chart()->bars()[static_cast<int>(i)].label, token);
        EXPECT_NEAR(panel->chart()->bars()[static_cast<int>(i)].value, prob, as::test::kProbTol);
      }
    }
  }
}

TEST(FillMaskPanel, TargetsScoreOnlyTheGivenWords) {
  AS_REQUIRE_SHARED();
  const auto golden = golden_case("mask_martin");
  const auto& top = golden["fill_mask"][0]["top_k"];
  // Ranks 3 and 1 of the golden list, given in the wrong order: the panel sorts them.
  const QString third = QString::fromStdString(top[2]["token_str"].get<std::string>());
  const QString first = QString::fromStdString(top[0]["token_str"].get<std::string>());
  MainWindow window;
  ASSERT_NE(test::load_and_run(window, kBert, QStringLiteral("warm up")), nullptr);
  window.fillMaskPanel()->setTargets(third + QStringLiteral(", ") + first);
  const QString text = QString::fromStdString(golden["text"].get<std::string>());
  window.sentenceEditor()->setTexts(text);
  const auto outcome = wait_for_outcome(window, text);
  ASSERT_NE(outcome, nullptr);
  QTreeWidget* list = window.fillMaskPanel()->candidateList();
  ASSERT_EQ(list->topLevelItemCount(), 2);
  EXPECT_EQ(list->topLevelItem(0)->text(1), first);
  EXPECT_EQ(list->topLevelItem(1)->text(1), third);
  EXPECT_NEAR(list->topLevelItem(1)->data(2, Qt::UserRole).toDouble(), top[2]["prob"].get<double>(), as::test::kProbTol);
}

TEST(FillMaskPanel, ClickingACandidateFillsItInAndRerunsTheViews) {
  AS_REQUIRE_SHARED();
  const auto golden = golden_case("mask_martin");
  MainWindow window;
  ASSERT_NE(test::load_and_run(window, kBert, QStringLiteral("warm up")), nullptr);
  const QString text = QString::fromStdString(golden["text"].get<std::string>());
  window.sentenceEditor()->setTexts(text);
  ASSERT_NE(wait_for_outcome(window, text), nullptr);
  const QString second = QString::fromStdString(golden["fill_mask"][0]["top_k"][1]["token_str"].get<std::string>());
  QSignalSpy ran(window.controller(), &SessionController::runFinished);
  QTreeWidget* list = window.fillMaskPanel()->candidateList();
  emit list->itemClicked(list->topLevelItem(1), 1);
  const QString filled = QStringLiteral("Martin is living in %1.").arg(second);
  EXPECT_EQ(window.sentenceEditor()->textA(), filled);
  bool rerun = false;
  while (!rerun && ran.wait(kWaitMillis)) rerun = ran.last().at(0).value<RunResultPtr>()->request.text_a == filled.toStdString();
  EXPECT_TRUE(rerun);
}

TEST(FillMaskPanel, MaskButtonCoversTheWordAtTheCursor) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  ASSERT_NE(test::load_and_run(window, kBert, QStringLiteral("Martin is living in Paris.")), nullptr);
  auto* field = window.sentenceEditor()->findChild<QLineEdit*>();
  field->setCursorPosition(22);  // inside "Paris"
  QAction* mask = window.sentenceEditor()->maskAction();
  ASSERT_TRUE(mask->isEnabled());
  EXPECT_EQ(mask->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_M));
  mask->trigger();
  EXPECT_EQ(window.sentenceEditor()->textA(), QStringLiteral("Martin is living in [MASK]."));
  EXPECT_NE(wait_for_outcome(window, QStringLiteral("Martin is living in [MASK].")), nullptr);
}

TEST(FillMaskPanel, ASecondSentenceShowsTheGoldenNextSentenceProbability) {
  AS_REQUIRE_SHARED();
  const auto golden = golden_case("pair");
  const QString a = QString::fromStdString(golden["text"].get<std::string>());
  const QString b = QString::fromStdString(golden["text_pair"].get<std::string>());
  MainWindow window;
  ASSERT_NE(test::load_and_run(window, kBert, QStringLiteral("warm up")), nullptr);
  window.sentenceEditor()->setTexts(a, b);
  const auto outcome = wait_for_outcome(window, a);
  ASSERT_NE(outcome, nullptr);
  ASSERT_TRUE(outcome->is_next_probability.has_value()) << outcome->nsp_unavailable;
  EXPECT_NEAR(*outcome->is_next_probability, golden["nsp"]["is_next_probability"].get<double>(), as::test::kProbTol);
  const double percent = *outcome->is_next_probability * 100.0;
  EXPECT_TRUE(window.fillMaskPanel()->nextSentenceText().contains(QString::number(percent, 'f', 2)))
      << window.fillMaskPanel()->nextSentenceText().toStdString();
}

TEST(FillMaskPanel, AModelWithoutAMaskedLmHeadIsExplained) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  ASSERT_NE(test::load_and_run(window, "random-gpt2-L4-H256", QStringLiteral("hello")), nullptr);
  EXPECT_FALSE(window.fillMaskPanel()->isEnabled());
  EXPECT_TRUE(window.fillMaskPanel()->statusText().contains(QStringLiteral("GPT2LMHeadModel")));
  EXPECT_FALSE(window.sentenceEditor()->maskAction()->isEnabled());
}

}  // namespace
}  // namespace as::ui
