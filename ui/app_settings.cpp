#include "ui/app_settings.h"

#include <QDir>

#include <algorithm>

namespace as::ui {
namespace {

const QString kLastModel = QStringLiteral("model/last");
const QString kRecent = QStringLiteral("model/recent");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");
const QString kColourMap = QStringLiteral("view/colourMap");
const QString kFontDelta = QStringLiteral("view/fontDelta");
const QString kBackend = QStringLiteral("compute/backend");
const QString kLanguage = QStringLiteral("view/language");
const QString kExportFolder = QStringLiteral("export/folder");
const QString kExportSize = QStringLiteral("export/size");
const QString kExportDpi = QStringLiteral("export/dpi");

}  // namespace

QStringList with_recent(QStringList list, const QString& dir, int max) {
  list.removeAll(dir);
  list.prepend(dir);
  while (list.size() > max) list.removeLast();
  return list;
}

AppSettings::AppSettings() = default;

QString AppSettings::lastModel() const { return settings_.value(kLastModel).toString(); }

void AppSettings::rememberModel(const QString& dir) {
  settings_.setValue(kLastModel, dir);
  settings_.setValue(kRecent, with_recent(recentModels(), dir, kMaxRecent));
}

QStringList AppSettings::recentModels() const { return settings_.value(kRecent).toStringList(); }

void AppSettings::clearRecentModels() { settings_.remove(kRecent); }

QByteArray AppSettings::windowGeometry() const { return settings_.value(kGeometry).toByteArray(); }

QByteArray AppSettings::windowState() const { return settings_.value(kState).toByteArray(); }

QByteArray AppSettings::splitterState() const { return settings_.value(kSplitter).toByteArray(); }

void AppSettings::setWindow(const QByteArray& geometry, const QByteArray& state, const QByteArray& splitter) {
  settings_.setValue(kGeometry, geometry);
  settings_.setValue(kState, state);
  settings_.setValue(kSplitter, splitter);
  // Written out now, while the window closes, rather than by a destructor at exit that a crash
  // or a kill could skip. QSettings replaces its file atomically, so it is never half written.
  settings_.sync();
}

ColourMap AppSettings::colourMap() const {
  return colour_map_from_name(settings_.value(kColourMap).toString().toStdString()).value_or(ColourMap::Viridis);
}

void AppSettings::setColourMap(ColourMap colours) {
  settings_.setValue(kColourMap, QString::fromStdString(colour_map_name(colours)));
}

int AppSettings::fontDelta() const { return settings_.value(kFontDelta, 0).toInt(); }

void AppSettings::setFontDelta(int delta) { settings_.setValue(kFontDelta, delta); }

QString AppSettings::backend() const { return settings_.value(kBackend, QStringLiteral("cpu")).toString(); }
void AppSettings::setBackend(const QString& spec) { settings_.setValue(kBackend, spec); }
QString AppSettings::language() const { return settings_.value(kLanguage).toString(); }

void AppSettings::setLanguage(const QString& code) { settings_.setValue(kLanguage, code); }

QString AppSettings::exportFolder() const { return settings_.value(kExportFolder, QDir::homePath()).toString(); }

void AppSettings::setExportFolder(const QString& folder) { settings_.setValue(kExportFolder, folder); }

ExportSize AppSettings::exportSize() const {
  ExportSize size;
  if (const auto stored = parse_size(settings_.value(kExportSize).toString(), 200)) size.size = *stored;
  size.dpi = std::clamp(settings_.value(kExportDpi, kLogicalDpi).toInt(), 48, 1200);
  return size;
}

void AppSettings::setExportSize(const ExportSize& size) {
  settings_.setValue(kExportSize, QStringLiteral("%1x%2").arg(size.size.width()).arg(size.size.height()));
  settings_.setValue(kExportDpi, size.dpi);
}

}  // namespace as::ui
