#pragma once
// The generation panel (GPT-2): a prompt and HuggingFace generate()'s knobs; tokens stream in as
// the worker chooses them, each shaded by its probability; a click on one shows its top-5
// alternatives and that step's attention; Stop ends the run after the step in progress; the
// replay slider steps through the generation again, token by token.
#include <QTimer>
#include <QWidget>

#include <vector>

#include "pipelines/generation.h"
#include "ui/pipeline_types.h"
#include "ui/run_types.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;

namespace as::ui {

class GenerationStepView;
class GenerationTokens;
class SessionController;

class GenerationPanel : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kReplayMillis = 700;

  explicit GenerationPanel(SessionController* controller, QWidget* parent = nullptr);

  void setModel(const ModelSummary& summary);
  void setPrompt(const QString& prompt);
  QString prompt() const;
  // The options the controls describe.
  GenerationOptions options() const;
  void setGreedy(bool greedy);
  void setMaxNewTokens(int count);

  void generate();
  void stop();
  bool isRunning() const { return running_ != 0; }

  const std::vector<GenerationUpdatePtr>& steps() const { return steps_; }
  GenerationOutcomePtr outcome() const { return outcome_; }
  int selectedStep() const { return selected_; }
  void selectStep(int step);
  void replay();  // plays the steps from the first, one every kReplayMillis

  GenerationTokens* tokens() const { return tokens_; }
  GenerationStepView* stepView() const { return step_view_; }
  QSlider* replaySlider() const { return slider_; }
  QString statusText() const;

 signals:
  void finished();

 private:
  QWidget* buildControls();
  void onStarted(const GenerationStartPtr& start);
  void onStep(const GenerationUpdatePtr& update);
  void onFinished(const GenerationOutcomePtr& outcome);
  void onFailed(quint64 id, const QString& message);
  void onSlider(int value);
  void syncButtons();
  void refreshTokens();

  SessionController* controller_ = nullptr;
  bool usable_ = false;
  quint64 running_ = 0;  // id of the generation streaming into the panel, 0 = none
  quint64 shown_ = 0;    // id of the generation shown
  GenerationStartPtr start_;
  std::vector<GenerationUpdatePtr> steps_;
  GenerationOutcomePtr outcome_;
  int selected_ = -1;
  QTimer replay_timer_;

  QLineEdit* prompt_ = nullptr;
  QSpinBox* max_tokens_ = nullptr;
  QComboBox* mode_ = nullptr;
  QDoubleSpinBox* temperature_ = nullptr;
  QSpinBox* top_k_ = nullptr;
  QDoubleSpinBox* top_p_ = nullptr;
  QDoubleSpinBox* repetition_ = nullptr;
  QSpinBox* seed_ = nullptr;
  QPushButton* generate_ = nullptr;
  QPushButton* stop_ = nullptr;
  QLabel* status_ = nullptr;
  GenerationTokens* tokens_ = nullptr;
  QSlider* slider_ = nullptr;
  QPushButton* play_ = nullptr;
  QLabel* slider_label_ = nullptr;
  GenerationStepView* step_view_ = nullptr;
};

}  // namespace as::ui
