#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include "ui/head_grid_view.h"
#include "ui/heatmap_view.h"
#include "ui/load_progress.h"
#include "ui/model_panel.h"
#include "ui/sentence_editor.h"
#include "ui/session_controller.h"
#include "ui/tokens_view.h"

namespace as::ui {

MainWindow::MainWindow(int threads, QWidget* parent)
    : QMainWindow(parent), controller_(new SessionController(threads, this)) {
  setWindowTitle(tr("AttentionScope"));
  setCentralWidget(buildWorkspace());
  buildDocks();
  buildMenus();
  load_progress_ = new LoadProgress(this);
  statusBar()->addPermanentWidget(load_progress_);
  connect(load_progress_, &LoadProgress::cancelRequested, controller_, &SessionController::cancelLoad);
  connectController();
  resize(1400, 900);
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildWorkspace() {
  auto* workspace = new QWidget(this);
  auto* layout = new QVBoxLayout(workspace);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  editor_ = new SentenceEditor(workspace);
  tokens_ = new TokensView(workspace);
  heatmap_ = new HeatmapView(workspace);
  auto* splitter = new QSplitter(Qt::Horizontal, workspace);
  splitter->addWidget(heatmap_);
  splitter->addWidget(buildGridPanel());
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);
  layout->addWidget(editor_);
  layout->addWidget(tokens_);
  layout->addWidget(splitter, 1);

  connect(editor_, &SentenceEditor::inputChanged, this, [this](const QString& a, const QString& b) {
    controller_->requestRun(a, b);
    editor_->showRunning();
  });
  connect(grid_, &HeadGridView::headActivated, heatmap_, &HeatmapView::showHead);
  connect(heatmap_, &HeatmapView::selectionChanged, this, &MainWindow::syncGridSelection);
  return workspace;
}

QWidget* MainWindow::buildGridPanel() {
  auto* panel = new QWidget(this);
  auto* layout = new QVBoxLayout(panel);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* title = new QLabel(tr("<b>All layers × heads</b> — click one to open it in the heatmap"), panel);
  grid_ = new HeadGridView(panel);
  auto* scroll = new QScrollArea(panel);
  scroll->setWidget(grid_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* caption = new QLabel(tr("Attention probabilities; each thumbnail is scaled to its own largest weight."),
                             panel);
  caption->setWordWrap(true);
  caption->setStyleSheet(QStringLiteral("color: #505050;"));
  layout->addWidget(title);
  layout->addWidget(scroll, 1);
  layout->addWidget(caption);
  return panel;
}

void MainWindow::buildDocks() {
  model_panel_ = new ModelPanel(this);
  auto* dock = new QDockWidget(tr("Model"), this);
  dock->setObjectName(QStringLiteral("modelDock"));
  dock->setWidget(model_panel_);
  dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
  dock->setMinimumWidth(280);
  addDockWidget(Qt::LeftDockWidgetArea, dock);
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open model folder…"), this, &MainWindow::chooseModelFolder);
  open->setShortcut(QKeySequence::Open);
  export_action_ = file->addAction(tr("&Export heatmap…"), heatmap_, &HeatmapView::chooseAndExport);
  export_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  export_action_->setEnabled(false);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  for (auto* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
}

void MainWindow::showShortcuts() {
  QMessageBox::information(
      this, tr("Keyboard shortcuts"),
      tr("<table cellspacing=6>"
         "<tr><td><b>Ctrl+O</b></td><td>Open a model folder</td></tr>"
         "<tr><td><b>Ctrl+E</b></td><td>Export the heatmap (PNG / SVG)</td></tr>"
         "<tr><td><b>Enter</b></td><td>Run now instead of waiting for the typing pause</td></tr>"
         "<tr><td><b>Alt+Up / Alt+Down</b></td><td>Previous / next layer</td></tr>"
         "<tr><td><b>Alt+Left / Alt+Right</b></td><td>Previous / next head</td></tr>"
         "<tr><td><b>Alt+1 … Alt+4</b></td><td>One head · mean of heads · max of heads · rollout</td></tr>"
         "<tr><td><b>Alt+S</b></td><td>Probabilities ↔ pre-softmax scores</td></tr>"
         "<tr><td><b>Alt+U</b></td><td>Fixed 0–1 colour scale on / off</td></tr>"
         "</table>"));
}

void MainWindow::connectController() {
  connect(controller_, &SessionController::loadStarted, this, &MainWindow::onLoadStarted);
  connect(controller_, &SessionController::loadProgress, load_progress_, &LoadProgress::update);
  connect(controller_, &SessionController::modelLoaded, this, &MainWindow::onModelLoaded);
  connect(controller_, &SessionController::loadFailed, this, &MainWindow::onLoadFailed);
  connect(controller_, &SessionController::loadCancelled, this, &MainWindow::onLoadCancelled);
  connect(controller_, &SessionController::runFinished, this, &MainWindow::onRunFinished);
  connect(controller_, &SessionController::runFailed, this, &MainWindow::onRunFailed);
}

void MainWindow::openModel(const QString& dir) { controller_->openModel(QDir(dir).absolutePath()); }

void MainWindow::chooseModelFolder() {
  const QString start = controller_->model() ? QString::fromStdString(controller_->model()->info.path) : QDir::currentPath();
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a HuggingFace checkpoint folder"), start);
  if (!dir.isEmpty()) openModel(dir);
}

void MainWindow::showError(const QString& title, const QString& message) {
  // Non-blocking, so a load error never stalls the event loop (or a --screenshot run).
  auto* box = new QMessageBox(QMessageBox::Critical, title, message, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

void MainWindow::onLoadStarted(const QString& dir) {
  load_progress_->start(dir);
  statusBar()->clearMessage();
}

void MainWindow::onModelLoaded(const ModelSummaryPtr& summary) {
  if (!controller_->isLoading()) load_progress_->finish();
  model_panel_->showModel(*summary);
  editor_->setModel(*summary);
  const QString name = QDir(QString::fromStdString(summary->info.path)).dirName();
  setWindowTitle(tr("%1 — AttentionScope").arg(name));
  statusBar()->showMessage(tr("Loaded %1").arg(name), 5000);
  editor_->setTexts(editor_->textA(), editor_->textB());  // show the current sentence through the new model
}

void MainWindow::onLoadFailed(const QString& dir, const QString& message) {
  if (!controller_->isLoading()) load_progress_->finish();
  const QString kept = controller_->model() ? tr("\n\nThe previous model is still loaded.") : QString();
  showError(tr("Could not load model"), tr("Could not load %1:\n\n%2%3").arg(dir, message, kept));
}

void MainWindow::onLoadCancelled(const QString& dir) {
  if (!controller_->isLoading()) load_progress_->finish();
  statusBar()->showMessage(tr("Loading %1 cancelled").arg(QDir(dir).dirName()), 5000);
}

void MainWindow::onRunFinished(const RunResultPtr& result) {
  editor_->showResult(*result);
  tokens_->setResult(*result);
  heatmap_->setResult(result);
  grid_->setResult(result);
  syncGridSelection();
  export_action_->setEnabled(heatmap_->canExport());
}

void MainWindow::onRunFailed(quint64, const QString& message) { editor_->showError(message); }

void MainWindow::syncGridSelection() {
  const HeatmapSelection selection = heatmap_->selection();
  const int layer = static_cast<int>(selection.layer);
  const int first_layer = selection.mode == HeatmapMode::Rollout ? 0 : layer;
  const int head = selection.mode == HeatmapMode::SingleHead ? static_cast<int>(selection.head) : -1;
  grid_->setSelected(first_layer, layer, head);
  export_action_->setEnabled(heatmap_->canExport());
}

}  // namespace as::ui
