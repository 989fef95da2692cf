// The compute-backend choice in the GUI: loads go to the chosen backend, a failing OpenCL choice
// falls back to the CPU with the reason in the summary and the model panel, the choice persists,
// and the File menu lists the CPU and every OpenCL device.
#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include "backends/opencl/devices.h"
#include "support/test_support.h"
#include "ui/app_settings.h"
#include "ui/main_window.h"
#include "ui/model_panel.h"
#include "ui/session_controller.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

constexpr int kWaitMillis = 120'000;  // a cold PoCL cache compiles the kernels first

ModelSummaryPtr load_on(const QString& backend, const char* model) {
  SessionController controller(1);
  controller.setBackend(backend);
  QSignalSpy loaded(&controller, &SessionController::modelLoaded);
  QSignalSpy failed(&controller, &SessionController::loadFailed);
  controller.openModel(test::model_dir(model));
  if (!loaded.wait(kWaitMillis)) {
    ADD_FAILURE() << (failed.isEmpty() ? "timeout" : failed.first().at(1).toString().toStdString());
    return nullptr;
  }
  return loaded.first().at(0).value<ModelSummaryPtr>();
}

TEST(BackendChoice, CpuByDefault) {
  AS_REQUIRE_SHARED();
  SessionController controller(1);
  EXPECT_EQ(controller.backend(), QStringLiteral("cpu"));
  const auto summary = load_on(QStringLiteral("cpu"), "random-gpt2-L4-H256");
  ASSERT_NE(summary, nullptr);
  EXPECT_EQ(summary->backend, "cpu");
  EXPECT_TRUE(summary->fallback_reason.empty());
}

TEST(BackendChoice, MissingOpenClDeviceFallsBackToTheCpuAndSaysWhy) {
  AS_REQUIRE_SHARED();
  const auto summary = load_on(QStringLiteral("opencl:97"), "random-bert-uncased-L4-H256");
  ASSERT_NE(summary, nullptr);
  EXPECT_EQ(summary->backend, "cpu");
  EXPECT_NE(summary->fallback_reason.find("97"), std::string::npos) << summary->fallback_reason;

  ModelPanel panel;
  panel.showModel(*summary);
  bool shown = false;
  for (auto* label : panel.findChildren<QLabel*>())
    if (label->text().contains(QStringLiteral("fell back")) &&
        label->toolTip().contains(QString::fromStdString(summary->fallback_reason)))
      shown = true;
  EXPECT_TRUE(shown) << "the model panel names the fallback and its reason";
}

TEST(BackendChoice, OpenClDeviceRunsTheModelThere) {
  AS_REQUIRE_SHARED();
  if (list_opencl_devices().empty()) GTEST_SKIP() << "no OpenCL device on this machine";
  const auto summary = load_on(QStringLiteral("opencl:0"), "random-bert-uncased-L4-H256");
  ASSERT_NE(summary, nullptr);
  EXPECT_EQ(summary->backend, "opencl") << summary->fallback_reason;
  EXPECT_EQ(summary->backend_device, list_opencl_devices().front().name);
}

TEST(BackendChoice, SettingPersistsAndTheMenuListsEveryDevice) {
  {
    AppSettings settings;
    settings.setBackend(QStringLiteral("opencl:0"));
  }
  EXPECT_EQ(AppSettings().backend(), QStringLiteral("opencl:0"));
  AppSettings().setBackend(QStringLiteral("cpu"));

  MainWindow window(1);
  auto* menu = window.findChild<QMenu*>(QStringLiteral("backendMenu"));
  ASSERT_NE(menu, nullptr);
  emit menu->aboutToShow();
  QStringList specs;
  for (QAction* action : menu->actions())
    if (action->data().isValid()) specs << action->data().toString();
  QStringList expected{QStringLiteral("cpu")};
  for (const auto& device : list_opencl_devices()) expected << QStringLiteral("opencl:%1").arg(device.index);
  EXPECT_EQ(specs, expected);
  EXPECT_TRUE(menu->actions().first()->isChecked()) << "the CPU is the remembered choice";
}

}  // namespace
}  // namespace as::ui
