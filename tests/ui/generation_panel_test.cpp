// The generation panel against HuggingFace and the CLI: greedy tokens streamed into the panel
// equal transformers' generate() (golden) and `attentionscope-cli generate --greedy`, each
// step's top-5 equals the golden one, the first step's attention equals the golden attention row
// of the prompt's last token, Stop ends a run within one step, replay walks the steps.
#include <QProcess>
#include <QSignalSpy>
#include <QSlider>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>

#include "io/safetensors.h"
#include "support/golden.h"
#include "support/test_support.h"
#include "ui/bar_chart.h"
#include "ui/generation_panel.h"
#include "ui/generation_step_view.h"
#include "ui/generation_tokens.h"
#include "ui/main_window.h"
#include "ui/session_controller.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

constexpr int kWaitMillis = 60'000;
// Step probabilities come from logits computed through 20 cached steps. The golden README bounds
// logits by 5e-4 absolute; through the softmax that is at most p(1-p)·2·5e-4 ≤ 2.5e-4. Measured:
// up to 1.6e-5 (cjk_korean, p ≈ 0.94), so 5e-5 still catches any real error (≥ 1e-3).
constexpr double kStepProbTol = 5e-5;
const char* const kGpt2 = "random-gpt2-L4-H256";

bool generate_and_wait(GenerationPanel& panel) {
  QSignalSpy finished(&panel, &GenerationPanel::finished);
  panel.generate();
  return finished.wait(kWaitMillis);
}

std::vector<int32_t> streamed_ids(const GenerationPanel& panel) {
  std::vector<int32_t> ids;
  for (const auto& step : panel.steps()) ids.push_back(step->step.id);
  return ids;
}

// `attentionscope-cli generate --greedy` on the same prompt: its "ids".
std::vector<int32_t> cli_greedy_ids(const QString& prompt, int count) {
  QProcess cli;
  cli.start(QStringLiteral(AS_CLI_PATH),
            {QStringLiteral("generate"), QStringLiteral("--model"), test::model_dir(kGpt2), QStringLiteral("--prompt"),
             prompt, QStringLiteral("--max-new-tokens"), QString::number(count), QStringLiteral("--greedy"),
             QStringLiteral("--threads"), QStringLiteral("1")});
  if (!cli.waitForFinished(kWaitMillis) || cli.exitCode() != 0) {
    ADD_FAILURE() << "CLI failed: " << cli.readAllStandardError().toStdString();
    return {};
  }
  const auto out = nlohmann::json::parse(cli.readAllStandardOutput().toStdString());
  return out["ids"].get<std::vector<int32_t>>();
}

TEST(GenerationPanel, GreedyTokensEqualTheGoldenAndTheCli) {
  AS_REQUIRE_SHARED();
  const auto dir = as::test::golden_dir() / kGpt2;
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  ASSERT_NE(test::load_and_run(window, kGpt2, QStringLiteral("hello")), nullptr);
  GenerationPanel* panel = window.generationPanel();
  for (const char* name : {"course", "cjk_korean"}) {
    const auto golden = as::test::read_json(dir / (std::string(name) + ".json"));
    const QString prompt = QString::fromStdString(golden["text"].get<std::string>());
    panel->setPrompt(prompt);
    panel->setGreedy(true);
    panel->setMaxNewTokens(20);
    QSignalSpy streamed(window.controller(), &SessionController::generationStep);
    ASSERT_TRUE(generate_and_wait(*panel)) << name;
    EXPECT_EQ(streamed.count(), 20) << "one signal per token, as they come";
    const auto expected = golden["generation"]["new_ids"].get<std::vector<int32_t>>();
    EXPECT_EQ(streamed_ids(*panel), expected) << name;
    EXPECT_EQ(streamed_ids(*panel), cli_greedy_ids(prompt, 20)) << name;
    EXPECT_EQ(panel->tokens()->generatedCount(), 20);
    // Every step's top-5 alternatives, in order, with their probabilities.
    const auto& steps = golden["generation"]["steps"];
    for (size_t s = 0; s < steps.size(); ++s) {
      const auto& top = panel->steps()[s]->step.top;
      ASSERT_EQ(top.size(), steps[s]["top5"].size());
      for (size_t k = 0; k < top.size(); ++k) {
        EXPECT_EQ(top[k].id, steps[s]["top5"][k]["id"].get<int32_t>()) << name << " step " << s << " rank " << k;
        EXPECT_NEAR(top[k].probability, steps[s]["top5"][k]["prob"].get<double>(), kStepProbTol)
            << name << " step " << s << " rank " << k;
      }
    }
  }
}

