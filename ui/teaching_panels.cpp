#include "ui/teaching_panels.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>

#include "ui/diff_view.h"
#include "ui/heatmap_view.h"
#include "ui/main_window.h"
#include "ui/positional_view.h"
#include "ui/presentation_mode.h"
#include "ui/session_controller.h"
#include "ui/step_through_view.h"

namespace as::ui {

TeachingPanels::TeachingPanels(MainWindow* window, int threads) : QObject(window), window_(window) {
  step_ = new StepThroughView(window->viewTabs());
  diff_ = new DiffView(threads, window->viewTabs());
  positional_ = new PositionalView(window->viewTabs());
  presentation_ = new PresentationMode(window);
  buildTabs();
  buildMenu();
  connectWindow();
}

void TeachingPanels::buildTabs() {
  QTabWidget* tabs = window_->viewTabs();
  tabs->addTab(step_, tr("Step-through"));
  tabs->addTab(diff_, tr("Difference"));
  tabs->addTab(positional_, tr("Positional encoding"));
}

void TeachingPanels::buildMenu() {
  auto* menu = new QMenu(tr("&Teach"), window_);
  // Before Help, which stays last.
  const QList<QAction*> menus = window_->menuBar()->actions();
  window_->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu);
  menu->addAction(tr("&Step through one head"), this, [this] { showPanel(Panel::StepThrough); })
      ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
  menu->addAction(tr("Attention &difference"), this, [this] { showPanel(Panel::Difference); })
      ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
  menu->addAction(tr("&Positional encoding"), this, [this] { showPanel(Panel::Positional); })
      ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_6));
  menu->addSeparator();
  present_action_ = menu->addAction(tr("P&resentation mode"), presentation_, &PresentationMode::toggle);
  present_action_->setShortcut(QKeySequence(Qt::Key_F5));
  present_action_->setCheckable(true);
  present_action_->setObjectName(QStringLiteral("presentationAction"));
  menu->addAction(tr("&Edit presentation examples…"), presentation_, &PresentationMode::editSentences);
  connect(presentation_, &PresentationMode::activeChanged, present_action_, &QAction::setChecked);
}

void TeachingPanels::connectWindow() {
  SessionController* session = window_->controller();
  connect(session, &SessionController::runFinished, step_, &StepThroughView::setResult);
  connect(step_, &StepThroughView::layerNeeded, session, &SessionController::requestLayer);
  connect(session, &SessionController::modelLoaded, positional_, &PositionalView::setModel);
  connect(session, &SessionController::modelLoaded, diff_, &DiffView::setMainModel);
  HeatmapView* heatmap = window_->heatmapView();
  connect(heatmap, &HeatmapView::selectionChanged, this, [this, heatmap] {
    const HeatmapSelection s = heatmap->selection();
    step_->setHead(static_cast<int>(s.layer), static_cast<int>(s.head));
    diff_->setHead(static_cast<int>(s.layer), static_cast<int>(s.head));
  });
  // The token pointed at in any view (a chip, a heatmap row) becomes the step-through's query.
  connect(window_, &MainWindow::hoveredTokenChanged, step_, [this](int index) {
    if (index >= 0) step_->setQuery(index);
  });
}

void TeachingPanels::showPanel(Panel panel) {
  window_->showView(MainWindow::View::Heatmap);  // brings the tabs back if the grid had all the room
  QWidget* page = panel == Panel::StepThrough ? static_cast<QWidget*>(step_)
                  : panel == Panel::Difference ? static_cast<QWidget*>(diff_)
                                               : static_cast<QWidget*>(positional_);
  window_->viewTabs()->setCurrentWidget(page);
}

}  // namespace as::ui
