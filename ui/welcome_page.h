#pragma once
// What the window shows before any model is loaded: what the program needs, a button to open a
// checkpoint folder, the recently used ones, and where a default model would be found.
#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace as::ui {

class WelcomePage : public QWidget {
  Q_OBJECT

 public:
  explicit WelcomePage(QWidget* parent = nullptr);

  void setRecent(const QStringList& folders);
  void setDefaultLocation(const QString& folder);
  QPushButton* openButton() const { return open_; }

 signals:
  void openRequested();
  void recentChosen(const QString& dir);

 private:
  QPushButton* open_ = nullptr;
  QWidget* recent_box_ = nullptr;
  QVBoxLayout* recent_list_ = nullptr;
  QLabel* default_hint_ = nullptr;
};

}  // namespace as::ui
