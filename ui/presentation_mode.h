#pragma once
// Presentation mode for teaching with a projector: the window goes full screen with larger text
// and a high-contrast colour map, the side panels make room, and a saved list of example
// sentences is stepped through with the arrow keys (Left/Right, or PageUp/PageDown as a
// presentation clicker sends them); each one is run at once. Esc leaves and restores the window,
// the text size, the colour map and the panels exactly as they were. The list is kept in the
// settings and edited in a small dialog (one example per line, "A || B" for a BERT pair).
#include <QObject>
#include <QStringList>

#include "ui/colour_scale.h"

namespace as::ui {

class MainWindow;

class PresentationMode : public QObject {
  Q_OBJECT

 public:
  static constexpr int kExtraPoints = 6;  // added to the window's text size while presenting

  explicit PresentationMode(MainWindow* window);

  bool isActive() const { return active_; }
  void enter();
  void leave();
  void toggle() { active_ ? leave() : enter(); }

  // The examples, persisted; an empty saved list gives the built-in ones.
  QStringList sentences() const;
  void setSentences(const QStringList& sentences);
  static QStringList defaultSentences();
  int currentIndex() const { return index_; }
  void showSentence(int index);  // wraps around
  void next() { showSentence(index_ + 1); }
  void previous() { showSentence(index_ - 1); }
  void editSentences();  // opens the dialog

 signals:
  void activeChanged(bool active);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  struct Saved {
    Qt::WindowStates states;
    int font_delta = 0;
    ColourMap colours = ColourMap::Viridis;
    QList<QWidget*> hidden;  // docks and tool bars put away while presenting
  };

  MainWindow* window_;
  bool active_ = false;
  int index_ = -1;
  Saved saved_;
};

// "A || B" -> {"A", "B"}; a line without "||" -> {line, ""}.
std::pair<QString, QString> split_example(const QString& line);

}  // namespace as::ui
