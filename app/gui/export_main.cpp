// attentionscope-export: the GUI's figures without a window (see ui/headless_export.h).
// `attentionscope-cli export ...` execs this program with the same arguments.
#include <QApplication>

#include "ui/headless_export.h"

int main(int argc, char** argv) {
  // It never shows a window: draw offscreen unless the caller chose a platform.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("attentionscope-export"));
  return as::ui::headless_export_main(QApplication::arguments());
}
