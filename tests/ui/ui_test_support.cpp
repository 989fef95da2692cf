#include "ui_test_support.h"

#include <QSignalSpy>

#include <cmath>
#include <limits>

#include "support/test_support.h"
#include "ui/main_window.h"
#include "ui/sentence_editor.h"
#include "ui/session_controller.h"

namespace as::ui::test {
namespace {

constexpr int kWaitMillis = 20'000;

// One head of [T, T] probabilities and scores: weight ∝ a smooth pattern that differs per head.
void fill_head(float* probs, float* scores, int tokens, int head, bool causal) {
  for (int r = 0; r < tokens; ++r) {
    double sum = 0.0;
    for (int c = 0; c < tokens; ++c) {
      const bool masked = causal && c > r;
      const double w = masked ? 0.0 : 1.0 + 0.9 * std::sin(0.7 * (r + 1) * (head + 1) + 1.3 * c);
      probs[r * tokens + c] = static_cast<float>(w);
      sum += w;
    }
    for (int c = 0; c < tokens; ++c) {
      float& p = probs[r * tokens + c];
      p = static_cast<float>(static_cast<double>(p) / sum);
      scores[r * tokens + c] = p > 0.0f ? std::log(p) : -std::numeric_limits<float>::infinity();
    }
  }
}

}  // namespace

RunResultPtr synthetic_run(int tokens, int layers, int heads, bool causal) {
  auto summary = std::make_shared<ModelSummary>();
  summary->info.family = causal ? "gpt2" : "bert";
  summary->info.path = "/models/synthetic";
  summary->info.max_positions = 1024;
  summary->tokenizer_kind = causal ? "bpe" : "wordpiece";
  auto result = std::make_shared<RunResult>();
  result->model = summary;
  for (int i = 0; i < tokens; ++i) {
    Token token;
    token.id = 1000 + i;
    token.text = "t" + std::to_string(i);
    token.word = i;
    token.start = 3 * i;
    token.end = 3 * i + 2;
    result->encoding.tokens.push_back(token);
    result->labels.push_back(wordpiece_label(token));
  }
  for (int l = 0; l < layers; ++l) {
    Tensor probs({heads, tokens, tokens});
    Tensor scores({heads, tokens, tokens});
    for (int h = 0; h < heads; ++h) {
      const int64_t offset = static_cast<int64_t>(h) * tokens * tokens;
      fill_head(probs.mutable_data() + offset, scores.mutable_data() + offset, tokens, h + l * heads, causal);
    }
    result->forward.attentions.push_back(std::move(probs));
    result->forward.scores.push_back(std::move(scores));
  }
  return result;
}

std::filesystem::path scratch(const std::string& name) {
  const auto dir = as::test::temp_dir() / "ui" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

QString qpath(const std::filesystem::path& path) { return QString::fromStdString(path.string()); }

QString model_dir(const char* name) { return qpath(as::test::models_dir() / name); }

RunResultPtr load_and_run(MainWindow& window, const char* model, const QString& text, const QString& text_b) {
  QSignalSpy loaded(window.controller(), &SessionController::modelLoaded);
  window.openModel(model_dir(model));
  if (!loaded.wait(kWaitMillis)) return nullptr;
  QSignalSpy finished(window.controller(), &SessionController::runFinished);
  window.sentenceEditor()->setTexts(text, text_b);
  const std::string want = text.toStdString();
  while (finished.wait(kWaitMillis)) {
    auto result = finished.last().at(0).value<RunResultPtr>();
    if (result->request.text_a == want) return result;
  }
  return nullptr;
}

}  // namespace as::ui::test
