#pragma once
// The teaching panels of the workbench, added to a MainWindow by one call: the step-through of
// one head, the attention difference and the positional encodings as tabs beside the heatmap,
// presentation mode, and a "Teach" menu for all of them. They listen to the window's session
// and follow the heatmap's layer and head; the window knows nothing else about them.
#include <QObject>

class QAction;

namespace as::ui {

class DiffView;
class MainWindow;
class PositionalView;
class PresentationMode;
class StepThroughView;

class TeachingPanels : public QObject {
  Q_OBJECT

 public:
  // `threads` for the difference view's own sessions (0 = all cores).
  TeachingPanels(MainWindow* window, int threads);

  StepThroughView* stepThrough() const { return step_; }
  DiffView* difference() const { return diff_; }
  PositionalView* positional() const { return positional_; }
  PresentationMode* presentation() const { return presentation_; }
  QAction* presentationAction() const { return present_action_; }

  enum class Panel { StepThrough, Difference, Positional };
  void showPanel(Panel panel);

 private:
  void buildTabs();
  void buildMenu();
  void connectWindow();

  MainWindow* window_;
  StepThroughView* step_ = nullptr;
  DiffView* diff_ = nullptr;
  PositionalView* positional_ = nullptr;
  PresentationMode* presentation_ = nullptr;
  QAction* present_action_ = nullptr;
};

}  // namespace as::ui