TEST(GenerationPanel, ClickingATokenShowsItsAlternativesAndTheGoldenAttention) {
  AS_REQUIRE_SHARED();
  const auto dir = as::test::golden_dir() / kGpt2;
  const auto golden = as::test::read_json(dir / "course.json");
  const auto tensors = SafetensorsFile::open(dir / "course.safetensors");
  MainWindow window;
  ASSERT_NE(test::load_and_run(window, kGpt2, QStringLiteral("hello")), nullptr);
  GenerationPanel* panel = window.generationPanel();
  panel->setPrompt(QString::fromStdString(golden["text"].get<std::string>()));
  panel->setMaxNewTokens(3);
  ASSERT_TRUE(generate_and_wait(*panel));
  ASSERT_EQ(panel->steps().size(), 3u);

  emit panel->tokens()->stepClicked(0);
  EXPECT_EQ(panel->selectedStep(), 0);
  EXPECT_EQ(panel->replaySlider()->value(), 0);
  const auto& top5 = golden["generation"]["steps"][0]["top5"];
  BarChart* alternatives = panel->stepView()->alternativesChart();
  ASSERT_EQ(alternatives->bars().size(), 5);
  EXPECT_NEAR(alternatives->bars()[0].value, top5[0]["prob"].get<double>(), as::test::kProbTol);
  EXPECT_EQ(alternatives->bars()[0].label, QStringLiteral("ĠLeth"));  // as the token chips write it

  // Step 0 predicts from the prompt's last token: its attention row is the golden last row.
  const int64_t tokens = golden["seq_len"].get<int64_t>();
  const int layers = golden["num_layers"];
  const int heads = golden["num_heads"];
  for (int l = 0; l < layers; ++l) {
    const Tensor expected = tensors->load_f32("attentions." + std::to_string(l));
    panel->stepView()->setLayer(l);
    for (int h = -1; h < heads; ++h) {
      panel->stepView()->setHead(h);
      const auto& row = panel->stepView()->attentionRow();
      ASSERT_EQ(static_cast<int64_t>(row.size()), tokens);
      for (int64_t k = 0; k < tokens; ++k) {
        double want = 0;
        if (h >= 0) {
          want = static_cast<double>(expected.at(h, tokens - 1, k));
        } else {
          for (int g = 0; g < heads; ++g) want += static_cast<double>(expected.at(g, tokens - 1, k)) / heads;
        }
        EXPECT_NEAR(row[static_cast<size_t>(k)], want, as::test::kAttentionTol) << "layer " << l << " head " << h;
      }
    }
  }
  // Step 2 attends over the prompt and the two tokens generated before it.
  emit panel->tokens()->stepClicked(2);
  EXPECT_EQ(panel->stepView()->attentionRow().size(), static_cast<size_t>(tokens + 2));
  EXPECT_EQ(panel->stepView()->attentionChart()->bars().size(), tokens + 2);
}

