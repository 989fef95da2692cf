// "Get models…" as a user meets it: the well-known checkpoints, a download from a local imitation
// of the hub (support/fake_hub_server.h) that never blocks the event loop and ends with the model
// folder, a failure that is explained, and the cached models offered by the window.
#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <filesystem>

#include "hub/downloader.h"
#include "support/fake_hub_server.h"
#include "support/test_support.h"
#include "ui/get_models_dialog.h"
#include "ui/main_window.h"
#include "ui/model_name.h"
#include "ui/welcome_page.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

namespace fs = std::filesystem;

constexpr int kWaitMillis = 20'000;
constexpr const char* kCommit = "5d7f9b1c3e5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e";

class GetModels : public ::testing::Test {
 protected:
  void SetUp() override {
    AS_REQUIRE_SHARED();
    cache_ = test::scratch("get-models-cache");
    server_.add_repo("test-org/tiny-bert", kCommit, {"main"});
    server_.add_folder("test-org/tiny-bert", as::test::models_dir() / "random-bert-uncased-L2-H64-bf16");
  }
  // Starts downloading the 4 MB weights in 64 KiB pieces 20 ms apart (about 1.3 s, time to watch
  // progress, cancel or close) and waits until progress shows; false on timeout.
  bool start_slow_download(GetModelsDialog& dialog) {
    server_.file("test-org/tiny-bert", "model.safetensors").piece_delay_ms = 20;
    dialog.show();
    dialog.setModelId(QStringLiteral("test-org/tiny-bert"));
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("downloadButton")), Qt::LeftButton);
    auto* bar = dialog.findChild<QProgressBar*>();
    return QTest::qWaitFor([bar] { return bar->maximum() > 0 && bar->value() > 0; }, kWaitMillis);
  }

  fs::path cache_;
  as::test::FakeHubServer server_;
};

TEST_F(GetModels, OffersTheClassicCheckpointsAndFillsTheId) {
  GetModelsDialog dialog(nullptr, QString::fromStdString(server_.endpoint()), test::qpath(cache_));
  auto* list = dialog.findChild<QListWidget*>(QStringLiteral("knownModels"));
  ASSERT_NE(list, nullptr);
  QStringList ids;
  for (int i = 0; i < list->count(); ++i) ids << list->item(i)->data(Qt::UserRole).toString();
  EXPECT_EQ(ids, (QStringList{"bert-base-uncased", "bert-base-cased", "bert-base-multilingual-cased", "distilgpt2", "gpt2",
                              "gpt2-medium"}));
  list->setCurrentRow(4);
  EXPECT_EQ(dialog.modelId(), QStringLiteral("gpt2"));
  auto* download = dialog.findChild<QPushButton*>(QStringLiteral("downloadButton"));
  EXPECT_TRUE(download->isEnabled());
  dialog.setModelId(QString());
  EXPECT_FALSE(download->isEnabled());
}

TEST_F(GetModels, DownloadsOffTheGuiThreadAndHandsOverTheSnapshot) {
  GetModelsDialog dialog(nullptr, QString::fromStdString(server_.endpoint()), test::qpath(cache_));
  dialog.show();
  dialog.setModelId(QStringLiteral("test-org/tiny-bert"));
  QSignalSpy ready(&dialog, &GetModelsDialog::modelReady);
  int ticks = 0;
  QTimer timer;
  timer.setInterval(5);
  QObject::connect(&timer, &QTimer::timeout, [&] { ++ticks; });
  timer.start();
  QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("downloadButton")), Qt::LeftButton);
  EXPECT_TRUE(dialog.isDownloading());
  EXPECT_TRUE(dialog.findChild<QPushButton*>(QStringLiteral("cancelDownload"))->isEnabled());
  ASSERT_TRUE(ready.wait(kWaitMillis));
  EXPECT_GT(ticks, 0);  // the event loop ran while the worker downloaded
  const fs::path snapshot = ready.at(0).at(0).toString().toStdString();
  EXPECT_EQ(snapshot, cache_ / "models--test-org--tiny-bert" / "snapshots" / kCommit);
  EXPECT_EQ(as::test::read_file(snapshot / "model.safetensors"),
            as::test::read_file(as::test::models_dir() / "random-bert-uncased-L2-H64-bf16" / "model.safetensors"));
  EXPECT_FALSE(dialog.isVisible());  // accepted
}

