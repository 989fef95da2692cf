#include "tokenizers/encoding_json.h"

namespace as {

nlohmann::json encoding_to_json(const Encoding& encoding) {
  nlohmann::json tokens = nlohmann::json::array();
  for (const Token& t : encoding.tokens) {
    tokens.push_back({{"id", t.id},
                      {"text", t.text},
                      {"start", t.start},
                      {"end", t.end},
                      {"special", t.special},
                      {"continuation", t.continuation},
                      {"word", t.word}});
  }
  nlohmann::json out;
  out["tokens"] = std::move(tokens);
  out["token_type_ids"] = encoding.token_type_ids;
  out["warnings"] = encoding.warnings;
  if (encoding.dropped_tokens > 0) out["dropped_tokens"] = encoding.dropped_tokens;
  return out;
}

nlohmann::json explanation_to_json(const std::vector<WordExplanation>& words, std::string_view kind) {
  nlohmann::json out = nlohmann::json::array();
  for (const WordExplanation& w : words) {
    nlohmann::json item = {{"word", w.word}, {"pieces", w.pieces}};
    if (kind == "wordpiece") {
      nlohmann::json steps = nlohmann::json::array();
      for (const WordPieceStep& s : w.wordpiece_steps)
        steps.push_back({{"start", s.start}, {"end", s.end}, {"candidate", s.candidate}, {"matched", s.matched}});
      item["steps"] = std::move(steps);
    } else {
      nlohmann::json merges = nlohmann::json::array();
      for (const BpeMerge& m : w.merges)
        merges.push_back({{"left", m.left}, {"right", m.right}, {"rank", m.rank}, {"pieces_after", m.pieces_after}});
      item["initial_symbols"] = w.initial_symbols;
      item["merges"] = std::move(merges);
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace as