TEST(GenerationPanel, StopEndsTheRunWithinOneStep) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  ASSERT_NE(test::load_and_run(window, kGpt2, QStringLiteral("hello")), nullptr);
  auto computed = std::make_shared<std::atomic<int64_t>>(0);
  window.controller()->setGenerationHook([computed](int64_t index) { computed->store(index + 1); });
  GenerationPanel* panel = window.generationPanel();
  panel->setPrompt(QStringLiteral("In this course, we will teach you how to"));
  panel->setMaxNewTokens(1000);
  QSignalSpy streamed(window.controller(), &SessionController::generationStep);
  QSignalSpy finished(panel, &GenerationPanel::finished);
  panel->generate();
  EXPECT_TRUE(panel->isRunning());
  ASSERT_TRUE(streamed.wait(kWaitMillis));
  panel->stop();
  // Read after the stop flag is set: at most the step in progress then may still complete.
  const int64_t at_stop = computed->load();
  ASSERT_TRUE(finished.wait(kWaitMillis));
  ASSERT_NE(panel->outcome(), nullptr);
  EXPECT_EQ(panel->outcome()->stop_reason, StopReason::Cancelled);
  EXPECT_LE(static_cast<int64_t>(panel->steps().size()), at_stop + 1);
  EXPECT_LT(panel->steps().size(), 1000u);
  EXPECT_FALSE(panel->isRunning());
}

TEST(GenerationPanel, StoppedBeforeItStartsFinishesEmpty) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  ASSERT_NE(test::load_and_run(window, kGpt2, QStringLiteral("hello")), nullptr);
  GenerationPanel* panel = window.generationPanel();
  panel->setPrompt(QStringLiteral("Hello"));
  // Keep the worker busy with a slow reload, so the request waits in its queue behind it.
  window.controller()->setLoadHook([](double) { QThread::msleep(30); });
  window.openModel(test::model_dir(kGpt2));
  QSignalSpy finished(panel, &GenerationPanel::finished);
  panel->generate();
  panel->stop();  // the worker has not picked the request up yet
  ASSERT_TRUE(finished.wait(kWaitMillis));
  EXPECT_EQ(panel->steps().size(), 0u);
  ASSERT_NE(panel->outcome(), nullptr);
  EXPECT_EQ(panel->outcome()->stop_reason, StopReason::Cancelled);
  EXPECT_FALSE(panel->isRunning());
}

TEST(GenerationPanel, ReplayStepsThroughTheTokens) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  ASSERT_NE(test::load_and_run(window, kGpt2, QStringLiteral("hello")), nullptr);
  GenerationPanel* panel = window.generationPanel();
  panel->setPrompt(QStringLiteral("The Transformer architecture was introduced in"));
  panel->setMaxNewTokens(4);
  ASSERT_TRUE(generate_and_wait(*panel));
  QSlider* slider = panel->replaySlider();
  EXPECT_EQ(slider->maximum(), 3);
  EXPECT_EQ(slider->value(), 3);  // followed the stream to the last token
  panel->replay();
  EXPECT_EQ(panel->selectedStep(), 0);
  std::vector<int> seen{panel->selectedStep()};
  QSignalSpy moved(slider, &QSlider::valueChanged);
  while (static_cast<int>(seen.size()) < 4 && moved.wait(4 * GenerationPanel::kReplayMillis)) {
    seen.push_back(panel->selectedStep());
  }
  EXPECT_EQ(seen, (std::vector<int>{0, 1, 2, 3}));
}

TEST(GenerationPanel, ShadeFollowsTheProbability) {
  EXPECT_EQ(GenerationTokens::shade(0.0), QColor(255, 255, 255));
  EXPECT_EQ(GenerationTokens::shade(1.0), QColor(46, 160, 67));
  EXPECT_EQ(GenerationTokens::shade(0.5), QColor(151, 208, 161));  // halfway, rounded
}

TEST(GenerationPanel, ABertModelIsExplained) {
  AS_REQUIRE_SHARED();
  MainWindow window;
  ASSERT_NE(test::load_and_run(window, "random-bert-uncased-L4-H256", QStringLiteral("hello")), nullptr);
  EXPECT_TRUE(window.generationPanel()->statusText().contains(QStringLiteral("GPT-2")));
}

}  // namespace
}  // namespace as::ui
