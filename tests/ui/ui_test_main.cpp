// GoogleTest main with a QApplication, which the controller (event loop, worker thread) and the
// widget tests need. Without a display, tests use Qt's offscreen platform. Settings live in
// QStandardPaths' test locations (~/.qttest) under their own organisation name, and start empty,
// so no test reads or changes a user's real AttentionScope settings. ctest runs each test in its
// own process, several at once: each process gets a settings file of its own (named by its pid,
// removed at exit) so parallel tests never see each other's settings. The Hugging Face cache, too,
// is a folder of the test build's own, not the user's.
#include <QApplication>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QStandardPaths::setTestModeEnabled(true);
  qputenv("HF_HUB_CACHE", QByteArray(AS_TEST_TMP_DIR) + "/hf-hub-cache");
  qunsetenv("HF_ENDPOINT");
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("AttentionScope-tests"));
  QApplication::setApplicationName(QStringLiteral("ui_tests-%1").arg(QCoreApplication::applicationPid()));
  QSettings().clear();
  ::testing::InitGoogleTest(&argc, argv);
  const int status = RUN_ALL_TESTS();
  const QString settings_file = QSettings().fileName();
  QFile::remove(settings_file);
  return status;
}
