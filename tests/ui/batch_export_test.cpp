// Every layer × head into a folder, one file per event-loop turn, and Cancel.
#include <QDir>
#include <QImage>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include "ui/batch_export.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

TEST(BatchExport, WritesOneFilePerLayerAndHead) {
  const auto dir = test::scratch("batch");
  BatchExport batch({test::synthetic_run(5, 2, 12, true), test::qpath(dir), ExportFormat::Png, {QSize(300, 240)}});
  QSignalSpy finished(&batch, &BatchExport::finished);
  QSignalSpy progress(&batch, &BatchExport::progress);
  batch.start();
  EXPECT_TRUE(finished.isEmpty());  // it runs from the event loop, not inside start()
  ASSERT_TRUE(finished.wait(20'000));
  EXPECT_EQ(finished.first().at(0).toString(), QString());
  EXPECT_EQ(finished.first().at(1).toInt(), 24);
  EXPECT_EQ(progress.last().at(0).toInt(), 24);
  const QStringList files = QDir(test::qpath(dir)).entryList(QDir::Files, QDir::Name);
  ASSERT_EQ(files.size(), 24);
  EXPECT_EQ(files.front(), QStringLiteral("layer-0-head-00.png"));
  EXPECT_EQ(files.back(), QStringLiteral("layer-1-head-11.png"));
  EXPECT_EQ(QImage(QDir(test::qpath(dir)).filePath(files.back())).size(), QSize(300, 240));
}

TEST(BatchExport, CancelStopsEarly) {
  const auto dir = test::scratch("batch-cancel");
  BatchExport batch({test::synthetic_run(5, 4, 4, false), test::qpath(dir), ExportFormat::Csv, {}});
  QSignalSpy finished(&batch, &BatchExport::finished);
  QObject::connect(&batch, &BatchExport::progress, &batch, [&batch](int done) {
    if (done == 3) batch.cancel();
  });
  batch.start();
  ASSERT_TRUE(finished.wait(20'000));
  EXPECT_EQ(finished.first().at(1).toInt(), 3);
  EXPECT_EQ(QDir(test::qpath(dir)).entryList(QDir::Files).size(), 3);
}

}  // namespace
}  // namespace as::ui
