// The controller against the engine: loads happen on the worker thread, results match a direct
// engine run, stale results are dropped, and failed or cancelled loads keep the previous model.
#include "ui/session_controller.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

#include <cmath>

#include "backends/backend.h"
#include "support/test_support.h"

namespace as::ui {
namespace {

constexpr int kWaitMillis = 20'000;

QString model_path(const char* name) { return QString::fromStdString((test::models_dir() / name).string()); }

// Loads `name` and waits for it; fails the test on an error.
void load_and_wait(SessionController& controller, const char* name) {
  QSignalSpy loaded(&controller, &SessionController::modelLoaded);
  QSignalSpy failed(&controller, &SessionController::loadFailed);
  controller.openModel(model_path(name));
  ASSERT_TRUE(loaded.wait(kWaitMillis) || !failed.isEmpty());
  ASSERT_TRUE(failed.isEmpty()) << failed.first().at(1).toString().toStdString();
}

RunResultPtr run_and_wait(SessionController& controller, const QString& text_a, const QString& text_b = {}) {
  QSignalSpy finished(&controller, &SessionController::runFinished);
  const quint64 generation = controller.requestRun(text_a, text_b);
  while (finished.wait(kWaitMillis)) {
    auto result = finished.last().at(0).value<RunResultPtr>();
    if (result->generation == generation) return result;
  }
  return nullptr;
}

TEST(SessionController, LoadsOffTheGuiThreadWithoutBlockingIt) {
  AS_REQUIRE_SHARED();
  SessionController controller(1);
  QSignalSpy loaded(&controller, &SessionController::modelLoaded);
  QSignalSpy progress(&controller, &SessionController::loadProgress);
  controller.openModel(model_path("random-bert-uncased-L4-H256"));
  // openModel returned before anything was loaded: the work is queued on the worker.
  EXPECT_TRUE(controller.isLoading());
  EXPECT_TRUE(loaded.isEmpty());
  ASSERT_TRUE(loaded.wait(kWaitMillis));
  EXPECT_FALSE(controller.isLoading());
  EXPECT_FALSE(progress.isEmpty());
  const auto summary = loaded.first().at(0).value<ModelSummaryPtr>();
  EXPECT_EQ(summary->info.family, "bert");
  EXPECT_EQ(summary->info.layers, 4);
  EXPECT_EQ(summary->info.heads, 4);
  EXPECT_TRUE(summary->is_random());
  EXPECT_EQ(summary->tokenizer_kind, "wordpiece");
  EXPECT_EQ(controller.model(), summary);
}

TEST(SessionController, RunResultMatchesTheEngine) {
  AS_REQUIRE_SHARED();
  SessionController controller(1);
  load_and_wait(controller, "random-bert-uncased-L4-H256");
  const auto result = run_and_wait(controller, QStringLiteral("The cat sat."), QStringLiteral("It was tired."));
  ASSERT_NE(result, nullptr);

  // The same input straight through the engine on this thread.
  const auto dir = test::models_dir() / "random-bert-uncased-L4-H256";
  auto model = load_model(dir, make_cpu_backend(1));
  auto tokenizer = load_tokenizer(dir, "bert");
  EncodeOptions options;
  options.max_length = 512;
  const Encoding encoding = tokenizer->encode_pair("The cat sat.", "It was tired.", options);
  ForwardInput input{encoding.ids(), encoding.token_type_ids, {}};
  const ForwardResult expected = model->forward(input);

  EXPECT_EQ(result->encoding.ids(), encoding.ids());
  ASSERT_EQ(result->labels.size(), encoding.tokens.size());
  EXPECT_EQ(result->labels.front().text(), "[CLS]");
  ASSERT_EQ(result->forward.attentions.size(), expected.attentions.size());
  for (size_t layer = 0; layer < expected.attentions.size(); ++layer) {
    const auto got = result->forward.attentions[layer].values();
    const auto want = expected.attentions[layer].values();
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) ASSERT_NEAR(got[i], want[i], 1e-6f) << "layer " << layer << " at " << i;
  }
}

TEST(SessionController, OnlyTheNewestRequestIsAnswered) {
  AS_REQUIRE_SHARED();
  SessionController controller(1);
  load_and_wait(controller, "random-bert-uncased-L4-H256");
  QSignalSpy finished(&controller, &SessionController::runFinished);
  const QString sentence = QStringLiteral("typing one key at a time");
  quint64 last = 0;
  for (int n = 1; n <= sentence.size(); ++n) last = controller.requestRun(sentence.left(n));
  while (finished.isEmpty() || finished.last().at(0).value<RunResultPtr>()->generation != last) {
    ASSERT_TRUE(finished.wait(kWaitMillis));
  }
  QTest::qWait(50);  // anything still in flight would arrive now
  for (const auto& emitted : finished) {
    EXPECT_EQ(emitted.at(0).value<RunResultPtr>()->generation, last) << "a stale result reached the views";
  }
}

TEST(SessionController, BadFolderReportsTheEngineErrorAndKeepsThePreviousModel) {
  AS_REQUIRE_SHARED();
  SessionController controller(1);
  load_and_wait(controller, "random-bert-uncased-L4-H256");
  const auto previous = controller.model();

  QSignalSpy failed(&controller, &SessionController::loadFailed);
  controller.openModel(QStringLiteral("/nonexistent/model-folder"));
  ASSERT_TRUE(failed.wait(kWaitMillis));
  EXPECT_TRUE(failed.first().at(1).toString().contains(QStringLiteral("not a folder")))
      << failed.first().at(1).toString().toStdString();
  EXPECT_EQ(controller.model(), previous);
  EXPECT_FALSE(controller.isLoading());

  const auto result = run_and_wait(controller, QStringLiteral("still works"));
  ASSERT_NE(result, nullptr);
  EXPECT_EQ(result->model, previous);
  EXPECT_EQ(result->layer_count(), 4);
}

TEST(SessionController, CancelledLoadKeepsThePreviousModel) {
  AS_REQUIRE_SHARED();
  SessionController controller(1);
  load_and_wait(controller, "random-bert-uncased-L4-H256");
  const auto previous = controller.model();
  QSignalSpy cancelled(&controller, &SessionController::loadCancelled);
  QSignalSpy loaded(&controller, &SessionController::modelLoaded);
  controller.openModel(model_path("random-gpt2-L4-H256"));
  controller.cancelLoad();
  ASSERT_TRUE(cancelled.wait(kWaitMillis));
  EXPECT_TRUE(loaded.isEmpty());
  EXPECT_EQ(controller.model(), previous);
}

TEST(SessionController, GptTwoRunsAreCausalAndEmptyTextHasNoTokens) {
  AS_REQUIRE_SHARED();
  SessionController controller(1);
  load_and_wait(controller, "random-gpt2-L4-H256");
  const auto result = run_and_wait(controller, QStringLiteral("Hello world, 안녕"));
  ASSERT_NE(result, nullptr);
  EXPECT_EQ(result->model->tokenizer_kind, "bpe");
  EXPECT_EQ(result->labels[1].text(), "Ġworld");
  const Tensor& scores = result->forward.scores[0];
  EXPECT_TRUE(std::isinf(scores.at(0, 0, 1)));  // token 0 cannot see token 1
  EXPECT_FALSE(std::isinf(scores.at(0, 1, 0)));

  const auto empty = run_and_wait(controller, QString());
  ASSERT_NE(empty, nullptr);
  EXPECT_EQ(empty->token_count(), 0);
  EXPECT_EQ(empty->layer_count(), 0);
}

}  // namespace
}  // namespace as::ui