TEST_F(GetModels, AFailureIsExplainedAndTheDialogStaysUsable) {
  GetModelsDialog dialog(nullptr, QString::fromStdString(server_.endpoint()), test::qpath(cache_));
  dialog.show();
  dialog.setModelId(QStringLiteral("nobody/nothing"));
  auto* download = dialog.findChild<QPushButton*>(QStringLiteral("downloadButton"));
  QTest::mouseClick(download, Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(!dialog.isDownloading(), kWaitMillis);
  auto* status = dialog.findChild<QLabel*>(QStringLiteral("downloadStatus"));
  EXPECT_TRUE(status->text().contains(QStringLiteral("repository not found"))) << status->text().toStdString();
  EXPECT_TRUE(download->isEnabled());
  EXPECT_TRUE(dialog.isVisible());
  dialog.setModelId(QStringLiteral("test-org/tiny-bert"));
  dialog.resize(640, 560);
  dialog.grab().save(test::qpath(test::scratch("get-models-shot") / "get-models-failed.png"));
}

TEST_F(GetModels, CancelStopsTheDownloadAndKeepsWhatCame) {
  GetModelsDialog dialog(nullptr, QString::fromStdString(server_.endpoint()), test::qpath(cache_));
  dialog.resize(640, 480);
  QSignalSpy ready(&dialog, &GetModelsDialog::modelReady);
  ASSERT_TRUE(start_slow_download(dialog)) << "no progress shown";
  auto* status = dialog.findChild<QLabel*>(QStringLiteral("downloadStatus"));
  EXPECT_TRUE(status->text().startsWith(QStringLiteral("model.safetensors: "))) << status->text().toStdString();
  dialog.grab().save(test::qpath(test::scratch("get-models-shot-progress") / "get-models-progress.png"));
  QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("cancelDownload")), Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(!dialog.isDownloading(), kWaitMillis);
  EXPECT_TRUE(status->text().startsWith(QStringLiteral("Cancelled."))) << status->text().toStdString();
  EXPECT_EQ(ready.count(), 0);
  EXPECT_TRUE(dialog.isVisible());
  const fs::path part = cache_ / "models--test-org--tiny-bert" / "blobs" /
                        (server_.etag_of("test-org/tiny-bert", "model.safetensors") + ".incomplete");
  EXPECT_TRUE(fs::exists(part));
}

TEST_F(GetModels, ClosingMidDownloadEndsWithinASecondAndLeavesOnlyTheResumableFile) {
  auto* dialog = new GetModelsDialog(nullptr, QString::fromStdString(server_.endpoint()), test::qpath(cache_));
  ASSERT_TRUE(start_slow_download(*dialog)) << "no progress shown";
  QElapsedTimer timer;
  timer.start();
  dialog->close();
  delete dialog;  // what closing the window does to its children
  EXPECT_LT(timer.elapsed(), 1000) << "closing waited for the download";
  const fs::path repo = cache_ / "models--test-org--tiny-bert";
  const std::string etag = server_.etag_of("test-org/tiny-bert", "model.safetensors");
  EXPECT_TRUE(fs::exists(repo / "blobs" / (etag + ".incomplete"))) << "the part kept for resuming";
  EXPECT_FALSE(fs::exists(repo / "blobs" / etag)) << "a partial file under the final name";
  bool linked = false;
  if (fs::exists(repo / "snapshots"))
    for (const auto& entry : fs::recursive_directory_iterator(repo / "snapshots"))
      linked |= entry.path().filename() == "model.safetensors";
  EXPECT_FALSE(linked) << "the snapshot points at weights that did not arrive";
}

TEST(ModelName, HubSnapshotsAreCalledByTheirModelId) {
  EXPECT_EQ(model_display_name(QStringLiteral("/c/hub/models--openai-community--gpt2/snapshots/607a30d7")),
            QStringLiteral("openai-community/gpt2"));
  EXPECT_EQ(model_display_name(QStringLiteral("/c/hub/models--gpt2/snapshots/607a30d7/")), QStringLiteral("gpt2"));
  EXPECT_EQ(model_display_name(QStringLiteral("/data/random-gpt2-L4-H256")), QStringLiteral("random-gpt2-L4-H256"));
  EXPECT_EQ(model_display_name(QStringLiteral("/data/snapshots/x")), QStringLiteral("x"));
}

TEST_F(GetModels, TheWindowListsCachedModelsOnTheWelcomePageAndInTheFileMenu) {
  // This test's own hub cache, so windows of other tests never see its model.
  const QByteArray saved = qgetenv("HF_HUB_CACHE");
  const fs::path hub_cache = test::scratch("get-models-window-hub");
  qputenv("HF_HUB_CACHE", QByteArray::fromStdString(hub_cache.string()));
  hub::DownloadOptions options;
  options.repo_id = "test-org/tiny-bert";
  options.endpoint = server_.endpoint();
  options.cache_root = hub_cache;
  const fs::path snapshot = hub::download_model(options).snapshot;

  MainWindow window;
  window.resize(1200, 800);
  auto* cached = window.welcomePage()->findChild<QWidget*>(QStringLiteral("welcomeCached"));
  ASSERT_NE(cached, nullptr);
  QStringList titles;
  for (auto* button : cached->findChildren<QPushButton*>()) titles << button->text();
  EXPECT_EQ(titles, QStringList{QStringLiteral("test-org/tiny-bert · main")});
  auto* menu = window.findChild<QMenu*>(QStringLiteral("cachedModelsMenu"));
  ASSERT_NE(menu, nullptr);
  ASSERT_EQ(menu->actions().size(), 1);
  EXPECT_EQ(menu->actions().at(0)->statusTip(), test::qpath(snapshot));
  EXPECT_NE(window.findChild<QAction*>(QStringLiteral("getModelsAction")), nullptr);
  window.grab().save(test::qpath(test::scratch("get-models-shot-window") / "welcome-cached.png"));
  qputenv("HF_HUB_CACHE", saved);
}

}  // namespace
}  // namespace as::ui
