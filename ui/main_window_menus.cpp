// MainWindow's menus and toolbar, the recent-models list, the text size and the colour map.
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>

#include "hub/cache_scan.h"
#include "hub/hub_cache.h"
#include "ui/export_actions.h"
#include "ui/get_models_dialog.h"
#include "ui/head_grid_view.h"
#include "ui/heatmap_view.h"
#include "ui/main_window.h"
#include "ui/model_name.h"
#include "ui/qt_colours.h"
#include "ui/session_controller.h"
#include "ui/settings_dialog.h"
#include "ui/welcome_page.h"

namespace as::ui {
namespace {

constexpr int kMinFontDelta = -4;
constexpr int kMaxFontDelta = 24;

// Reads only config.json and file sizes of each snapshot: quick enough for the GUI thread.
QList<CachedModelEntry> cached_model_entries() {
  QList<CachedModelEntry> entries;
  std::vector<hub::CachedModel> models;
  try {
    models = hub::list_cached_models(hub::default_cache_root());
  } catch (const std::exception&) {
    return entries;  // no cache location (no HOME): nothing to list
  }
  for (const hub::CachedModel& m : models) {
    const QString version = m.refs.empty() ? QString::fromStdString(m.commit.substr(0, 10)) : QString::fromStdString(m.refs.front());
    const QString folder = QString::fromStdString(m.snapshot.string());
    entries.push_back({QStringLiteral("%1 · %2").arg(QString::fromStdString(m.repo_id), version),
                       QStringLiteral("%1 · %2 MB · commit %3\n%4")
                           .arg(QString::fromStdString(m.model_type))
                           .arg(static_cast<double>(m.size_bytes) / 1e6, 0, 'f', 1)
                           .arg(QString::fromStdString(m.commit), folder),
                       folder});
  }
  return entries;
}

}  // namespace

void MainWindow::buildMenus() {
  buildFileMenu();
  buildViewMenu();
  buildToolBar();
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
  help->addAction(tr("&About AttentionScope"), this, &MainWindow::showAbout);
}

void MainWindow::buildFileMenu() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open model folder…"), this, &MainWindow::chooseModelFolder);
  open->setObjectName(QStringLiteral("openAction"));
  open->setShortcut(QKeySequence::Open);
  QAction* get_models = file->addAction(tr("&Get models from Hugging Face…"), this, &MainWindow::showGetModels);
  get_models->setObjectName(QStringLiteral("getModelsAction"));
  recent_menu_ = file->addMenu(tr("Open &Recent"));
  rebuildRecentMenu();
  cached_menu_ = file->addMenu(tr("Open from Hugging Face &cache"));
  cached_menu_->setObjectName(QStringLiteral("cachedModelsMenu"));
  connect(file, &QMenu::aboutToShow, this, &MainWindow::rebuildCachedModels);
  buildBackendMenu(file);
  file->addSeparator();
  file->addAction(exports_->figureAction());
  file->addAction(exports_->csvAction());
  file->addAction(exports_->jsonAction());
  file->addAction(exports_->batchAction());
  file->addSeparator();
  QAction* preferences = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
  preferences->setObjectName(QStringLiteral("settingsAction"));
  preferences->setShortcut(QKeySequence::Preferences);
  preferences->setMenuRole(QAction::PreferencesRole);
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::buildViewMenu() {
  QMenu* view = menuBar()->addMenu(tr("&View"));
  for (auto* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());
  view->addSeparator();
  QAction* larger = view->addAction(tr("&Larger text"), this, [this] { changeFontDelta(+1); });
  larger->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
  larger->setObjectName(QStringLiteral("largerText"));
  QAction* smaller = view->addAction(tr("&Smaller text"), this, [this] { changeFontDelta(-1); });
  smaller->setShortcut(QKeySequence::ZoomOut);
  smaller->setObjectName(QStringLiteral("smallerText"));
  QAction* normal = view->addAction(tr("&Normal text size"), this, [this] { changeFontDelta(-font_delta_); });
  normal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  view->addSeparator();
  QMenu* colours = view->addMenu(tr("&Colour map"));
  colour_actions_ = new QActionGroup(this);
  for (ColourMap map : all_colour_maps()) {
    QAction* action = colours->addAction(colour_map_title(map), this, [this, map] { setColourMap(map); });
    action->setCheckable(true);
    action->setData(static_cast<int>(map));
    colour_actions_->addAction(action);
  }
  view->addSeparator();
  view->addAction(tr("&Heatmap"), this, [this] { showView(View::Heatmap); })->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
  view->addAction(tr("Head &view (lines)"), this, [this] { showView(View::HeadLines); })
      ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
  view->addAction(tr("&Model view alone (all layers × heads)"), this, [this] { showView(View::Grid); })
      ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
}

void MainWindow::buildToolBar() {
  QToolBar* bar = addToolBar(tr("Toolbar"));
  bar->setObjectName(QStringLiteral("mainToolBar"));
  bar->setMovable(false);
  bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  bar->addAction(findChild<QAction*>(QStringLiteral("openAction")));
  bar->addAction(findChild<QAction*>(QStringLiteral("getModelsAction")));
  bar->addSeparator();
  bar->addAction(exports_->figureAction());
  bar->addAction(exports_->batchAction());
  bar->addSeparator();
  bar->addAction(findChild<QAction*>(QStringLiteral("smallerText")));
  bar->addAction(findChild<QAction*>(QStringLiteral("largerText")));
  // Tool buttons show an action's icon text: short labels there, the long ones in the menus.
  findChild<QAction*>(QStringLiteral("openAction"))->setIconText(tr("Open model…"));
  findChild<QAction*>(QStringLiteral("getModelsAction"))->setIconText(tr("Get models…"));
  exports_->figureAction()->setIconText(tr("Export…"));
  exports_->batchAction()->setIconText(tr("Export all heads…"));
  findChild<QAction*>(QStringLiteral("smallerText"))->setIconText(tr("A−"));
  findChild<QAction*>(QStringLiteral("largerText"))->setIconText(tr("A+"));
}

void MainWindow::rebuildRecentMenu() {
  const QStringList recent = settings_.recentModels();
  recent_menu_->clear();
  for (const QString& dir : recent) {
    QAction* action = recent_menu_->addAction(model_display_name(dir), this, [this, dir] { openModel(dir); });
    action->setToolTip(dir);
    action->setStatusTip(dir);
  }
  if (!recent.isEmpty()) recent_menu_->addSeparator();
  QAction* clear = recent_menu_->addAction(tr("Clear list"), this, [this] {
    settings_.clearRecentModels();
    rebuildRecentMenu();
  });
  clear->setEnabled(!recent.isEmpty());
  welcome_->setRecent(recent);
}

void MainWindow::rebuildCachedModels() {
  const QList<CachedModelEntry> entries = cached_model_entries();
  cached_menu_->clear();
  for (const CachedModelEntry& entry : entries) {
    QAction* action = cached_menu_->addAction(entry.title, this, [this, folder = entry.folder] { openModel(folder); });
    action->setToolTip(entry.details);
    action->setStatusTip(entry.folder);
  }
  if (entries.isEmpty()) cached_menu_->addAction(tr("(none yet: File › Get models from Hugging Face…)"))->setEnabled(false);
  welcome_->setCached(entries);
}

void MainWindow::showGetModels() {
  auto* dialog = new GetModelsDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &GetModelsDialog::modelReady, this, [this](const QString& folder) {
    rebuildCachedModels();
    openModel(folder);
  });
  dialog->open();
}

