#include "ui/generation_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/generation_step_view.h"
#include "ui/generation_tokens.h"
#include "ui/session_controller.h"

namespace as::ui {
namespace {

QString stop_reason_text(StopReason reason) {
  switch (reason) {
    case StopReason::MaxTokens: return GenerationPanel::tr("reached the maximum number of new tokens");
    case StopReason::EndOfText: return GenerationPanel::tr("the model ended the text");
    case StopReason::StopString: return GenerationPanel::tr("a stop string appeared");
    case StopReason::MaxPositions: return GenerationPanel::tr("the model's positions are used up");
    case StopReason::Cancelled: return GenerationPanel::tr("stopped");
  }
  return {};
}

}  // namespace

GenerationPanel::GenerationPanel(SessionController* controller, QWidget* parent)
    : QWidget(parent), controller_(controller) {
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(buildControls());
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  tokens_ = new GenerationTokens(this);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(tokens_);
  scroll->setWidgetResizable(true);
  scroll->setMinimumHeight(90);
  auto* legend = new QLabel(tr("Grey: the prompt. Green: generated tokens, darker = the model gave it a higher "
                               "probability."),
                            this);
  legend->setWordWrap(true);
  legend->setStyleSheet(QStringLiteral("color: #505050;"));

  slider_ = new QSlider(Qt::Horizontal, this);
  slider_->setRange(0, 0);
  slider_->setEnabled(false);
  play_ = new QPushButton(tr("▶ Replay"), this);
  play_->setEnabled(false);
  slider_label_ = new QLabel(this);
  auto* replay_row = new QHBoxLayout;
  replay_row->addWidget(new QLabel(tr("Replay:"), this));
  replay_row->addWidget(slider_, 1);
  replay_row->addWidget(slider_label_);
  replay_row->addWidget(play_);
  step_view_ = new GenerationStepView(this);

  layout->addWidget(status_);
  layout->addWidget(scroll, 1);
  layout->addWidget(legend);
  layout->addLayout(replay_row);
  layout->addWidget(step_view_, 4);

  replay_timer_.setInterval(kReplayMillis);
  connect(&replay_timer_, &QTimer::timeout, this, [this] {
    if (slider_->value() >= slider_->maximum()) {
      replay_timer_.stop();
      play_->setText(tr("▶ Replay"));
      return;
    }
    slider_->setValue(slider_->value() + 1);
  });
  connect(play_, &QPushButton::clicked, this, [this] {
    if (replay_timer_.isActive()) {
      replay_timer_.stop();
      play_->setText(tr("▶ Replay"));
    } else {
      replay();
    }
  });
  connect(slider_, &QSlider::valueChanged, this, &GenerationPanel::onSlider);
  connect(tokens_, &GenerationTokens::stepClicked, this, &GenerationPanel::selectStep);
  connect(controller_, &SessionController::generationStarted, this, &GenerationPanel::onStarted);
  connect(controller_, &SessionController::generationStep, this, &GenerationPanel::onStep);
  connect(controller_, &SessionController::generationFinished, this, &GenerationPanel::onFinished);
  connect(controller_, &SessionController::generationFailed, this, &GenerationPanel::onFailed);
  status_->setText(tr("Load a GPT-2 model to generate text."));
  syncButtons();
}

QWidget* GenerationPanel::buildControls() {
  auto* box = new QWidget(this);
  auto* grid = new QGridLayout(box);
  grid->setContentsMargins(0, 0, 0, 0);
  prompt_ = new QLineEdit(box);
  prompt_->setPlaceholderText(tr("Prompt, e.g. In this course, we will teach you how to"));
  prompt_->setClearButtonEnabled(true);
  max_tokens_ = new QSpinBox(box);
  max_tokens_->setRange(1, 1024);
  max_tokens_->setValue(20);
  mode_ = new QComboBox(box);
  mode_->addItem(tr("Greedy (most likely token)"));
  mode_->addItem(tr("Sampling"));
  temperature_ = new QDoubleSpinBox(box);
  temperature_->setRange(0.05, 5.0);
  temperature_->setSingleStep(0.1);
  temperature_->setValue(1.0);
  top_k_ = new QSpinBox(box);
  top_k_->setRange(0, 50257);
  top_k_->setValue(50);
  top_k_->setSpecialValueText(tr("off"));
  top_p_ = new QDoubleSpinBox(box);
  top_p_->setRange(0.01, 1.0);
  top_p_->setSingleStep(0.05);
  top_p_->setValue(1.0);
  repetition_ = new QDoubleSpinBox(box);
  repetition_->setRange(1.0, 5.0);
  repetition_->setSingleStep(0.1);
  repetition_->setValue(1.0);
  repetition_->setToolTip(tr("1 = off; above 1 makes tokens already in the text less likely"));
  seed_ = new QSpinBox(box);
  seed_->setRange(0, 1'000'000);
  generate_ = new QPushButton(tr("Generate"), box);
  generate_->setDefault(true);
  stop_ = new QPushButton(tr("Stop"), box);

  // Two label–field pairs per row: the dock stays narrow enough to leave the attention views room.
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(generate_);
  buttons->addWidget(stop_);
  grid->addWidget(new QLabel(tr("Prompt:"), box), 0, 0);
  grid->addWidget(prompt_, 0, 1, 1, 3);
  grid->addWidget(new QLabel(tr("New tokens:"), box), 1, 0);
  grid->addWidget(max_tokens_, 1, 1);
  grid->addWidget(new QLabel(tr("Decoding:"), box), 1, 2);
  grid->addWidget(mode_, 1, 3);
  grid->addWidget(new QLabel(tr("Temperature:"), box), 2, 0);
  grid->addWidget(temperature_, 2, 1);
  grid->addWidget(new QLabel(tr("Top k:"), box), 2, 2);
  grid->addWidget(top_k_, 2, 3);
  grid->addWidget(new QLabel(tr("Top p:"), box), 3, 0);
  grid->addWidget(top_p_, 3, 1);
  grid->addWidget(new QLabel(tr("Seed:"), box), 3, 2);
  grid->addWidget(seed_, 3, 3);
  grid->addWidget(new QLabel(tr("Repetition penalty:"), box), 4, 0);
  grid->addWidget(repetition_, 4, 1);
  grid->addLayout(buttons, 4, 2, 1, 2);
  grid->setColumnStretch(1, 1);
  grid->setColumnStretch(3, 1);

  connect(generate_, &QPushButton::clicked, this, &GenerationPanel::generate);
  connect(prompt_, &QLineEdit::returnPressed, this, &GenerationPanel::generate);
  connect(stop_, &QPushButton::clicked, this, &GenerationPanel::stop);
  connect(mode_, &QComboBox::currentIndexChanged, this, &GenerationPanel::syncButtons);
  return box;
}

void GenerationPanel::setModel(const ModelSummary& summary) {
  usable_ = summary.generates_text();
  if (running_ != 0) stop();
  if (usable_) {
    status_->setText(tr("Type a prompt and press Generate."));
  } else {
    status_->setText(tr("%1 is not a causal language model: generation needs GPT-2.")
                         .arg(QString::fromStdString(summary.info.architecture)));
  }
  syncButtons();
}

void GenerationPanel::setPrompt(const QString& prompt) { prompt_->setText(prompt); }

QString GenerationPanel::prompt() const { return prompt_->text(); }

void GenerationPanel::setGreedy(bool greedy) { mode_->setCurrentIndex(greedy ? 0 : 1); }

void GenerationPanel::setMaxNewTokens(int count) { max_tokens_->setValue(count); }

GenerationOptions GenerationPanel::options() const {
  GenerationOptions options;
  options.max_new_tokens = max_tokens_->value();
  options.sampling.greedy = mode_->currentIndex() == 0;
  options.sampling.temperature = static_cast<float>(temperature_->value());
  options.sampling.top_k = top_k_->value();
  options.sampling.top_p = static_cast<float>(top_p_->value());
  options.sampling.repetition_penalty = static_cast<float>(repetition_->value());
  options.sampling.seed = static_cast<uint64_t>(seed_->value());
  return options;
}

void GenerationPanel::generate() {
  if (!usable_) return;
  replay_timer_.stop();
  play_->setText(tr("▶ Replay"));
  start_.reset();
  steps_.clear();
  outcome_.reset();
  selected_ = -1;
  tokens_->clear();
  step_view_->clear();
  {
    const QSignalBlocker quiet(slider_);
    slider_->setRange(0, 0);
  }
  slider_label_->clear();
  running_ = controller_->requestGeneration(prompt_->text(), options());
  status_->setText(tr("generating…"));
  syncButtons();
}

void GenerationPanel::stop() {
  controller_->stopGeneration();
  if (running_ != 0) status_->setText(tr("stopping after the current token…"));
}

void GenerationPanel::onStarted(const GenerationStartPtr& start) {
  if (start->id != running_) return;
  shown_ = start->id;
  start_ = start;
  tokens_->setTokens(start->prompt_labels, static_cast<int>(start->prompt_labels.size()), {});
}

void GenerationPanel::onStep(const GenerationUpdatePtr& update) {
  if (update->id != shown_ || update->id != running_) return;
  // The slider follows the stream unless the learner has moved it back to look at a step.
  const bool following = steps_.empty() || slider_->value() == slider_->maximum();
  steps_.push_back(update);
  refreshTokens();
  {
    const QSignalBlocker quiet(slider_);
    slider_->setRange(0, static_cast<int>(steps_.size()) - 1);
  }
  if (following) {
    slider_->setValue(slider_->maximum());
    onSlider(slider_->maximum());
  }
  status_->setText(tr("generating… %1 of %2 tokens").arg(steps_.size()).arg(max_tokens_->value()));
  syncButtons();
}

void GenerationPanel::onFinished(const GenerationOutcomePtr& outcome) {
  if (outcome->id != running_) return;
  running_ = 0;
  outcome_ = outcome;
  QString text = tr("%1 tokens, %2 — %3 ms for the prompt, %4 ms per new token")
                     .arg(steps_.size())
                     .arg(stop_reason_text(outcome->stop_reason))
                     .arg(outcome->prompt_millis, 0, 'f', 1)
                     .arg(steps_.size() > 1 ? outcome->generation_millis / static_cast<double>(steps_.size() - 1) : 0.0,
                          0, 'f', 1);
  for (const auto& warning : outcome->warnings) text += QStringLiteral("\n⚠ ") + QString::fromStdString(warning);
  status_->setText(text);
  syncButtons();
  emit finished();
}

void GenerationPanel::onFailed(quint64 id, const QString& message) {
  if (id != running_) return;
  running_ = 0;
  status_->setText(tr("⚠ Generation failed: %1").arg(message));
  syncButtons();
  emit finished();
}

void GenerationPanel::refreshTokens() {
  if (!start_ || steps_.empty()) return;
  std::vector<double> probabilities;
  probabilities.reserve(steps_.size());
  for (const auto& step : steps_) probabilities.push_back(step->step.probability);
  // The newest step's labels cover every token so far (split characters named across steps).
  tokens_->setTokens(steps_.back()->labels, static_cast<int>(start_->prompt_ids.size()), probabilities);
}

void GenerationPanel::selectStep(int step) {
  if (step < 0 || static_cast<size_t>(step) >= steps_.size()) return;
  slider_->setValue(step);
  onSlider(step);
}

void GenerationPanel::onSlider(int value) {
  if (steps_.empty() || value < 0 || static_cast<size_t>(value) >= steps_.size()) return;
  selected_ = value;
  tokens_->setSelectedStep(value);
  tokens_->setReplayPosition(value);
  step_view_->showStep(steps_[static_cast<size_t>(value)], static_cast<int>(start_->prompt_ids.size()));
  slider_label_->setText(tr("token %1 of %2").arg(value + 1).arg(steps_.size()));
}

void GenerationPanel::replay() {
  if (steps_.empty()) return;
  slider_->setValue(0);
  onSlider(0);
  play_->setText(tr("❚❚ Pause"));
  replay_timer_.start();
}

QString GenerationPanel::statusText() const { return status_->text(); }

void GenerationPanel::syncButtons() {
  const bool running = running_ != 0;
  setEnabled(true);
  generate_->setEnabled(usable_ && !running);
  stop_->setEnabled(running);
  prompt_->setEnabled(usable_);
  const bool sampling = mode_->currentIndex() == 1;
  for (QWidget* knob : std::initializer_list<QWidget*>{temperature_, top_k_, top_p_, seed_}) knob->setEnabled(usable_ && sampling);
  max_tokens_->setEnabled(usable_);
  mode_->setEnabled(usable_);
  repetition_->setEnabled(usable_);
  slider_->setEnabled(steps_.size() > 1);
  play_->setEnabled(!running && steps_.size() > 1);
}

}  // namespace as::ui
