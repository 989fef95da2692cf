// MainWindow's teaching docks: fill-mask (with NSP) and generation. Each panel talks to the
// session controller itself; the window only shows it and links it to the sentence editor.
#include <QAction>
#include <QDockWidget>
#include <QToolBar>

#include "ui/fill_mask_panel.h"
#include "ui/generation_panel.h"
#include "ui/main_window.h"
#include "ui/sentence_editor.h"
#include "ui/session_controller.h"

namespace as::ui {

void MainWindow::buildTeachingDocks() {
  fill_mask_ = new FillMaskPanel(controller_, this);
  generation_ = new GenerationPanel(controller_, this);
  auto* fill_dock = new QDockWidget(tr("Fill-mask"), this);
  fill_dock->setObjectName(QStringLiteral("fillMaskDock"));
  fill_dock->setWidget(fill_mask_);
  auto* generation_dock = new QDockWidget(tr("Generation"), this);
  generation_dock->setObjectName(QStringLiteral("generationDock"));
  generation_dock->setWidget(generation_);
  for (QDockWidget* dock : {fill_dock, generation_dock}) {
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setMinimumWidth(360);
    addDockWidget(Qt::RightDockWidgetArea, dock);
  }
  tabifyDockWidget(fill_dock, generation_dock);
  // Closed at first (a saved window state reopens them): the attention views keep the width.
  fill_dock->hide();
  generation_dock->hide();
  QAction* fill_action = fill_dock->toggleViewAction();
  fill_action->setToolTip(tr("Show or hide the fill-mask panel: what the model predicts for [MASK]"));
  QAction* generation_action = generation_dock->toggleViewAction();
  generation_action->setToolTip(tr("Show or hide the generation panel (GPT-2)"));
  QToolBar* bar = addToolBar(tr("Teaching panels"));
  bar->setObjectName(QStringLiteral("teachingToolBar"));
  bar->setMovable(false);
  bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  bar->addAction(fill_action);
  bar->addAction(generation_action);
  // Masking a word asks for a prediction: its panel opens.
  connect(editor_->maskAction(), &QAction::triggered, this, [this] { showPanel(Panel::FillMask); });

  connect(editor_, &SentenceEditor::inputChanged, fill_mask_, &FillMaskPanel::setInput);
  // A chosen candidate goes into the sentence, and the attention views run on the completed text.
  connect(fill_mask_, &FillMaskPanel::fillRequested, this,
          [this](const QString& text_a) { editor_->setTexts(text_a, editor_->textB()); });
  connect(controller_, &SessionController::modelLoaded, this, [this, fill_dock, generation_dock](const ModelSummaryPtr& summary) {
    fill_mask_->setModel(*summary);
    generation_->setModel(*summary);
    // The panel the loaded model can use comes to the front.
    if (summary->generates_text()) {
      generation_dock->raise();
    } else if (summary->fills_masks()) {
      fill_dock->raise();
    }
  });
}

void MainWindow::showPanel(Panel panel) {
  auto* dock = findChild<QDockWidget*>(panel == Panel::FillMask ? QStringLiteral("fillMaskDock")
                                                                 : QStringLiteral("generationDock"));
  dock->show();
  dock->raise();
  constexpr int kComfortableWidth = 460;  // the generation controls and charts without squeezing
  if (!dock->isFloating() && dock->width() < kComfortableWidth) resizeDocks({dock}, {kComfortableWidth}, Qt::Horizontal);
}

}  // namespace as::ui