void MainWindow::chooseModelFolder() {
  const QString start = controller_->model() ? QString::fromStdString(controller_->model()->info.path)
                                             : settings_.recentModels().value(0, QDir::homePath());
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a HuggingFace checkpoint folder"), start);
  if (!dir.isEmpty()) openModel(dir);
}

void MainWindow::setColourMap(ColourMap colours) {
  colours_ = colours;
  heatmap_->setColourMap(colours);
  grid_->setColourMap(colours);
  exports_->setColourMap(colours);
  settings_.setColourMap(colours);
  for (QAction* action : colour_actions_->actions()) action->setChecked(action->data().toInt() == static_cast<int>(colours));
}

// For projectors: the whole window's text grows, plots and grid labels included.
void MainWindow::setFontDelta(int delta) {
  font_delta_ = std::clamp(delta, kMinFontDelta, kMaxFontDelta);
  QFont font = base_font_;
  font.setPointSizeF(std::max(4.0, base_font_.pointSizeF() + font_delta_));
  // The application font reaches dialogs, menus and exported figures made from now on; the
  // window's own font reaches every view at once (the application's font change is only
  // broadcast while the event loop runs).
  QApplication::setFont(font);
  setFont(font);
  // Widgets styled by a style sheet (badges, captions) are skipped by font propagation.
  for (QWidget* widget : findChildren<QWidget*>()) {
    if (!widget->testAttribute(Qt::WA_StyleSheet)) continue;
    widget->setFont(font);
    widget->style()->unpolish(widget);  // re-applies the sheet's own font rules (bold) on top
    widget->style()->polish(widget);
  }
  settings_.setFontDelta(font_delta_);
}

