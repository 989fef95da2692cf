#pragma once
// The application window: menus, the model panel dock, the load progress strip, and the views.
// It wires views to the SessionController and holds no model state of its own.
#include <QMainWindow>

#include "ui/run_types.h"

class QAction;

namespace as::ui {

class HeadGridView;
class HeatmapView;
class LoadProgress;
class ModelPanel;
class SentenceEditor;
class SessionController;
class TokensView;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // `threads` for the CPU backend; 0 = all cores.
  explicit MainWindow(int threads = 0, QWidget* parent = nullptr);
  ~MainWindow() override;

  SessionController* controller() const { return controller_; }
  void openModel(const QString& dir);

  SentenceEditor* sentenceEditor() const { return editor_; }
  TokensView* tokensView() const { return tokens_; }
  HeatmapView* heatmapView() const { return heatmap_; }
  HeadGridView* headGridView() const { return grid_; }

 private:
  void buildMenus();
  void buildDocks();
  QWidget* buildWorkspace();
  QWidget* buildGridPanel();
  void showShortcuts();
  void connectController();
  void chooseModelFolder();
  void showError(const QString& title, const QString& message);

  void onLoadStarted(const QString& dir);
  void onModelLoaded(const ModelSummaryPtr& summary);
  void onLoadFailed(const QString& dir, const QString& message);
  void onLoadCancelled(const QString& dir);
  void onRunFinished(const RunResultPtr& result);
  void onRunFailed(quint64 generation, const QString& message);
  void syncGridSelection();

  SessionController* controller_ = nullptr;
  ModelPanel* model_panel_ = nullptr;
  LoadProgress* load_progress_ = nullptr;
  SentenceEditor* editor_ = nullptr;
  TokensView* tokens_ = nullptr;
  HeatmapView* heatmap_ = nullptr;
  HeadGridView* grid_ = nullptr;
  QAction* export_action_ = nullptr;
};

}  // namespace as::ui
