// The window as a user meets it: the welcome page, a slow load that never freezes it, a corrupt
// checkpoint that leaves the previous model in place, drag and drop, the recent list, text size
// and colour map remembered.
#include <QApplication>
#include <QAction>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <gtest/gtest.h>

#include <fstream>

#include "support/test_support.h"
#include "ui/app_settings.h"
#include "ui/export_actions.h"
#include "ui/head_grid_view.h"
#include "ui/heatmap_plot.h"
#include "ui/heatmap_view.h"
#include "ui/main_window.h"
#include "ui/session_controller.h"
#include "ui/welcome_page.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

constexpr int kWaitMillis = 20'000;

TEST(Window, WithoutAModelShowsTheWelcomePage) {
  QSettings().clear();
  MainWindow window;
  EXPECT_TRUE(window.showsWelcome());
  auto* open = window.findChild<QPushButton*>(QStringLiteral("welcomeOpen"));
  ASSERT_NE(open, nullptr);
  EXPECT_EQ(open->text(), QStringLiteral("Open model folder…"));
}

TEST(Window, FirstLaunchOpensTheTrainedDemoBert) {
  QSettings().clear();
  MainWindow window;
  QSignalSpy started(window.controller(), &SessionController::loadStarted);
  QSignalSpy loaded(window.controller(), &SessionController::modelLoaded);
  ASSERT_TRUE(window.openStartupModel({}));  // no last model: the demo model of the build tree
  ASSERT_EQ(started.size(), 1);
  EXPECT_TRUE(started.first().at(0).toString().endsWith(QStringLiteral("resources/models/attentionscope-bert-wordnet")));
  ASSERT_TRUE(loaded.wait(kWaitMillis));
  EXPECT_FALSE(window.showsWelcome());
  QSettings().clear();
}

TEST(Window, ASlowLoadKeepsTheEventLoopRunning) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  // Every load step takes 40 ms longer on the worker: ~0.3 s of loading in all.
  window.controller()->setLoadHook([](double) { QThread::msleep(40); });
  int ticks = 0;
  qint64 longest_gap = 0;
  QElapsedTimer since_tick;
  QTimer timer;
  timer.setInterval(10);
  QObject::connect(&timer, &QTimer::timeout, [&] {
    if (ticks++ > 0) longest_gap = std::max(longest_gap, since_tick.elapsed());
    since_tick.restart();
  });
  QSignalSpy loaded(window.controller(), &SessionController::modelLoaded);
  QElapsedTimer load_time;
  load_time.start();
  timer.start();
  window.openModel(test::model_dir("random-gpt2-L4-H256"));
  ASSERT_TRUE(loaded.wait(kWaitMillis));
  timer.stop();
  EXPECT_GE(load_time.elapsed(), 200);
  EXPECT_GE(ticks, static_cast<int>(load_time.elapsed() / 10 / 3)) << "the timer starved during the load";
  EXPECT_LT(longest_gap, 150) << "the GUI thread was blocked for " << longest_gap << " ms";
  EXPECT_FALSE(window.showsWelcome());
}

// A copy of the BERT checkpoint whose weights file is cut short.
std::filesystem::path corrupt_bert() {
  const auto source = as::test::models_dir() / "random-bert-uncased-L4-H256";
  const auto dir = test::scratch("corrupt-bert");
  for (const char* name : {"config.json", "vocab.txt", "tokenizer_config.json"}) {
    std::filesystem::copy_file(source / name, dir / name);
  }
  const std::string weights = as::test::read_file(source / "model.safetensors");
  as::test::write_file(dir / "model.safetensors", weights.substr(0, 4096));
  return dir;
}

TEST(Window, CorruptModelShowsTheErrorAndKeepsThePreviousModel) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  window.show();
  const auto before = test::load_and_run(window, "random-bert-uncased-L4-H256", QStringLiteral("still here"));
  ASSERT_NE(before, nullptr);
  const auto previous = window.controller()->model();
  const QString title = window.windowTitle();

  QSignalSpy failed(window.controller(), &SessionController::loadFailed);
  window.openModel(test::qpath(corrupt_bert()));
  ASSERT_TRUE(failed.wait(kWaitMillis));
  const QString engine_message = failed.first().at(1).toString();
  EXPECT_FALSE(engine_message.isEmpty());
  QMessageBox* box = nullptr;
  for (QWidget* widget : QApplication::topLevelWidgets()) {
    if (auto* candidate = qobject_cast<QMessageBox*>(widget); candidate && candidate->isVisible()) box = candidate;
  }
  ASSERT_NE(box, nullptr) << "no error dialog";
  EXPECT_TRUE(box->text().contains(engine_message)) << box->text().toStdString();
  EXPECT_TRUE(box->text().contains(QStringLiteral("previous model is still loaded")));
  box->close();
  EXPECT_EQ(window.controller()->model(), previous);
  EXPECT_EQ(window.windowTitle(), title);
  ASSERT_TRUE(window.heatmapView()->shownData().has_value());
  EXPECT_EQ(window.heatmapView()->shownData()->matrix.rows, before->token_count());
}

QMimeData* urls(const QString& path) {
  auto* mime = new QMimeData;
  mime->setUrls({QUrl::fromLocalFile(path)});
  return mime;
}

