#include "ui/session_worker.h"

#include <QFile>

#include <chrono>
#include <exception>
#include <filesystem>

#include "backends/backend.h"
#include "core/error.h"
#include "models/backend_selection.h"
#include "ui/pipeline_compute.h"
#include "ui/run_compute.h"

namespace as::ui {
namespace {

using Clock = std::chrono::steady_clock;

double millis_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::filesystem::path to_path(const QString& dir) {
  return std::filesystem::path(QFile::encodeName(dir).toStdString());
}

}  // namespace

SessionWorker::SessionWorker(int threads, std::shared_ptr<const std::atomic<quint64>> latest_generation)
    : threads_(threads), latest_generation_(std::move(latest_generation)) {}

SessionWorker::~SessionWorker() = default;

void SessionWorker::load(const QString& dir, const QString& backend,
                         const std::shared_ptr<std::atomic<bool>>& cancel) {
  const auto started = Clock::now();
  try {
    const auto path = to_path(dir);
    LoadOptions options;
    options.cancel = cancel.get();
    options.progress = [this](double fraction, const std::string& phase) {
      if (load_observer_) load_observer_(fraction);
      emit loadProgress(fraction, QString::fromStdString(phase));
    };
    auto model = load_model_on(path, backend.toStdString(), options, threads_);
    emit loadProgress(1.0, tr("tokenizer"));
    auto tokenizer = load_tokenizer(path, model->config().model_type);
    if (cancel->load()) throw Cancelled();

    auto summary = summarise_model(*model, *tokenizer, dir, millis_since(started));
    model_ = std::move(model);
    tokenizer_ = std::move(tokenizer);
    summary_ = summary;
    emit loaded(summary_);
  } catch (const Cancelled&) {
    emit loadFailed(dir, tr("Loading was cancelled."), true);
  } catch (const std::exception& e) {
    emit loadFailed(dir, QString::fromStdString(e.what()), false);
  }
}

void SessionWorker::run(const RunRequest& request) {
  // Requests arrive faster than forward passes while the user types; only the newest matters.
  if (request.generation != latest_generation_->load()) return;
  if (!model_) {
    emit runFailed(request.generation, tr("No model is loaded."));
    return;
  }
  try {
    emit runFinished(compute_run(*model_, *tokenizer_, summary_, request));
  } catch (const Cancelled&) {
    // A newer request or shutdown stopped it: nobody waits for this result.
  } catch (const std::exception& e) {
    emit runFailed(request.generation, QString::fromStdString(e.what()));
  }
}

void SessionWorker::fillMask(const FillMaskRequest& request) {
  if (!model_) {
    emit fillMaskFailed(request.generation, tr("No model is loaded."));
    return;
  }
  try {
    emit fillMaskFinished(compute_fill_mask(*model_, *tokenizer_, *summary_, request));
  } catch (const std::exception& e) {
    emit fillMaskFailed(request.generation, QString::fromStdString(e.what()));
  }
}

void SessionWorker::generate(const GenerationRequest& request, const std::shared_ptr<std::atomic<bool>>& cancel) {
  if (cancel->load()) {  // stopped before it began: finished, with nothing generated
    auto outcome = std::make_shared<GenerationOutcome>();
    outcome->id = request.id;
    outcome->stop_reason = StopReason::Cancelled;
    emit generationFinished(outcome);
    return;
  }
  if (!model_) {
    emit generationFailed(request.id, tr("No model is loaded."));
    return;
  }
  try {
    GenerationCallbacks callbacks;
    callbacks.started = [this](GenerationStartPtr start) { emit generationStarted(std::move(start)); };
    callbacks.step = [this](GenerationUpdatePtr update) { emit generationStep(std::move(update)); };
    callbacks.observer = generation_observer_;
    emit generationFinished(run_generation(*model_, *tokenizer_, request, cancel.get(), callbacks));
  } catch (const std::exception& e) {
    emit generationFailed(request.id, QString::fromStdString(e.what()));
  }
}

}  // namespace as::ui
