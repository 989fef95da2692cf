#pragma once
// The JSON form of an Encoding (attentionscope-cli tokenize / run --text):
// {"tokens":[{"id","text","start","end","special","continuation","word"}],"token_type_ids":[...],"warnings":[...]}
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "tokenizers/tokenizer.h"

namespace as {

nlohmann::json encoding_to_json(const Encoding& encoding);

// One object per word: {"word","pieces"} plus, for WordPiece, "steps":[{"start","end","candidate","matched"}]
// and, for BPE, "initial_symbols" and "merges":[{"left","right","rank","pieces_after"}].
// `kind` is Tokenizer::kind().
nlohmann::json explanation_to_json(const std::vector<WordExplanation>& words, std::string_view kind);

}  // namespace as