TEST(Window, DroppingACheckpointFolderOrAFileInItOpensIt) {
  AS_REQUIRE_SHARED();
  const QString bert = test::model_dir("random-bert-uncased-L4-H256");
  std::unique_ptr<QMimeData> folder(urls(bert));
  std::unique_ptr<QMimeData> file(urls(bert + QStringLiteral("/config.json")));
  std::unique_ptr<QMimeData> other(urls(test::qpath(test::scratch("not-a-model"))));
  EXPECT_EQ(MainWindow::modelFolderIn(folder.get()), bert);
  EXPECT_EQ(MainWindow::modelFolderIn(file.get()), bert);
  EXPECT_EQ(MainWindow::modelFolderIn(other.get()), QString());

  MainWindow window;
  QSignalSpy started(window.controller(), &SessionController::loadStarted);
  QSignalSpy loaded(window.controller(), &SessionController::modelLoaded);
  QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, folder.get(), Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&window, &enter);
  EXPECT_TRUE(enter.isAccepted());
  QDropEvent drop(QPointF(100, 100), Qt::CopyAction, folder.get(), Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&window, &drop);
  ASSERT_EQ(started.size(), 1);
  EXPECT_EQ(started.first().at(0).toString(), bert);
  ASSERT_TRUE(loaded.wait(kWaitMillis));
}

TEST(Window, LoadedModelsAreRememberedInOpenRecent) {
  AS_REQUIRE_SHARED();
  QSettings().clear();
  {
    MainWindow window;
    ASSERT_NE(test::load_and_run(window, "random-gpt2-L4-H256", QStringLiteral("hi")), nullptr);
    ASSERT_NE(test::load_and_run(window, "random-bert-uncased-L4-H256", QStringLiteral("hi")), nullptr);
    QMenu* recent = nullptr;
    for (QMenu* menu : window.findChildren<QMenu*>()) {
      if (menu->title() == QStringLiteral("Open &Recent")) recent = menu;
    }
    ASSERT_NE(recent, nullptr);
    ASSERT_GE(recent->actions().size(), 2);
    EXPECT_EQ(recent->actions()[0]->text(), QStringLiteral("random-bert-uncased-L4-H256"));
    EXPECT_EQ(recent->actions()[1]->text(), QStringLiteral("random-gpt2-L4-H256"));
  }
  MainWindow next_session;
  QSignalSpy started(next_session.controller(), &SessionController::loadStarted);
  EXPECT_TRUE(next_session.openStartupModel({}));  // the last model reopens
  ASSERT_EQ(started.size(), 1);
  EXPECT_EQ(started.first().at(0).toString(), test::model_dir("random-bert-uncased-L4-H256"));
  QSettings().clear();
}

TEST(Window, TextSizeAndColourMapApplyEverywhereAndPersist) {
  const QFont original = QApplication::font();
  {
    MainWindow window;
    window.setFontDelta(4);
    EXPECT_DOUBLE_EQ(QApplication::font().pointSizeF(), original.pointSizeF() + 4);
    EXPECT_DOUBLE_EQ(window.heatmapView()->plot()->xAxis->tickLabelFont().pointSizeF(), original.pointSizeF() + 4);
    window.setColourMap(ColourMap::Greys);
    EXPECT_EQ(window.heatmapView()->plot()->colorMap()->gradient().color(0.0, QCPRange(0, 1)), qRgb(255, 255, 255));
  }
  EXPECT_EQ(AppSettings().fontDelta(), 4);
  EXPECT_EQ(AppSettings().colourMap(), ColourMap::Greys);
  {
    QApplication::setFont(original);
    MainWindow restored;
    EXPECT_EQ(restored.fontDelta(), 4);
    EXPECT_EQ(restored.colourMap(), ColourMap::Greys);
    restored.setFontDelta(0);
    restored.setColourMap(ColourMap::Viridis);
  }
  QApplication::setFont(original);
  QSettings().clear();
}

}  // namespace
}  // namespace as::ui

namespace as::ui {
namespace {

TEST(Window, ExportsEveryViewFromTheWindow) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  window.resize(1200, 800);
  ASSERT_NE(test::load_and_run(window, "random-gpt2-L4-H256", QStringLiteral("The cat sat.")), nullptr);
  ExportActions* exports = window.exportActions();
  EXPECT_TRUE(exports->figureAction()->isEnabled());
  EXPECT_EQ(exports->figureAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
  const auto dir = test::scratch("window-export");
  const ExportSize size{QSize(500, 400), 96};
  for (auto target : {ExportTarget::Heatmap, ExportTarget::Grid, ExportTarget::HeadLines}) {
    EXPECT_TRUE(exports->available(target));
    const QString file = test::qpath(dir / ("view" + std::to_string(static_cast<int>(target)) + ".png"));
    EXPECT_EQ(exports->exportTo(target, file, size), QString());
    EXPECT_EQ(QImage(file).size(), QSize(500, 400));
  }
  EXPECT_TRUE(exports->title(ExportTarget::Grid).startsWith(QStringLiteral("random-gpt2-L4-H256")));
  const QString csv = test::qpath(dir / "heatmap.csv");
  EXPECT_EQ(exports->exportTo(ExportTarget::Heatmap, csv, size), QString());
  EXPECT_EQ(as::test::read_file(dir / "heatmap.csv").rfind("query \\ key,The,Ġcat,Ġsat,.", 0), 0u);
}

}  // namespace
}  // namespace as::ui
