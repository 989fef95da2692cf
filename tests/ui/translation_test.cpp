// The Korean UI: the translation compiled into the program loads, the window speaks Korean once
// it is installed, the language follows the system locale unless the settings name one, every
// message of the .ts is translated, and Hangul in a plot is drawn with real glyphs.
#include <QApplication>
#include <QComboBox>
#include <QSettings>
#include <QFile>
#include <QMenuBar>
#include <QRawFont>
#include <QTextLayout>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include "ui/app_settings.h"
#include "ui/bar_chart.h"
#include "ui/figure.h"
#include "ui/heatmap_data.h"
#include "ui/heatmap_figure.h"
#include "ui/heatmap_text.h"
#include "ui/language.h"
#include "ui/main_window.h"
#include "ui/settings_dialog.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

TEST(Translation, KoreanIsCompiledIntoTheProgram) {
  EXPECT_TRUE(QFile::exists(QStringLiteral(":/i18n/attentionscope_ko.qm")));
  ASSERT_TRUE(install_ui_language(QStringLiteral("ko")));
  EXPECT_EQ(QCoreApplication::translate("as::ui::MainWindow", "&File"), QStringLiteral("파일(&F)"));
  {
    MainWindow window;
    const QList<QAction*> menus = window.menuBar()->actions();
    ASSERT_FALSE(menus.isEmpty());
    EXPECT_EQ(menus.front()->text(), QStringLiteral("파일(&F)"));
    EXPECT_EQ(window.windowTitle(), QStringLiteral("AttentionScope"));
  }
  // The heatmap's title is composed by Qt-free code in English; the plot shows it translated.
  EXPECT_EQ(display_heatmap_title("Layer 1 · mean of heads · attention probabilities"),
            QStringLiteral("레이어 1 · 헤드 평균 · 어텐션 확률"));
  EXPECT_EQ(display_heatmap_title("Layer 0 · head 3 · pre-softmax scores"),
            QStringLiteral("레이어 0 · 헤드 3 · 소프트맥스 이전 점수"));
  EXPECT_EQ(display_value_name("probability"), QStringLiteral("확률"));
  remove_ui_language();
  EXPECT_EQ(QCoreApplication::translate("as::ui::MainWindow", "&File"), QStringLiteral("&File"));
  EXPECT_EQ(display_heatmap_title("Layer 1 · mean of heads · attention probabilities"),
            QStringLiteral("Layer 1 · mean of heads · attention probabilities"));
}

TEST(Translation, LanguageFollowsTheSystemUnlessChosen) {
  const QLocale korean(QLocale::Korean, QLocale::SouthKorea);
  const QLocale german(QLocale::German, QLocale::Germany);
  EXPECT_EQ(resolve_ui_language(QString(), korean), QStringLiteral("ko"));
  EXPECT_EQ(resolve_ui_language(QString(), german), QStringLiteral("en"));  // no German UI: English
  EXPECT_EQ(resolve_ui_language(QStringLiteral("en"), korean), QStringLiteral("en"));
  EXPECT_EQ(resolve_ui_language(QStringLiteral("ko"), german), QStringLiteral("ko"));
  EXPECT_EQ(ui_language_name(QStringLiteral("ko")), QStringLiteral("한국어"));
}

TEST(Translation, TheSettingsDialogStoresTheLanguageForTheNextStart) {
  QSettings().clear();
  SettingsDialog dialog;
  QComboBox* chooser = dialog.languageChooser();
  EXPECT_EQ(chooser->currentData().toString(), QString());  // the system's language, by default
  chooser->setCurrentIndex(chooser->findData(QStringLiteral("ko")));
  dialog.accept();
  EXPECT_EQ(AppSettings().language(), QStringLiteral("ko"));
  SettingsDialog again;
  EXPECT_EQ(again.languageChooser()->currentData().toString(), QStringLiteral("ko"));
  QSettings().clear();
}

// Every message of the Korean .ts has a finished, non-empty translation. (The ctest
// translations_complete also runs lupdate over the sources, catching strings not yet in the .ts.)
TEST(Translation, EveryMessageOfTheTsFileIsTranslated) {
  QFile file(QStringLiteral(AS_SOURCE_DIR "/resources/translations/attentionscope_ko.ts"));
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  QXmlStreamReader xml(&file);
  int messages = 0;
  QStringList unfinished;
  QString source;
  while (xml.readNext() != QXmlStreamReader::Invalid && !xml.atEnd()) {
    if (!xml.isStartElement()) continue;
    if (xml.name() == QLatin1String("source")) source = xml.readElementText();
    if (xml.name() != QLatin1String("translation")) continue;
    const QString type = xml.attributes().value(QLatin1String("type")).toString();
    if (type == QLatin1String("vanished") || type == QLatin1String("obsolete")) continue;
    ++messages;
    const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
    if (type == QLatin1String("unfinished") || text.trimmed().isEmpty()) unfinished << source;
  }
  EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
  EXPECT_GT(messages, 250);
  EXPECT_TRUE(unfinished.isEmpty()) << unfinished.join(QStringLiteral("\n")).toStdString();
}

// What a plot's tick labels are drawn with: every glyph of Korean text comes from a font that has
// it (glyph 0 is the "missing" box), found through the font fallback when the UI font lacks Hangul.
TEST(Translation, HangulInAPlotHasRealGlyphs) {
  BarChart chart;
  const QString text = QStringLiteral("어텐션은 무엇인가");
  chart.setBars({{text, 0.5, QColor()}}, QStringLiteral("확률"));
  QTextLayout layout(text, chart.yAxis->tickLabelFont());
  layout.beginLayout();
  layout.createLine();
  layout.endLayout();
  int glyphs = 0;
  for (const QGlyphRun& run : layout.glyphRuns()) {
    for (quint32 index : run.glyphIndexes()) {
      ++glyphs;
      EXPECT_NE(index, 0u) << "missing glyph in " << run.rawFont().familyName().toStdString();
    }
  }
  EXPECT_EQ(glyphs, 9);  // 8 syllables and the space
}

// A PDF export of a heatmap with Hangul token labels embeds a font that has Hangul (the fallback
// chosen for the labels), so the labels show on machines without that font.
TEST(Translation, PdfExportEmbedsAHangulFont) {
  const auto result = test::synthetic_run(4, 1, 1, false);
  const QStringList labels{QStringLiteral("어텐션"), QStringLiteral("은"), QStringLiteral("무엇"), QStringLiteral("인가")};
  const HeatmapFigure figure(heatmap_data(result->forward, {.layer = 0, .head = 0}), labels, ColourMap::Viridis);
  const QString file = test::qpath(test::scratch("hangul-pdf") / "hangul.pdf");
  ASSERT_EQ(write_figure(figure, file, ExportSize{}), QString());
  QFile pdf(file);
  ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
  const QByteArray bytes = pdf.readAll();
  // Font names are written uncompressed in the font dictionaries (/BaseFont /ABCDEF+Name).
  EXPECT_TRUE(bytes.contains("CJK")) << "no CJK font embedded";
}

}  // namespace
}  // namespace as::ui
