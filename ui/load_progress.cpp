#include "ui/load_progress.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>
#include <cmath>

#include "ui/model_name.h"

namespace as::ui {

LoadProgress::LoadProgress(QWidget* parent) : QWidget(parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  label_ = new QLabel(this);
  bar_ = new QProgressBar(this);
  bar_->setRange(0, 1000);
  bar_->setFixedWidth(220);
  bar_->setTextVisible(true);
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setToolTip(tr("Stop loading; the current model stays loaded"));
  layout->addWidget(label_);
  layout->addWidget(bar_);
  layout->addWidget(cancel_);
  connect(cancel_, &QPushButton::clicked, this, [this] {
    cancel_->setEnabled(false);
    label_->setText(tr("Cancelling…"));
    emit cancelRequested();
  });
  hide();
}

void LoadProgress::start(const QString& dir) {
  folder_name_ = model_display_name(dir);
  label_->setText(tr("Loading %1…").arg(folder_name_));
  bar_->setValue(0);
  cancel_->setEnabled(true);
  show();
}

void LoadProgress::update(double fraction, const QString& phase) {
  if (!cancel_->isEnabled()) return;  // keep saying "Cancelling…"
  // Building kernels for a device takes seconds the first time only; say so, or it looks hung.
  const QString note = phase.startsWith(QStringLiteral("OpenCL"))
                           ? tr(" (the first run on a device compiles its kernels; later runs use the cache)")
                           : QString();
  label_->setText(tr("Loading %1: %2%3").arg(folder_name_, phase, note));
  bar_->setValue(static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000.0)));
}

void LoadProgress::finish() { hide(); }

}  // namespace as::ui
