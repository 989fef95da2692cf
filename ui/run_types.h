#pragma once
// Immutable values the session controller hands from its worker thread to the views. They are
// shared through shared_ptr<const ...>: the worker never touches a value after emitting it, so
// views on the GUI thread read them without locks.
#include <QMetaType>
#include <QtGlobal>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "models/model.h"
#include "tokenizers/tokenizer.h"
#include "ui/token_labels.h"

namespace as::ui {

// What the model panel shows about the loaded checkpoint.
struct ModelSummary {
  ModelInfo info;
  std::string backend;
  std::string tokenizer_kind;  // "wordpiece" or "bpe"
  double load_millis = 0.0;
  std::optional<std::string> random_note;  // config.json's `_comment` when the weights are RANDOM
  std::string mask_token;  // the tokenizer's mask token ("[MASK]", "<mask>"); empty when it has none

  bool is_random() const { return random_note.has_value(); }
  bool takes_sentence_pairs() const { return info.family == "bert"; }
  bool fills_masks() const { return info.has_mlm_head && !mask_token.empty(); }
  bool generates_text() const { return info.family == "gpt2" && info.has_lm_head; }
};

struct RunRequest {
  quint64 generation = 0;  // increases with every request; results of older ones are dropped
  std::string text_a;
  std::string text_b;  // second sentence of a BERT pair; empty = single sentence
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
  double tokenize_millis = 0.0;
  double total_millis = 0.0;

  int64_t token_count() const { return static_cast<int64_t>(encoding.tokens.size()); }
  int64_t layer_count() const { return static_cast<int64_t>(forward.attentions.size()); }
  int64_t head_count() const { return forward.attentions.empty() ? 0 : forward.attentions.front().dim(0); }
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
