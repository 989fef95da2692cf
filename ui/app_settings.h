#pragma once
// What the workbench remembers between sessions (QSettings): the last model and the recent
// ones, window geometry and dock layout, colour map, text size and export choices. Tests run
// with QStandardPaths' test mode, so they never touch a user's real settings.
#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include "ui/colour_scale.h"
#include "ui/export_types.h"

namespace as::ui {

class AppSettings {
 public:
  static constexpr int kMaxRecent = 8;

  AppSettings();

  QString lastModel() const;
  // Remembers `dir` as the last model and puts it first in the recent list.
  void rememberModel(const QString& dir);
  QStringList recentModels() const;
  void clearRecentModels();

  QByteArray windowGeometry() const;
  QByteArray windowState() const;
  QByteArray splitterState() const;
  void setWindow(const QByteArray& geometry, const QByteArray& state, const QByteArray& splitter);

  ColourMap colourMap() const;
  void setColourMap(ColourMap colours);
  int fontDelta() const;  // points added to the system font, for projectors
  void setFontDelta(int delta);

  // "cpu" or "opencl:N" (as the CLI's --backend takes it).
  QString backend() const;
  void setBackend(const QString& spec);
  // UI language code ("en", "ko"); empty = follow the system locale. Read once at start.
  QString language() const;
  void setLanguage(const QString& code);

  QString exportFolder() const;
  void setExportFolder(const QString& folder);
  ExportSize exportSize() const;
  void setExportSize(const ExportSize& size);

 private:
  QSettings settings_;
};

// `list` with `dir` first, other copies of it removed, cut to `max` entries.
QStringList with_recent(QStringList list, const QString& dir, int max);

}  // namespace as::ui
