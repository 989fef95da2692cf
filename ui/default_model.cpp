#include "ui/default_model.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace as::ui {

QStringList default_model_candidates() {
  QStringList candidates;
  for (const QString& data : QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation)) {
    candidates << QDir(data).filePath(QStringLiteral("attentionscope/models/default"));
  }
  // An installed app: <prefix>/bin/attentionscope finds <prefix>/share/attentionscope/models/<demo>
  // (see app/CMakeLists.txt's install rules), wherever the prefix is.
  if (QCoreApplication::instance() != nullptr) {
    candidates << QDir(QCoreApplication::applicationDirPath())
                      .filePath(QStringLiteral("../share/attentionscope/models/") + kDemoModelName);
  }
  // A build tree: the demo folder in the sources (or what the packager named).
#ifdef AS_DEFAULT_MODEL_DIR
  candidates << QStringLiteral(AS_DEFAULT_MODEL_DIR);
#endif
  return candidates;
}

bool looks_like_model(const QString& dir) {
  return !dir.isEmpty() && QFileInfo(QDir(dir).filePath(QStringLiteral("config.json"))).isFile();
}

QString startup_model(const QString& given, const QString& last, const QStringList& candidates) {
  if (!given.isEmpty()) return given;
  if (looks_like_model(last)) return last;
  for (const QString& candidate : candidates) {
    if (looks_like_model(candidate)) return candidate;
  }
  return {};
}

}  // namespace as::ui
