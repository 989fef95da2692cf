#include "ui/session_controller.h"

#include <QDeadlineTimer>
#include <QtDebug>

#include <algorithm>

#include "ui/session_worker.h"

namespace as::ui {

SessionController::SessionController(int threads, QObject* parent)
    : QObject(parent),
      latest_generation_(std::make_shared<std::atomic<quint64>>(0)),
      cancel_current_load_(std::make_shared<std::atomic<bool>>(false)),
      cancel_current_run_(std::make_shared<std::atomic<bool>>(false)) {
  qRegisterMetaType<ModelSummaryPtr>();
  qRegisterMetaType<RunResultPtr>();
  thread_ = new QThread;
  thread_->setObjectName(QStringLiteral("attentionscope-engine"));
  worker_ = new SessionWorker(threads, latest_generation_);
  worker_->moveToThread(thread_);
  // The worker emits on its own thread; these connections queue its answers onto ours.
  connect(worker_, &SessionWorker::loadProgress, this, &SessionController::loadProgress);
  connect(worker_, &SessionWorker::loaded, this, &SessionController::onLoaded);
  connect(worker_, &SessionWorker::loadFailed, this, &SessionController::onLoadFailed);
  connect(worker_, &SessionWorker::runFinished, this, &SessionController::onRunFinished);
  connect(worker_, &SessionWorker::runFailed, this, &SessionController::onRunFailed);
  connectPipelines();
  thread_->start();
}

SessionController::~SessionController() {
  // Stop what the worker is doing at its next step; queued requests are dropped with the loop.
  cancel_current_load_->store(true);
  cancel_current_run_->store(true);
  if (cancel_generation_) cancel_generation_->store(true);
  thread_->quit();
  if (!thread_->wait(QDeadlineTimer(kShutdownMillis))) {
    // Something ran past every cancel point. Leaving the thread and its worker to the OS at exit
    // is better than freezing the closing window or destroying objects still in use.
    qWarning("attentionscope: the engine thread did not stop within %d ms; abandoning it", kShutdownMillis);
    return;
  }
  delete worker_;  // its thread has stopped: nothing can still be running in it
  delete thread_;
}

void SessionController::openModel(const QString& dir) {
  // A newer choice supersedes a load still in progress.
  cancel_current_load_->store(true);
  cancel_current_load_ = std::make_shared<std::atomic<bool>>(false);
  ++pending_loads_;
  emit loadStarted(dir);
  QMetaObject::invokeMethod(worker_, [worker = worker_, dir, backend = backend_, cancel = cancel_current_load_] {
    worker->load(dir, backend, cancel);
  }, Qt::QueuedConnection);
}

void SessionController::setLoadHook(std::function<void(double)> hook) {
  QMetaObject::invokeMethod(worker_, [worker = worker_, hook = std::move(hook)]() mutable {
    worker->setLoadObserver(std::move(hook));
  }, Qt::QueuedConnection);
}

void SessionController::setGenerationHook(std::function<void(int64_t)> hook) {
  QMetaObject::invokeMethod(worker_, [worker = worker_, hook = std::move(hook)]() mutable {
    worker->setGenerationObserver(std::move(hook));
  }, Qt::QueuedConnection);
}

void SessionController::cancelLoad() { cancel_current_load_->store(true); }

quint64 SessionController::requestRun(const QString& text_a, const QString& text_b) {
  // The run in flight (if any) is stale from now on: stop it at its next layer.
  cancel_current_run_->store(true);
  cancel_current_run_ = std::make_shared<std::atomic<bool>>(false);
  RunRequest request;
  request.generation = ++*latest_generation_;
  request.cancel = cancel_current_run_;
  request.on_layer = run_hook_;
  request.text_a = text_a.toStdString();
  request.text_b = text_b.toStdString();
  request.focus_layers = focus_layers_;
  request.full_capture_limit = full_capture_limit_;
  last_text_a_ = text_a;
  last_text_b_ = text_b;
  run_pending_ = true;
  QMetaObject::invokeMethod(worker_, [worker = worker_, request] { worker->run(request); },
                            Qt::QueuedConnection);
  return request.generation;
}

void SessionController::requestLayer(int layer) {
  const bool known = std::find(focus_layers_.begin(), focus_layers_.end(), layer) != focus_layers_.end();
  // Asked again while the run keeping it is still on its way: nothing new to do.
  if (known && run_pending_) return;
  addFocusLayer(layer);
  requestRun(last_text_a_, last_text_b_);
}

void SessionController::addFocusLayer(int layer) {
  const auto known = std::find(focus_layers_.begin(), focus_layers_.end(), layer);
  if (known != focus_layers_.end()) focus_layers_.erase(known);
  focus_layers_.push_back(layer);  // most recent last; the oldest goes first
  if (focus_layers_.size() > kMaxFocusLayers) focus_layers_.erase(focus_layers_.begin());
}

void SessionController::onLoaded(const ModelSummaryPtr& summary) {
  --pending_loads_;
  model_ = summary;
  emit modelLoaded(summary);
}

void SessionController::onLoadFailed(const QString& dir, const QString& message, bool cancelled) {
  --pending_loads_;
  if (cancelled) {
    emit loadCancelled(dir);
  } else {
    emit loadFailed(dir, message);
  }
}

void SessionController::onRunFinished(const RunResultPtr& result) {
  if (result->generation != latest_generation_->load()) return;  // the user has typed on since
  run_pending_ = false;
  emit runFinished(result);
}

void SessionController::onRunFailed(quint64 generation, const QString& message) {
  if (generation != latest_generation_->load()) return;
  run_pending_ = false;
  emit runFailed(generation, message);
}

void SessionController::connectPipelines() {
  qRegisterMetaType<FillMaskOutcomePtr>();
  qRegisterMetaType<GenerationStartPtr>();
  qRegisterMetaType<GenerationUpdatePtr>();
  qRegisterMetaType<GenerationOutcomePtr>();
  connect(worker_, &SessionWorker::fillMaskFinished, this, [this](const FillMaskOutcomePtr& outcome) {
    if (outcome->generation == latest_fill_mask_) emit fillMaskFinished(outcome);
  });
  connect(worker_, &SessionWorker::fillMaskFailed, this, [this](quint64 generation, const QString& message) {
    if (generation == latest_fill_mask_) emit fillMaskFailed(generation, message);
  });
  connect(worker_, &SessionWorker::generationStarted, this, &SessionController::generationStarted);
  connect(worker_, &SessionWorker::generationStep, this, &SessionController::generationStep);
  connect(worker_, &SessionWorker::generationFinished, this, [this](const GenerationOutcomePtr& outcome) {
    if (outcome->id == generating_) generating_ = 0;
    emit generationFinished(outcome);
  });
  connect(worker_, &SessionWorker::generationFailed, this, [this](quint64 id, const QString& message) {
    if (id == generating_) generating_ = 0;
    emit generationFailed(id, message);
  });
}

quint64 SessionController::requestFillMask(const QString& text_a, const QString& text_b, int top_k,
                                           const QStringList& targets) {
  FillMaskRequest request;
  request.generation = ++latest_fill_mask_;
  request.text_a = text_a.toStdString();
  request.text_b = text_b.toStdString();
  request.top_k = top_k;
  for (const QString& target : targets) request.targets.push_back(target.toStdString());
  QMetaObject::invokeMethod(worker_, [worker = worker_, request] { worker->fillMask(request); },
                            Qt::QueuedConnection);
  return request.generation;
}

quint64 SessionController::requestGeneration(const QString& prompt, const GenerationOptions& options) {
  stopGeneration();
  cancel_generation_ = std::make_shared<std::atomic<bool>>(false);
  GenerationRequest request;
  request.id = ++last_generation_id_;
  request.prompt = prompt.toStdString();
  request.options = options;
  generating_ = request.id;
  QMetaObject::invokeMethod(worker_, [worker = worker_, request, cancel = cancel_generation_] {
    worker->generate(request, cancel);
  }, Qt::QueuedConnection);
  return request.id;
}

void SessionController::stopGeneration() {
  if (cancel_generation_) cancel_generation_->store(true);
}

}  // namespace as::ui
