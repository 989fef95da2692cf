#pragma once
// The GUI thread's handle on the engine. It owns a worker thread where the model lives, forwards
// requests to it, and re-emits the worker's answers on the GUI thread, dropping results that a
// newer request has made stale. Views only ever see immutable RunResult / ModelSummary values.
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

#include "ui/pipeline_types.h"
#include "ui/run_types.h"

namespace as::ui {

class SessionWorker;

class SessionController : public QObject {
  Q_OBJECT

 public:
  // `threads` for the CPU backend; 0 = all cores.
  explicit SessionController(int threads = 0, QObject* parent = nullptr);
  ~SessionController() override;

  // Starts loading a checkpoint folder on the worker. The current model stays in use until the
  // new one has loaded; a load that fails or is cancelled leaves it in place.
  void openModel(const QString& dir);
  // The backend later loads use ("cpu", "opencl:N"); it takes effect at the next openModel.
  void setBackend(const QString& spec) { backend_ = spec; }
  QString backend() const { return backend_; }
  void cancelLoad();
  bool isLoading() const { return pending_loads_ > 0; }
  ModelSummaryPtr model() const { return model_; }

  // Queues a forward pass over `text_a` (and `text_b` as a BERT pair). Returns its generation;
  // only the result of the newest request is ever emitted.
  quint64 requestRun(const QString& text_a, const QString& text_b = {});
  // A view shows `layer`, which the latest result did not keep (a long input keeps only the layers
  // on screen, RunResult::overview): runs the latest texts again keeping it too. The last
  // kMaxFocusLayers layers asked for are kept, so views showing different layers do not take
  // turns evicting each other's.
  void requestLayer(int layer);
  // Makes `layer` one of the focus layers of later runs without running anything (the window
  // adds the heatmap's layer before a new sentence runs, so the first result already keeps it).
  void addFocusLayer(int layer);
  static constexpr size_t kMaxFocusLayers = 3;
  // Bytes of attention past which runs keep only the focus layers (tests lower it).
  void setFullCaptureLimit(uint64_t bytes) { full_capture_limit_ = bytes; }
  quint64 latestGeneration() const { return latest_generation_->load(); }

  // Fill-mask over `text_a` (NSP of the pair when `text_b` is given). Only the result of the
  // newest fill-mask request is emitted (a counter of its own: runs and fill-masks go together).
  quint64 requestFillMask(const QString& text_a, const QString& text_b, int top_k, const QStringList& targets);
  // Starts generating from `prompt`; a generation still running is stopped first. Returns its id.
  quint64 requestGeneration(const QString& prompt, const GenerationOptions& options);
  // Stops the current generation after the token being computed (at most one more step).
  void stopGeneration();
  bool isGenerating() const { return generating_ != 0; }

  // `hook` runs on the worker thread at every step of later loads (instrumentation; the tests
  // use it to make a load slow and check that the GUI thread keeps running meanwhile).
  void setLoadHook(std::function<void(double)> hook);
  // The same for every layer of later forward passes.
  void setRunHook(std::function<void(size_t)> hook) { run_hook_ = std::move(hook); }

  // How long the destructor waits for the worker after cancelling what it does. Loads and runs
  // check their cancel flags between steps, so it normally stops within one layer's time.
  static constexpr int kShutdownMillis = 3000;
  // `hook` runs on the worker thread after each generated token (the tests count the steps the
  // worker has computed, which may be ahead of the ones delivered to the GUI thread).
  void setGenerationHook(std::function<void(int64_t)> hook);

 signals:
  void loadStarted(const QString& dir);
  void loadProgress(double fraction, const QString& phase);
  void modelLoaded(as::ui::ModelSummaryPtr summary);
  void loadFailed(const QString& dir, const QString& message);
  void loadCancelled(const QString& dir);
  void runFinished(as::ui::RunResultPtr result);
  void runFailed(quint64 generation, const QString& message);
  void fillMaskFinished(as::ui::FillMaskOutcomePtr outcome);
  void fillMaskFailed(quint64 generation, const QString& message);
  void generationStarted(as::ui::GenerationStartPtr start);
  void generationStep(as::ui::GenerationUpdatePtr update);
  void generationFinished(as::ui::GenerationOutcomePtr outcome);
  void generationFailed(quint64 id, const QString& message);

 private:
  void onLoaded(const ModelSummaryPtr& summary);
  void onLoadFailed(const QString& dir, const QString& message, bool cancelled);
  void onRunFinished(const RunResultPtr& result);
  void onRunFailed(quint64 generation, const QString& message);
  void connectPipelines();

  // Heap-allocated so that a worker stuck past kShutdownMillis can be abandoned at exit rather
  // than destroyed while running (which Qt treats as fatal).
  QThread* thread_ = nullptr;
  SessionWorker* worker_ = nullptr;  // lives on thread_; deleted after the thread has stopped
  std::shared_ptr<std::atomic<quint64>> latest_generation_;
  std::shared_ptr<std::atomic<bool>> cancel_current_load_;
  std::shared_ptr<std::atomic<bool>> cancel_current_run_;
  std::function<void(size_t)> run_hook_;
  int pending_loads_ = 0;
  QString backend_ = QStringLiteral("cpu");
  std::shared_ptr<std::atomic<bool>> cancel_generation_;
  quint64 latest_fill_mask_ = 0;
  quint64 last_generation_id_ = 0;
  quint64 generating_ = 0;  // id of the generation running, 0 = none
  ModelSummaryPtr model_;
  std::vector<int64_t> focus_layers_{0};  // most recent last
  uint64_t full_capture_limit_ = kFullCaptureLimit;
  QString last_text_a_, last_text_b_;
  bool run_pending_ = false;
};

}  // namespace as::ui
