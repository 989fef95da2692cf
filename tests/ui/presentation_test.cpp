// Presentation mode: entering enlarges the text, switches to the high-contrast map, goes full
// screen and hides the side panels; leaving restores every one of them; arrow keys and clicker
// keys step through the saved examples and each one is run.
#include <QApplication>
#include <QDockWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include "support/test_support.h"
#include "ui/app_settings.h"
#include "ui/main_window.h"
#include "ui/presentation_mode.h"
#include "ui/sentence_editor.h"
#include "ui/session_controller.h"
#include "ui/teaching_panels.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

TEST(Presentation, EnteringAndLeavingRestoresFontsColoursAndPanels) {
  QSettings().clear();
  const QFont original = QApplication::font();
  {
    MainWindow window;
    window.show();
    window.setFontDelta(1);
    window.setColourMap(ColourMap::Greys);
    PresentationMode* presentation = window.teachingPanels()->presentation();
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("modelDock"));
    ASSERT_TRUE(dock->isVisible());

    presentation->enter();
    EXPECT_TRUE(presentation->isActive());
    EXPECT_TRUE(window.windowState() & Qt::WindowFullScreen);
    EXPECT_EQ(window.fontDelta(), 1 + PresentationMode::kExtraPoints);
    EXPECT_DOUBLE_EQ(QApplication::font().pointSizeF(), original.pointSizeF() + 1 + PresentationMode::kExtraPoints);
    EXPECT_EQ(window.colourMap(), ColourMap::Magma);
    EXPECT_FALSE(dock->isVisible());
    // The projector's sizes are not remembered as the desk's.
    EXPECT_EQ(AppSettings().fontDelta(), 1);
    EXPECT_EQ(AppSettings().colourMap(), ColourMap::Greys);

    QTest::keyClick(&window, Qt::Key_Escape);
    EXPECT_FALSE(presentation->isActive());
    EXPECT_FALSE(window.windowState() & Qt::WindowFullScreen);
    EXPECT_EQ(window.fontDelta(), 1);
    EXPECT_DOUBLE_EQ(QApplication::font().pointSizeF(), original.pointSizeF() + 1);
    EXPECT_EQ(window.colourMap(), ColourMap::Greys);
    EXPECT_TRUE(dock->isVisible());
    window.setFontDelta(0);
  }
  QApplication::setFont(original);
  QSettings().clear();
}

TEST(Presentation, ArrowAndClickerKeysStepThroughTheSavedExamplesAndRunThem) {
  AS_REQUIRE_SHARED();
  QSettings().clear();
  const QFont original = QApplication::font();
  {
    MainWindow window;
    window.show();
    ASSERT_NE(test::load_and_run(window, "random-bert-uncased-L4-H256", QStringLiteral("start")), nullptr);
    PresentationMode* presentation = window.teachingPanels()->presentation();
    presentation->setSentences({QStringLiteral("First example."), QStringLiteral("  "),
                                QStringLiteral("Second one. || And its pair."), QStringLiteral("Third.")});
    EXPECT_EQ(presentation->sentences().size(), 3);  // blank lines dropped

    QSignalSpy finished(window.controller(), &SessionController::runFinished);
    const auto last_text = [&finished] {
      return finished.last().at(0).value<RunResultPtr>()->request;
    };
    presentation->enter();
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_EQ(last_text().text_a, "First example.");

    QTest::keyClick(&window, Qt::Key_Right);
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_EQ(last_text().text_a, "Second one.");
    EXPECT_EQ(last_text().text_b, "And its pair.");
    EXPECT_EQ(window.sentenceEditor()->textB(), QStringLiteral("And its pair."));

    QTest::keyClick(&window, Qt::Key_PageDown);
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_EQ(last_text().text_a, "Third.");

    QTest::keyClick(&window, Qt::Key_PageDown);  // wraps to the first
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_EQ(last_text().text_a, "First example.");

    QTest::keyClick(&window, Qt::Key_Left);  // and back
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_EQ(last_text().text_a, "Third.");
    EXPECT_EQ(presentation->currentIndex(), 2);

    presentation->leave();
    // Outside presentation mode the arrow keys are the text field's again.
    const int index = presentation->currentIndex();
    QTest::keyClick(&window, Qt::Key_Right);
    EXPECT_EQ(presentation->currentIndex(), index);
  }
  QApplication::setFont(original);
  QSettings().clear();
}

TEST(Presentation, ExampleLinesSplitIntoSentencePairs) {
  EXPECT_EQ(split_example(QStringLiteral(" A || B ")), std::make_pair(QStringLiteral("A"), QStringLiteral("B")));
  EXPECT_EQ(split_example(QStringLiteral("Just one.")), std::make_pair(QStringLiteral("Just one."), QString()));
  QSettings().clear();
  MainWindow window;
  EXPECT_EQ(window.teachingPanels()->presentation()->sentences(), PresentationMode::defaultSentences());
}

}  // namespace
}  // namespace as::ui
