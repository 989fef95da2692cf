#pragma once
// The application window: menus and toolbar, the model panel dock, the load progress strip, a
// welcome page until a model is loaded, and the views. It wires the views to the
// SessionController and to each other (the hovered token is shared by all), and holds no model
// state of its own beyond the latest result the views show.
#include <QFont>
#include <QMainWindow>

#include "ui/app_settings.h"
#include "ui/colour_scale.h"
#include "ui/run_types.h"

class QAction;
class QActionGroup;
class QMenu;
class QMimeData;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace as::ui {

class ExportActions;
class FillMaskPanel;
class GenerationPanel;
class HeadGridView;
class HeadLinesView;
class HeatmapView;
class LoadProgress;
class ModelPanel;
class SentenceEditor;
class SessionController;
class TeachingPanels;
class TokensView;
class WelcomePage;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // `threads` for the CPU backend; 0 = all cores.
  explicit MainWindow(int threads = 0, QWidget* parent = nullptr);
  ~MainWindow() override;

  SessionController* controller() const { return controller_; }
  void openModel(const QString& dir);
  // Opens `given`, else the last model, else an installed default; else stays on the welcome
  // page and returns false.
  // Loads from now on go to `spec` ("cpu", "opencl:N"); remembered in the settings.
  void useBackend(const QString& spec) { chooseBackend(spec); }
  bool openStartupModel(const QString& given);

  SentenceEditor* sentenceEditor() const { return editor_; }
  TokensView* tokensView() const { return tokens_; }
  HeatmapView* heatmapView() const { return heatmap_; }
  HeadGridView* headGridView() const { return grid_; }
  HeadLinesView* headLinesView() const { return lines_; }
  ExportActions* exportActions() const { return exports_; }
  WelcomePage* welcomePage() const { return welcome_; }
  QTabWidget* viewTabs() const { return view_tabs_; }
  TeachingPanels* teachingPanels() const { return teaching_; }
  FillMaskPanel* fillMaskPanel() const { return fill_mask_; }
  GenerationPanel* generationPanel() const { return generation_; }
  enum class Panel { FillMask, Generation };
  // Opens a teaching dock (they start closed, so the attention views keep the window's width).
  void showPanel(Panel panel);
  bool showsWelcome() const;

  enum class View { Heatmap, HeadLines, Grid };
  // Brings a view to the front (the grid: gives it most of the width).
  void showView(View view);

  int hoveredToken() const { return hovered_; }
  ColourMap colourMap() const { return colours_; }
  void setColourMap(ColourMap colours);
  int fontDelta() const { return font_delta_; }
  void setFontDelta(int delta);
  void changeFontDelta(int step);  // the menu's Larger / Smaller text: also says the new size

  // The checkpoint folder a drag carries, if it carries one.
  static QString modelFolderIn(const QMimeData* mime);

 public slots:
  // The token pointed at in any view (-1: none); every view shows it.
  void setHoveredToken(int index);

 signals:
  void hoveredTokenChanged(int index);

 protected:
  void closeEvent(QCloseEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;  // folder drops onto the text fields
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  // main_window.cpp: building and wiring
  QWidget* buildWorkspace();
  QWidget* buildGridPanel();
  void buildDocks();
  void connectViews();
  void connectController();
  void restoreSettings();
  void showError(const QString& title, const QString& message);
  void highlightInEditor(int index);

  void onLoadStarted(const QString& dir);
  void onModelLoaded(const ModelSummaryPtr& summary);
  void onLoadFailed(const QString& dir, const QString& message);
  void onLoadCancelled(const QString& dir);
  void onRunFinished(const RunResultPtr& result);
  void onRunFailed(quint64 generation, const QString& message);
  void syncGridSelection();

  // main_window_menus.cpp: menus, toolbar, recent models, text size and colour map
  void buildMenus();
  void buildFileMenu();
  void buildViewMenu();
  void buildToolBar();
  void rebuildRecentMenu();
  void rebuildCachedModels();  // the File menu's and the welcome page's lists of the hub cache
  // main_window_backend.cpp: the compute backend (CPU or an OpenCL device)
  void buildBackendMenu(QMenu* parent);
  void fillBackendMenu();
  void chooseBackend(const QString& spec);
  void chooseModelFolder();
  void showGetModels();
  void showShortcuts();
  void showAbout();
  void showSettings();

  // main_window_teaching.cpp: the fill-mask and generation docks
  void buildTeachingDocks();

  SessionController* controller_ = nullptr;
  AppSettings settings_;
  ModelPanel* model_panel_ = nullptr;
  LoadProgress* load_progress_ = nullptr;
  QStackedWidget* pages_ = nullptr;
  WelcomePage* welcome_ = nullptr;
  QWidget* workspace_ = nullptr;
  SentenceEditor* editor_ = nullptr;
  TokensView* tokens_ = nullptr;
  QSplitter* splitter_ = nullptr;
  QTabWidget* view_tabs_ = nullptr;
  HeatmapView* heatmap_ = nullptr;
  HeadLinesView* lines_ = nullptr;
  HeadGridView* grid_ = nullptr;
  ExportActions* exports_ = nullptr;
  TeachingPanels* teaching_ = nullptr;
  QMenu* recent_menu_ = nullptr;
  QMenu* cached_menu_ = nullptr;
  QMenu* backend_menu_ = nullptr;
  QActionGroup* colour_actions_ = nullptr;
  FillMaskPanel* fill_mask_ = nullptr;
  GenerationPanel* generation_ = nullptr;
  RunResultPtr result_;
  int hovered_ = -1;
  ColourMap colours_ = ColourMap::Viridis;
  QFont base_font_;
  int font_delta_ = 0;
};

}  // namespace as::ui
