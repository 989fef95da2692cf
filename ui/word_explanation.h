#pragma once
// The "explain" popup's text: how the tokenizer split one word, as HTML. WordPiece lists the
// greedy longest-match-first candidates it tried (✓ in the vocabulary, ✗ not); byte-level BPE
// lists the merges in the order applied, each with its rank in merges.txt. Qt-free, unit-tested.
#include <string>

#include "tokenizers/tokenizer.h"

namespace as::ui {

// At most this many WordPiece candidates are listed; a long unknown word tries hundreds.
constexpr size_t kMaxExplainedSteps = 120;

std::string explanation_html(const WordExplanation& explanation, bool byte_level);

// A byte-level vocabulary string as readable text: "Ġcat" -> "␣cat", split characters as hex.
std::string readable_byte_level(const std::string& piece);

}  // namespace as::ui
