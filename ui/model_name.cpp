#include "ui/model_name.h"

#include <QDir>
#include <QFileInfo>

#include "hub/hub_cache.h"

namespace as::ui {

QString model_display_name(const QString& dir) {
  const QFileInfo folder(QDir::cleanPath(dir));
  const QFileInfo parent(folder.path());
  if (parent.fileName() == QStringLiteral("snapshots")) {
    const QString repo_folder = QFileInfo(parent.path()).fileName();
    if (auto id = hub::repo_id_from_folder(repo_folder.toStdString())) return QString::fromStdString(*id);
  }
  return folder.fileName();
}

}  // namespace as::ui
