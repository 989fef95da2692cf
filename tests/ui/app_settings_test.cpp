// What is remembered between sessions and which model opens at start. The test main puts
// QSettings in QStandardPaths' test mode, so these never touch the user's real settings.
#include "ui/app_settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <gtest/gtest.h>

#include <algorithm>

#include "support/test_support.h"
#include "ui/default_model.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

TEST(AppSettings, RunsInTestModeOnly) {
  EXPECT_TRUE(QStandardPaths::isTestModeEnabled());
  EXPECT_TRUE(QSettings().fileName().contains(QStringLiteral(".qttest"))) << QSettings().fileName().toStdString();
}

TEST(AppSettings, RecentListPutsTheNewestFirstWithoutDuplicates) {
  EXPECT_EQ(with_recent({"a", "b", "c"}, "b", 8), QStringList({"b", "a", "c"}));
  EXPECT_EQ(with_recent({"a", "b", "c"}, "d", 3), QStringList({"d", "a", "b"}));
}

TEST(AppSettings, RememberedValuesSurviveANewInstance) {
  {
    AppSettings settings;
    settings.clearRecentModels();
    settings.rememberModel("/models/one");
    settings.rememberModel("/models/two");
    settings.setColourMap(ColourMap::Magma);
    settings.setFontDelta(3);
    settings.setExportSize({QSize(800, 600), 300});
  }
  AppSettings again;
  EXPECT_EQ(again.lastModel(), QStringLiteral("/models/two"));
  EXPECT_EQ(again.recentModels(), QStringList({"/models/two", "/models/one"}));
  EXPECT_EQ(again.colourMap(), ColourMap::Magma);
  EXPECT_EQ(again.fontDelta(), 3);
  EXPECT_EQ(again.exportSize().size, QSize(800, 600));
  EXPECT_EQ(again.exportSize().dpi, 300);
  QSettings().clear();
}

TEST(DefaultModel, CandidatesFollowXdgDataFolders) {
  const QStringList candidates = default_model_candidates();
  ASSERT_FALSE(candidates.isEmpty());
  EXPECT_TRUE(candidates.front().endsWith(QStringLiteral("/attentionscope/models/default")));
  for (const QString& candidate : candidates) EXPECT_FALSE(candidate.contains(QStringLiteral("shared/models")));
}

TEST(DefaultModel, DemoModelIsFoundInstalledBesideTheProgramOrInTheSources) {
  const QStringList candidates = default_model_candidates();
  const QString installed = QDir::cleanPath(QCoreApplication::applicationDirPath() +
                                            QStringLiteral("/../share/attentionscope/models/attentionscope-bert-wordnet"));
  EXPECT_TRUE(std::any_of(candidates.begin(), candidates.end(),
                          [&](const QString& c) { return QDir::cleanPath(c) == installed; }));
  // A build tree falls back to the committed demo folder, which must be a loadable checkpoint.
  ASSERT_TRUE(candidates.back().endsWith(QStringLiteral("resources/models/attentionscope-bert-wordnet")));
  EXPECT_TRUE(looks_like_model(candidates.back()));
  EXPECT_EQ(startup_model({}, {}, candidates), candidates.back());  // test mode: nothing else installed
}

TEST(DefaultModel, GivenThenLastThenFirstInstalledCandidate) {
  AS_REQUIRE_SHARED();
  const QString bert = test::model_dir("random-bert-uncased-L4-H256");
  const QString gpt2 = test::model_dir("random-gpt2-L4-H256");
  const QString missing = test::qpath(test::scratch("no-model"));
  EXPECT_EQ(startup_model("/given", bert, {gpt2}), QStringLiteral("/given"));
  EXPECT_EQ(startup_model({}, bert, {gpt2}), bert);
  EXPECT_EQ(startup_model({}, missing, {missing, gpt2, bert}), gpt2);  // a stale last model is skipped
  EXPECT_EQ(startup_model({}, {}, {missing}), QString());
  EXPECT_TRUE(looks_like_model(bert));
  EXPECT_FALSE(looks_like_model(missing));
}

}  // namespace
}  // namespace as::ui
