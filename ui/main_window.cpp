#include "ui/main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/default_model.h"
#include "ui/export_actions.h"
#include "ui/grid_figure.h"
#include "ui/head_grid_view.h"
#include "ui/head_lines_view.h"
#include "ui/heatmap_view.h"
#include "ui/load_progress.h"
#include "ui/model_name.h"
#include "ui/model_panel.h"
#include "ui/sentence_editor.h"
#include "ui/session_controller.h"
#include "ui/teaching_panels.h"
#include "ui/tokens_view.h"
#include "ui/welcome_page.h"

namespace as::ui {

MainWindow::MainWindow(int threads, QWidget* parent)
    : QMainWindow(parent), controller_(new SessionController(threads, this)), base_font_(QApplication::font()) {
  setWindowTitle(tr("AttentionScope"));
  setAcceptDrops(true);
  pages_ = new QStackedWidget(this);
  welcome_ = new WelcomePage(pages_);
  workspace_ = buildWorkspace();
  pages_->addWidget(welcome_);
  pages_->addWidget(workspace_);
  setCentralWidget(pages_);
  buildDocks();
  buildTeachingDocks();
  exports_ = new ExportActions(this, {heatmap_, grid_, lines_}, settings_);
  buildMenus();
  teaching_ = new TeachingPanels(this, threads);
  load_progress_ = new LoadProgress(this);
  statusBar()->addPermanentWidget(load_progress_);
  connect(load_progress_, &LoadProgress::cancelRequested, controller_, &SessionController::cancelLoad);
  connectViews();
  connectController();
  restoreSettings();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildWorkspace() {
  auto* workspace = new QWidget(this);
  auto* layout = new QVBoxLayout(workspace);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  editor_ = new SentenceEditor(workspace);
  tokens_ = new TokensView(workspace);
  view_tabs_ = new QTabWidget(workspace);
  heatmap_ = new HeatmapView(view_tabs_);
  lines_ = new HeadLinesView(view_tabs_);
  view_tabs_->addTab(heatmap_, tr("Heatmap"));
  view_tabs_->addTab(lines_, tr("Head view (lines)"));
  view_tabs_->setDocumentMode(true);
  splitter_ = new QSplitter(Qt::Horizontal, workspace);
  splitter_->addWidget(view_tabs_);
  splitter_->addWidget(buildGridPanel());
  splitter_->setStretchFactor(0, 3);
  splitter_->setStretchFactor(1, 2);
  layout->addWidget(editor_);
  layout->addWidget(tokens_);
  layout->addWidget(splitter_, 1);
  return workspace;
}

QWidget* MainWindow::buildGridPanel() {
  auto* panel = new QWidget(this);
  auto* layout = new QVBoxLayout(panel);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* title = new QLabel(tr("<b>All layers × heads</b> — click one to open it in the heatmap"), panel);
  title->setWordWrap(true);
  grid_ = new HeadGridView(panel);
  auto* scroll = new QScrollArea(panel);
  scroll->setWidget(grid_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* caption = new QLabel(GridFigure::caption(), panel);
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

void MainWindow::connectViews() {
  connect(editor_, &SentenceEditor::inputChanged, this, [this](const QString& a, const QString& b) {
    controller_->addFocusLayer(static_cast<int>(heatmap_->selection().layer));
    controller_->requestRun(a, b);
    editor_->showRunning();
  });
  connect(grid_, &HeadGridView::headActivated, heatmap_, &HeatmapView::showHead);
  connect(grid_, &HeadGridView::headActivated, this, [this] { showView(View::Heatmap); });
  connect(heatmap_, &HeatmapView::selectionChanged, this, &MainWindow::syncGridSelection);
  // Long inputs keep only the layers on screen: a view showing another asks for a run keeping it.
  connect(heatmap_, &HeatmapView::layerNeeded, controller_, &SessionController::requestLayer);
  connect(lines_, &HeadLinesView::layerNeeded, controller_, &SessionController::requestLayer);
  connect(view_tabs_, &QTabWidget::currentChanged, this, [this] {
    exports_->setCurrentTarget(view_tabs_->currentWidget() == lines_ ? ExportTarget::HeadLines : ExportTarget::Heatmap);
  });
  connect(exports_, &ExportActions::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  // A text field takes dropped text; a dropped checkpoint folder is for the window.
  for (QLineEdit* field : editor_->findChildren<QLineEdit*>()) field->installEventFilter(this);
  connect(welcome_, &WelcomePage::openRequested, this, &MainWindow::chooseModelFolder);
  connect(welcome_, &WelcomePage::recentChosen, this, &MainWindow::openModel);
  connect(welcome_, &WelcomePage::getModelsRequested, this, &MainWindow::showGetModels);
  // One hovered token for the whole window: each view reports it and each view shows it.
  connect(tokens_, &TokensView::tokenHovered, this, &MainWindow::setHoveredToken);
  connect(heatmap_, &HeatmapView::tokenHovered, this, &MainWindow::setHoveredToken);
  connect(lines_, &HeadLinesView::tokenHovered, this, &MainWindow::setHoveredToken);
  connect(this, &MainWindow::hoveredTokenChanged, tokens_, &TokensView::setHoveredToken);
  connect(this, &MainWindow::hoveredTokenChanged, heatmap_, &HeatmapView::setHoveredToken);
  connect(this, &MainWindow::hoveredTokenChanged, lines_, &HeadLinesView::setHoveredToken);
  connect(this, &MainWindow::hoveredTokenChanged, this, &MainWindow::highlightInEditor);
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

void MainWindow::restoreSettings() {
  resize(1400, 900);
  restoreGeometry(settings_.windowGeometry());
  restoreState(settings_.windowState());
  // The views share the width 3:2 until the user moves the divider (then it is remembered).
  if (!splitter_->restoreState(settings_.splitterState())) splitter_->setSizes({660, 440});
  setColourMap(settings_.colourMap());
  setFontDelta(settings_.fontDelta());
  controller_->setBackend(settings_.backend());
  welcome_->setRecent(settings_.recentModels());
  rebuildCachedModels();
  const QStringList candidates = default_model_candidates();
  welcome_->setDefaultLocation(candidates.value(0));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  settings_.setWindow(saveGeometry(), saveState(), splitter_->saveState());
  QMainWindow::closeEvent(event);
}

bool MainWindow::showsWelcome() const { return pages_->currentWidget() == welcome_; }

void MainWindow::showView(View view) {
  const int width = splitter_->width();
  if (view == View::Grid) {  // the model view alone, as large as it gets; the divider brings the rest back
    splitter_->setSizes({0, width});
    return;
  }
  if (splitter_->sizes().value(0) == 0) splitter_->setSizes({width * 3 / 5, width * 2 / 5});
  view_tabs_->setCurrentWidget(view == View::HeadLines ? static_cast<QWidget*>(lines_) : heatmap_);
}

QString MainWindow::modelFolderIn(const QMimeData* mime) {
  if (mime == nullptr || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().front().isLocalFile()) return {};
  const QFileInfo info(mime->urls().front().toLocalFile());
  // A folder, or a file inside one (config.json, the weights): the checkpoint is the folder.
  const QString dir = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
  return looks_like_model(dir) ? dir : QString();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (!modelFolderIn(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
    auto* drag = static_cast<QDropEvent*>(event);
    if (!modelFolderIn(drag->mimeData()).isEmpty()) {
      drag->acceptProposedAction();
      return true;
    }
  }
  if (event->type() == QEvent::Drop && !modelFolderIn(static_cast<QDropEvent*>(event)->mimeData()).isEmpty()) {
    dropEvent(static_cast<QDropEvent*>(event));
    return true;
  }
  return QMainWindow::eventFilter(watched, event);
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QString dir = modelFolderIn(event->mimeData());
  if (dir.isEmpty()) return;
  event->acceptProposedAction();
  openModel(dir);
}

void MainWindow::openModel(const QString& dir) { controller_->openModel(QDir(dir).absolutePath()); }

bool MainWindow::openStartupModel(const QString& given) {
  const QString dir = startup_model(given, settings_.lastModel(), default_model_candidates());
  if (dir.isEmpty()) return false;
  openModel(dir);
  return true;
}

void MainWindow::showError(const QString& title, const QString& message) {
  // Non-blocking, so a load error never stalls the event loop (or a --screenshot run).
  auto* box = new QMessageBox(QMessageBox::Critical, title, message, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

void MainWindow::setHoveredToken(int index) {
  if (!result_ || index >= result_->token_count()) index = -1;
  if (index == hovered_) return;
  hovered_ = index;
  emit hoveredTokenChanged(index);
}

void MainWindow::highlightInEditor(int index) {
  if (!result_ || index < 0) {
    editor_->clearHighlight();
    return;
  }
  const auto i = static_cast<size_t>(index);
  const Token& token = result_->encoding.tokens[i];
  const bool second = result_->in_second_sentence(i);
  const std::string& text = second ? result_->request.text_b : result_->request.text_a;
  editor_->highlightSpan(second, QString::fromStdString(text), token.start, token.end);
}

void MainWindow::onLoadStarted(const QString& dir) {
  load_progress_->start(dir);
  statusBar()->clearMessage();
}

void MainWindow::onModelLoaded(const ModelSummaryPtr& summary) {
  if (!controller_->isLoading()) load_progress_->finish();
  pages_->setCurrentWidget(workspace_);
  model_panel_->showModel(*summary);
  editor_->setModel(*summary);
  const QString path = QString::fromStdString(summary->info.path);
  settings_.rememberModel(path);
  rebuildRecentMenu();
  const QString name = model_display_name(path);
  setWindowTitle(tr("%1 — AttentionScope").arg(name));
  if (summary->fallback_reason.empty())
    statusBar()->showMessage(tr("Loaded %1").arg(name), 5000);
  else  // stays until the next message: the user chose OpenCL and should know it is not used
    statusBar()->showMessage(tr("Loaded %1 on the CPU: OpenCL could not be used (%2)")
                                 .arg(name, QString::fromStdString(summary->fallback_reason)));
  editor_->setTexts(editor_->textA(), editor_->textB());  // show the current sentence through the new model
}

void MainWindow::onLoadFailed(const QString& dir, const QString& message) {
  if (!controller_->isLoading()) load_progress_->finish();
  const QString kept = controller_->model() ? tr("\n\nThe previous model is still loaded.") : QString();
  showError(tr("Could not load model"), tr("Could not load %1:\n\n%2%3").arg(dir, message, kept));
}

void MainWindow::onLoadCancelled(const QString& dir) {
  if (!controller_->isLoading()) load_progress_->finish();
  statusBar()->showMessage(tr("Loading %1 cancelled").arg(model_display_name(dir)), 5000);
}

void MainWindow::onRunFinished(const RunResultPtr& result) {
  setHoveredToken(-1);  // token indices of the previous result mean nothing in this one
  result_ = result;
  editor_->showResult(*result);
  tokens_->setResult(result);
  heatmap_->setResult(result);
  lines_->setResult(result);
  grid_->setResult(result);
  exports_->setResult(result);
  syncGridSelection();
}

void MainWindow::onRunFailed(quint64, const QString& message) { editor_->showError(message); }

void MainWindow::syncGridSelection() {
  const HeatmapSelection selection = heatmap_->selection();
  const int layer = static_cast<int>(selection.layer);
  const int first_layer = selection.mode == HeatmapMode::Rollout ? 0 : layer;
  const int head = selection.mode == HeatmapMode::SingleHead ? static_cast<int>(selection.head) : -1;
  grid_->setSelected(first_layer, layer, head);
  lines_->setLayer(layer);  // the head view follows the layer being studied
  exports_->updateEnabled();
}

}  // namespace as::ui
