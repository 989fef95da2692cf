#pragma once
// What the window shows before any model is loaded: what the program needs, a button to open a
// checkpoint folder or get one from Hugging Face, the recently used ones, the models already in the
// Hugging Face cache, and where a default model would be found.
#include <QList>
#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace as::ui {

// A model in the Hugging Face cache: what to call it and the snapshot folder to open.
struct CachedModelEntry {
  QString title;    // "org/name · main"
  QString details;  // tooltip: size, commit, folder
  QString folder;
};

class WelcomePage : public QWidget {
  Q_OBJECT

 public:
  explicit WelcomePage(QWidget* parent = nullptr);

  void setRecent(const QStringList& folders);
  void setCached(const QList<CachedModelEntry>& models);
  void setDefaultLocation(const QString& folder);
  QPushButton* openButton() const { return open_; }

 signals:
  void openRequested();
  void getModelsRequested();
  void recentChosen(const QString& dir);  // a recent or a cached model

 private:
  QPushButton* open_ = nullptr;
  QWidget* recent_box_ = nullptr;
  QVBoxLayout* recent_list_ = nullptr;
  QWidget* cached_box_ = nullptr;
  QVBoxLayout* cached_list_ = nullptr;
  QLabel* default_hint_ = nullptr;
};

}  // namespace as::ui
