// StartupActions for the teaching panels: --generate (with --generate-tokens and --step), and a
// screenshot that waits until the generation and the fill-mask prediction are on screen.
#include <QCommandLineParser>

#include <algorithm>
#include <utility>

#include "ui/fill_mask_panel.h"
#include "ui/generation_panel.h"
#include "ui/main_window.h"
#include "ui/session_controller.h"
#include "ui/startup_actions.h"

namespace as::ui {

void StartupActions::readTeachingOptions(const QCommandLineParser& parser, const Options& options) {
  generate_prompt_ = parser.value(options.generate);
  if (parser.isSet(options.generate_tokens)) generate_tokens_ = std::max(1, parser.value(options.generate_tokens).toInt());
  if (parser.isSet(options.step)) step_ = parser.value(options.step).toInt();
}

bool StartupActions::asksForTeaching() const { return !generate_prompt_.isEmpty(); }

void StartupActions::startTeaching() {
  SessionController* controller = window_->controller();
  // A sentence with a mask token is predicted by the fill-mask panel after the forward pass.
  waiting_fill_mask_ = !screenshot_.isEmpty() &&
                       (text_.contains(QLatin1String("[MASK]")) || text_.contains(QLatin1String("<mask>")));
  connect(controller, &SessionController::fillMaskFinished, this, [this] { teachingDone(waiting_fill_mask_); });
  connect(controller, &SessionController::fillMaskFailed, this, [this] { teachingDone(waiting_fill_mask_); });
  if (waiting_fill_mask_) window_->showPanel(MainWindow::Panel::FillMask);
  if (generate_prompt_.isEmpty()) return;
  window_->showPanel(MainWindow::Panel::Generation);
  waiting_generation_ = true;
  GenerationPanel* panel = window_->generationPanel();
  connect(controller, &SessionController::modelLoaded, this, [this, panel] {
    panel->setPrompt(generate_prompt_);
    panel->setMaxNewTokens(generate_tokens_);
    panel->generate();
  }, Qt::SingleShotConnection);
  connect(panel, &GenerationPanel::finished, this, [this, panel] {
    if (step_) panel->selectStep(*step_);
    teachingDone(waiting_generation_);
  });
}

void StartupActions::teachingDone(bool& waiting) {
  waiting = false;
  if (deferred_exit_ && !waiting_generation_ && !waiting_fill_mask_) scheduleScreenshot(*std::exchange(deferred_exit_, std::nullopt));
}

}  // namespace as::ui
