#include "ui/default_model.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace as::ui {

QStringList default_model_candidates() {
  QStringList candidates;
  for (const QString& data : QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation)) {
    candidates << QDir(data).filePath(QStringLiteral("attentionscope/models/default"));
  }
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
