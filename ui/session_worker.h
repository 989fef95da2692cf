#pragma once
// The half of the session that lives on the worker thread: it owns the engine model and tokenizer
// and does every slow call (loading, tokenising, forward passes) so the GUI thread never waits.
// Only SessionController talks to it, by queued calls; it answers with signals.
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

#include "models/model.h"
#include "tokenizers/tokenizer.h"
#include "ui/pipeline_types.h"
#include "ui/run_types.h"

namespace as::ui {

class SessionWorker : public QObject {
  Q_OBJECT

 public:
  // `latest_generation` is the controller's counter: a run whose request is already stale when
  // the worker reaches it is skipped without computing.
  SessionWorker(int threads, std::shared_ptr<const std::atomic<quint64>> latest_generation);
  ~SessionWorker() override;

  // Both run on the worker thread (the controller queues them there).
  // `backend` is a spec as the CLI takes it ("cpu", "opencl:N"); OpenCL failures fall back to the
  // CPU and the summary says why.
  void load(const QString& dir, const QString& backend, const std::shared_ptr<std::atomic<bool>>& cancel);
  void run(const RunRequest& request);
  void fillMask(const FillMaskRequest& request);
  // Streams tokens until done or until `cancel` is set (checked between tokens).
  void generate(const GenerationRequest& request, const std::shared_ptr<std::atomic<bool>>& cancel);
  // Called on the worker thread at every load step, before the progress is reported.
  void setLoadObserver(std::function<void(double)> observer) { load_observer_ = std::move(observer); }
  // Called on the worker thread after each generated token, with its index.
  void setGenerationObserver(std::function<void(int64_t)> observer) { generation_observer_ = std::move(observer); }

 signals:
  void loadProgress(double fraction, const QString& phase);
  void loaded(as::ui::ModelSummaryPtr summary);
  void loadFailed(const QString& dir, const QString& message, bool cancelled);
  void runFinished(as::ui::RunResultPtr result);
  void runFailed(quint64 generation, const QString& message);
  void fillMaskFinished(as::ui::FillMaskOutcomePtr outcome);
  void fillMaskFailed(quint64 generation, const QString& message);
  void generationStarted(as::ui::GenerationStartPtr start);
  void generationStep(as::ui::GenerationUpdatePtr update);
  void generationFinished(as::ui::GenerationOutcomePtr outcome);
  void generationFailed(quint64 id, const QString& message);

 private:
  int threads_ = 0;
  std::shared_ptr<const std::atomic<quint64>> latest_generation_;
  // Replaced together, and only by a load that succeeded: a failed load keeps the previous model.
  std::unique_ptr<Model> model_;
  std::unique_ptr<Tokenizer> tokenizer_;
  ModelSummaryPtr summary_;
  std::function<void(double)> load_observer_;
  std::function<void(int64_t)> generation_observer_;
};

}  // namespace as::ui
