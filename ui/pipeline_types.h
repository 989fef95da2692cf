#pragma once
// Requests and immutable results of the teaching pipelines (fill-mask with NSP, text generation)
// that travel between the GUI thread and the session worker, like RunResult does for forward
// passes. The worker never touches a value after emitting it.
#include <QMetaType>
#include <QtGlobal>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipelines/fill_mask.h"
#include "pipelines/generation.h"
#include "ui/token_labels.h"

namespace as::ui {

struct FillMaskRequest {
  quint64 generation = 0;  // increases with every fill-mask request; older results are dropped
  std::string text_a;      // holds the model's mask token(s)
  std::string text_b;      // optional second sentence: its NSP probability is reported (BERT)
  int64_t top_k = 5;
  std::vector<std::string> targets;  // score only these words; empty = the whole vocabulary
};

struct FillMaskOutcome {
  quint64 generation = 0;
  FillMaskRequest request;
  std::string mask_token;  // "[MASK]" or "<mask>", as the text spells it
  std::vector<MaskPrediction> masks;  // one per mask token, in text order
  std::vector<std::string> warnings;
  // P(B follows A) when a second sentence was given and the checkpoint has an NSP head.
  std::optional<double> is_next_probability;
  std::string nsp_unavailable;  // why there is no NSP probability although B was given
};

struct GenerationRequest {
  quint64 id = 0;
  std::string prompt;
  GenerationOptions options;  // `cancel` is set by the controller
};

// Emitted once the prompt is tokenised, before the first step.
struct GenerationStart {
  quint64 id = 0;
  std::vector<int32_t> prompt_ids;
  std::vector<TokenLabel> prompt_labels;
};

// One generated token, streamed as soon as it is chosen.
struct GenerationUpdate {
  quint64 id = 0;
  int64_t index = 0;  // 0-based step
  GenerationStep step;
  // Labels of prompt + generated tokens up to this one: byte pieces of one character are named
  // only once the sequence holds all of them, so the labels of earlier steps may change.
  std::vector<TokenLabel> labels;
};

struct GenerationOutcome {
  quint64 id = 0;
  StopReason stop_reason = StopReason::MaxTokens;
  std::string text;  // generated text only
  std::vector<int32_t> ids;
  double prompt_millis = 0.0;
  double generation_millis = 0.0;
  std::vector<std::string> warnings;
};

using FillMaskOutcomePtr = std::shared_ptr<const FillMaskOutcome>;
using GenerationStartPtr = std::shared_ptr<const GenerationStart>;
using GenerationUpdatePtr = std::shared_ptr<const GenerationUpdate>;
using GenerationOutcomePtr = std::shared_ptr<const GenerationOutcome>;

}  // namespace as::ui

Q_DECLARE_METATYPE(as::ui::FillMaskOutcomePtr)
Q_DECLARE_METATYPE(as::ui::GenerationStartPtr)
Q_DECLARE_METATYPE(as::ui::GenerationUpdatePtr)
Q_DECLARE_METATYPE(as::ui::GenerationOutcomePtr)
