#include "ui/word_explanation.h"

#include "tokenizers/byte_level.h"
#include "ui/heatmap_svg.h"
#include "ui/token_labels.h"

namespace as::ui {
namespace {

std::string code(const std::string& text) { return "<code>" + xml_escape(text) + "</code>"; }

std::string joined_pieces(const std::vector<std::string>& pieces, bool byte_level) {
  std::string out;
  for (const auto& piece : pieces) {
    if (!out.empty()) out += " ";
    out += code(byte_level ? readable_byte_level(piece) : piece);
  }
  return out;
}

std::string wordpiece_steps(const WordExplanation& e) {
  std::string html = "<p>Greedy longest-match-first: at each position take the longest vocabulary entry "
                     "(continuations carry <code>##</code>).</p><table cellspacing=2>";
  const size_t shown = std::min(e.wordpiece_steps.size(), kMaxExplainedSteps);
  for (size_t i = 0; i < shown; ++i) {
    const WordPieceStep& step = e.wordpiece_steps[i];
    html += "<tr><td align=right>" + std::to_string(i + 1) + ".</td><td>" + code(step.candidate) + "</td><td>" +
            (step.matched ? "<b style=\"color:#1b7a1b\">✓ in the vocabulary → a piece</b>"
                          : "<span style=\"color:#a03030\">✗ not in the vocabulary</span>") +
            "</td></tr>";
  }
  html += "</table>";
  if (e.wordpiece_steps.size() > shown) {
    html += "<p>… and " + std::to_string(e.wordpiece_steps.size() - shown) + " more candidates.</p>";
  }
  return html;
}

std::string bpe_merges(const WordExplanation& e) {
  std::string html = "<p>Start from the word's bytes: " + joined_pieces(e.initial_symbols, true) +
                     "</p><p>Then repeatedly merge the adjacent pair with the lowest rank in merges.txt:</p>"
                     "<table cellspacing=2>";
  for (size_t i = 0; i < e.merges.size(); ++i) {
    const BpeMerge& m = e.merges[i];
    html += "<tr><td align=right>" + std::to_string(i + 1) + ".</td><td>" + code(readable_byte_level(m.left)) +
            " + " + code(readable_byte_level(m.right)) + "</td><td>rank " + std::to_string(m.rank) +
            "</td><td>→ " + joined_pieces(m.pieces_after, true) + "</td></tr>";
  }
  html += "</table>";
  if (e.merges.empty()) html += "<p>No pair of these symbols is in merges.txt: nothing to merge.</p>";
  return html;
}

}  // namespace

std::string readable_byte_level(const std::string& piece) {
  return printable(ByteLevelMap::instance().decode_token(piece));
}

std::string explanation_html(const WordExplanation& e, bool byte_level) {
  const std::string word = byte_level ? readable_byte_level(e.word) : e.word;
  std::string html = "<h3>How " + code(word) + " was split</h3>";
  const bool special = e.wordpiece_steps.empty() && e.merges.empty() && e.initial_symbols.empty();
  if (special) return html + "<p>A special token: it is never split.</p>";
  html += byte_level ? bpe_merges(e) : wordpiece_steps(e);
  html += "<p><b>Result:</b> " + joined_pieces(e.pieces, byte_level) + "</p>";
  if (byte_level && html.find("⟨") != std::string::npos) {
    html += "<p style=\"color:#606060\">␣ is a space. ⟨EC 84⟩ are UTF-8 bytes of a character that this piece "
            "holds only part of: byte-level BPE merges bytes, not characters.</p>";
  }
  return html;
}

}  // namespace as::ui
