#pragma once
// Immutable values the session controller hands from its worker thread to the views. They are
// shared through shared_ptr<const ...>: the worker never touches a value after emitting it, so
// views on the GUI thread read them without locks.
#include <QMetaType>
#include <QtGlobal>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "models/model.h"
#include "ui/attention_overview.h"
#include "tokenizers/tokenizer.h"
#include "ui/token_labels.h"

namespace as::ui {

// What the model panel shows about the loaded checkpoint.
struct ModelSummary {
  ModelInfo info;
  std::string backend;          // where it runs: "cpu" or "opencl"
  std::string backend_device;   // the OpenCL device's name, "" on the CPU
  std::string fallback_reason;  // why it runs on the CPU although OpenCL was chosen; "" otherwise
  std::string tokenizer_kind;  // "wordpiece" or "bpe"
  double load_millis = 0.0;
  std::optional<std::string> random_note;  // config.json's `_comment` when the weights are RANDOM
  // The learned position table [max_positions, H] (BERT position_embeddings, GPT-2 wpe), read-only.
  std::shared_ptr<const Tensor> position_embeddings;
  std::string mask_token;  // the tokenizer's mask token ("[MASK]", "<mask>"); empty when it has none

  bool is_random() const { return random_note.has_value(); }
  bool takes_sentence_pairs() const { return info.family == "bert"; }
  bool fills_masks() const { return info.has_mlm_head && !mask_token.empty(); }
  bool generates_text() const { return info.family == "gpt2" && info.has_lm_head; }
};

// Past this many bytes of attention (every layer's probabilities and scores, and Q, K, V), a run
// keeps only the layers on screen whole: BERT-base keeps everything up to about 180 tokens,
// GPT-2 small at 1024 tokens would otherwise hold over a gigabyte.
inline constexpr uint64_t kFullCaptureLimit = uint64_t{64} << 20;

struct RunRequest {
  quint64 generation = 0;  // increases with every request; results of older ones are dropped
  std::string text_a;
  std::string text_b;  // second sentence of a BERT pair; empty = single sentence
  // Raised when a newer request or shutdown makes this one pointless: the forward pass stops at
  // the next layer.
  std::shared_ptr<const std::atomic<bool>> cancel;
  std::function<void(size_t)> on_layer;  // instrumentation (tests): called before every layer
  // The layers whose attention the caller will draw; nullopt = all. The others stay empty in
  // RunResult::forward, which keeps long inputs from holding every layer's T × T matrices.
  std::optional<std::vector<int64_t>> attention_layers;
  // When attention_layers is not given and keeping every layer would take more than
  // full_capture_limit bytes: the layers the views show (kept whole; the rest only in
  // RunResult::overview).
  std::vector<int64_t> focus_layers{0};
  uint64_t full_capture_limit = kFullCaptureLimit;
};

// One forward pass over one input, with everything the views need to draw it.
struct RunResult {
  quint64 generation = 0;
  std::shared_ptr<const ModelSummary> model;
  RunRequest request;
  Encoding encoding;
  std::vector<TokenLabel> labels;  // one per token
  // Tokenizer::explain of each text, indexed by Token::word (sentence B's words count from 0 again).
  std::vector<WordExplanation> explanations_a;
  std::vector<WordExplanation> explanations_b;
  ForwardResult forward;           // empty tensors when the input has no tokens
  // Set when the input was too long to keep every layer (RunRequest::full_capture_limit): the
  // thumbnails and rollout of all layers; forward.attentions holds only the focus layers.
  std::shared_ptr<const AttentionOverview> overview;
  double tokenize_millis = 0.0;
  double total_millis = 0.0;

  int64_t token_count() const { return static_cast<int64_t>(encoding.tokens.size()); }
  int64_t layer_count() const { return static_cast<int64_t>(forward.attentions.size()); }
  int64_t head_count() const {
    for (const Tensor& layer : forward.attentions)
      if (!layer.empty()) return layer.dim(0);  // layers not asked for are empty
    return overview ? overview->heads : 0;
  }
  // Whether layer `layer`'s full attention (probabilities, scores, Q/K/V) is in `forward`.
  bool keeps_layer(int64_t layer) const {
    return layer >= 0 && layer < layer_count() && !forward.attentions[static_cast<size_t>(layer)].empty();
  }
  // Whether token `index` comes from the second sentence of a BERT pair.
  bool in_second_sentence(size_t index) const {
    return index < encoding.token_type_ids.size() && encoding.token_type_ids[index] == 1 && !request.text_b.empty();
  }
  // How the tokenizer split the word token `index` belongs to; nullptr for added special tokens.
  const WordExplanation* explanation_of(size_t index) const;
};

using ModelSummaryPtr = std::shared_ptr<const ModelSummary>;
using RunResultPtr = std::shared_ptr<const RunResult>;

}  // namespace as::ui

Q_DECLARE_METATYPE(as::ui::ModelSummaryPtr)
Q_DECLARE_METATYPE(as::ui::RunResultPtr)