void MainWindow::changeFontDelta(int step) {
  setFontDelta(font_delta_ + step);
  statusBar()->showMessage(tr("Text size %1 pt").arg(QApplication::font().pointSizeF()), 2000);
}

void MainWindow::showShortcuts() {
  QMessageBox::information(
      this, tr("Keyboard shortcuts"),
      tr("<table cellspacing=6>"
         "<tr><td><b>Ctrl+O</b></td><td>Open a model folder (or drop one onto the window)</td></tr>"
         "<tr><td><b>Ctrl+E</b></td><td>Export the heatmap, the grid or the head view (PNG / SVG / PDF)</td></tr>"
         "<tr><td><b>Enter</b></td><td>Run now instead of waiting for the typing pause</td></tr>"
         "<tr><td><b>Alt+Up / Alt+Down</b></td><td>Previous / next layer</td></tr>"
         "<tr><td><b>Alt+Left / Alt+Right</b></td><td>Previous / next head</td></tr>"
         "<tr><td><b>Alt+1 … Alt+4</b></td><td>One head · mean of heads · max of heads · rollout</td></tr>"
         "<tr><td><b>Alt+S</b></td><td>Probabilities ↔ pre-softmax scores</td></tr>"
         "<tr><td><b>Alt+U</b></td><td>Fixed 0–1 colour scale on / off</td></tr>"
         "<tr><td><b>Ctrl+1 / Ctrl+2 / Ctrl+3</b></td><td>Heatmap / head view / model view alone</td></tr>"
         "<tr><td><b>Ctrl++ / Ctrl+− / Ctrl+0</b></td><td>Larger / smaller / normal text</td></tr>"
         "<tr><td><b>Right-click a token</b></td><td>How its word was split</td></tr>"
         "<tr><td><b>Ctrl+M</b></td><td>Put the mask token over the selected word (fill-mask)</td></tr>"
         "</table>"));
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About AttentionScope"),
                     tr("<b>AttentionScope %1</b><br>See how BERT and GPT-2 attend, layer by layer and head by head."
                        "<br><br>Attention rollout: Abnar &amp; Zuidema, 2020. Head view after bertviz (Vig, 2019).")
                         .arg(QApplication::applicationVersion()));
}

void MainWindow::showSettings() {
  SettingsDialog dialog(this);
  dialog.exec();
}

}  // namespace as::ui
