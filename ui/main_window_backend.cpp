// MainWindow's compute-backend menu: the CPU or any OpenCL device the system offers. The choice
// is remembered and applies to the model at once (it is reloaded on the new backend; if OpenCL
// cannot be used the model runs on the CPU and the panel and status bar say why).
#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QStatusBar>

#include <exception>

#include "backends/opencl/devices.h"
#include "ui/main_window.h"
#include "ui/session_controller.h"

namespace as::ui {

void MainWindow::buildBackendMenu(QMenu* parent) {
  backend_menu_ = parent->addMenu(tr("Compute &backend"));
  backend_menu_->setObjectName(QStringLiteral("backendMenu"));
  // Devices are listed when the menu opens: asking the OpenCL driver costs time at start-up and
  // devices can come and go (an external GPU).
  connect(backend_menu_, &QMenu::aboutToShow, this, &MainWindow::fillBackendMenu);
}

void MainWindow::fillBackendMenu() {
  backend_menu_->clear();
  auto* group = new QActionGroup(backend_menu_);
  const QString current = controller_->backend();
  auto add = [&](const QString& label, const QString& spec, const QString& tip) {
    QAction* action = backend_menu_->addAction(label, this, [this, spec] { chooseBackend(spec); });
    action->setCheckable(true);
    action->setChecked(spec == current);
    action->setToolTip(tip);
    action->setData(spec);
    group->addAction(action);
  };
  add(tr("CPU (oneDNN)"), QStringLiteral("cpu"), tr("The reference backend; always available"));
  std::vector<OpenClDeviceInfo> devices;
  try {
    devices = list_opencl_devices();
  } catch (const std::exception& e) {
    backend_menu_->addAction(tr("OpenCL unavailable: %1").arg(QString::fromStdString(e.what())))->setEnabled(false);
    return;
  }
  if (devices.empty()) {
    backend_menu_->addAction(tr("No OpenCL device found"))->setEnabled(false);
    return;
  }
  backend_menu_->addSeparator();
  for (const auto& device : devices) {
    const QString label = tr("OpenCL %1: %2 (%3, %4 MB)")
                              .arg(device.index)
                              .arg(QString::fromStdString(device.name), QString::fromStdString(device.type))
                              .arg(device.memory_mb);
    add(label, QStringLiteral("opencl:%1").arg(device.index),
        tr("Platform: %1. The first model loaded on a device compiles its kernels (seconds); "
           "the driver caches them for later runs.")
            .arg(QString::fromStdString(device.platform)));
  }
}

void MainWindow::chooseBackend(const QString& spec) {
  if (spec == controller_->backend()) return;
  controller_->setBackend(spec);
  settings_.setBackend(spec);
  if (const auto model = controller_->model()) {
    statusBar()->showMessage(tr("Reloading the model on %1…").arg(spec));
    openModel(QString::fromStdString(model->info.path));
  }
}

}  // namespace as::ui
