#include "ui/session_worker.h"

#include <QFile>

#include <chrono>
#include <exception>
#include <filesystem>

#include "backends/backend.h"
#include "core/error.h"
#include "tokenizers/byte_level.h"
#include "ui/model_facts.h"

namespace as::ui {
namespace {

using Clock = std::chrono::steady_clock;

double millis_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::filesystem::path to_path(const QString& dir) {
  return std::filesystem::path(QFile::encodeName(dir).toStdString());
}

std::vector<TokenLabel> make_labels(const Encoding& encoding, const Tokenizer& tokenizer) {
  if (tokenizer.kind() == "bpe") {
    // Tokenizer::decode replaces the bytes of a split character with U+FFFD; the byte map gives
    // each token's exact bytes, so the label can name the character it holds part of.
    std::vector<std::string> bytes;
    bytes.reserve(encoding.tokens.size());
    for (const Token& token : encoding.tokens) bytes.push_back(ByteLevelMap::instance().decode_token(token.text));
    return byte_level_labels(encoding.tokens, bytes);
  }
  std::vector<TokenLabel> labels;
  labels.reserve(encoding.tokens.size());
  for (const Token& token : encoding.tokens) labels.push_back(wordpiece_label(token));
  return labels;
}

ForwardOptions attention_only() {
  ForwardOptions options;
  options.capture_attention = true;
  options.capture_hidden = false;  // no view shows hidden states yet: skip the copies
  options.logits_positions = std::vector<int64_t>{};
  options.next_sentence = false;
  return options;
}

}  // namespace

SessionWorker::SessionWorker(int threads, std::shared_ptr<const std::atomic<quint64>> latest_generation)
    : threads_(threads), latest_generation_(std::move(latest_generation)) {}

SessionWorker::~SessionWorker() = default;

void SessionWorker::load(const QString& dir, const std::shared_ptr<std::atomic<bool>>& cancel) {
  const auto started = Clock::now();
  try {
    const auto path = to_path(dir);
    LoadOptions options;
    options.cancel = cancel.get();
    options.progress = [this](double fraction, const std::string& phase) {
      emit loadProgress(fraction, QString::fromStdString(phase));
    };
    auto model = load_model(path, make_cpu_backend(threads_), options);
    emit loadProgress(1.0, tr("tokenizer"));
    auto tokenizer = load_tokenizer(path, model->config().model_type);
    if (cancel->load()) throw Cancelled();

    auto summary = std::make_shared<ModelSummary>();
    summary->info = model->info();
    // The engine leaves ModelInfo::path empty; the panel and the title need the folder.
    if (summary->info.path.empty()) summary->info.path = dir.toStdString();
    summary->backend = model->backend().name();
    summary->tokenizer_kind = tokenizer->kind();
    summary->random_note = random_weights_note(path);
    summary->load_millis = millis_since(started);

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
    emit runFinished(compute(request));
  } catch (const std::exception& e) {
    emit runFailed(request.generation, QString::fromStdString(e.what()));
  }
}

RunResultPtr SessionWorker::compute(const RunRequest& request) const {
  const auto started = Clock::now();
  auto result = std::make_shared<RunResult>();
  result->generation = request.generation;
  result->model = summary_;
  result->request = request;

  EncodeOptions encode_options;
  encode_options.max_length = summary_->info.max_positions;  // longer input would not fit the positions
  const bool pair = summary_->takes_sentence_pairs() && !request.text_b.empty();
  result->encoding = pair ? tokenizer_->encode_pair(request.text_a, request.text_b, encode_options)
                          : tokenizer_->encode(request.text_a, encode_options);
  result->labels = make_labels(result->encoding, *tokenizer_);
  result->tokenize_millis = millis_since(started);

  ForwardInput input;
  input.ids = result->encoding.ids();
  if (summary_->takes_sentence_pairs()) input.token_type_ids = result->encoding.token_type_ids;
  if (!input.ids.empty()) result->forward = model_->forward(input, attention_only());
  result->total_millis = millis_since(started);
  return result;
}

}  // namespace as::ui
