// attentionscope: the desktop workbench. `attentionscope [DIR] [--text ...] [--screenshot FILE]`.
#include <QApplication>
#include <QCommandLineParser>
#include <QThread>

#include <algorithm>
#include <cstdio>

#include "ui/app_settings.h"
#include "ui/language.h"
#include "ui/main_window.h"
#include "ui/startup_actions.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("AttentionScope"));
  QApplication::setApplicationName(QStringLiteral("AttentionScope"));
  QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("See how BERT and GPT-2 attend, layer by layer and head by head."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("HuggingFace checkpoint folder to open"));
  // One core is left to the GUI thread by default: with every core in OpenMP's hands, a busy
  // machine made forward passes ~20x slower (860 ms instead of 47 ms on the 2-core test box).
  const int default_threads = std::max(1, QThread::idealThreadCount() - 1);
  const QCommandLineOption threads(QStringLiteral("threads"),
                                   QStringLiteral("CPU threads for the model (0 = all cores; default: all but one)."),
                                   QStringLiteral("N"), QString::number(default_threads));
  parser.addOption(threads);
  const QCommandLineOption backend(QStringLiteral("backend"),
                                   QStringLiteral("Compute backend: cpu, opencl or opencl:N (remembered; default: the last choice)."),
                                   QStringLiteral("SPEC"));
  parser.addOption(backend);
  const QCommandLineOption language(QStringLiteral("language"),
                                    QStringLiteral("UI language for this run: en or ko (default: the setting, else "
                                                   "the system locale)."),
                                    QStringLiteral("CODE"));
  parser.addOption(language);
  const auto options = as::ui::StartupActions::addOptions(parser);
  parser.process(app);
  const QString wanted = parser.isSet(language) ? parser.value(language) : as::ui::AppSettings().language();
  as::ui::install_ui_language(as::ui::resolve_ui_language(wanted));

  as::ui::MainWindow window(parser.value(threads).toInt());
  if (parser.isSet(backend)) {
    const QString spec = parser.value(backend) == QLatin1String("opencl") ? QStringLiteral("opencl:0")
                                                                         : parser.value(backend);
    if (spec != QLatin1String("cpu") && !spec.startsWith(QLatin1String("opencl:"))) {
      std::fprintf(stderr, "attentionscope: --backend wants cpu, opencl or opencl:N\n");
      return 2;
    }
    window.useBackend(spec);
  }
  auto run = as::ui::StartupActions::fromParser(parser, *options);
  window.show();
  if (run) run->start(window);
  // The folder given, else the last one used, else an installed default model, else the welcome page.
  const bool loading = window.openStartupModel(parser.positionalArguments().value(0));
  if (run && !loading) run->nothingToLoad();
  return QApplication::exec();
}
