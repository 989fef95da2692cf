#pragma once
// How tokens are written on chips and axis labels. Qt-free and unit-tested.
//
// WordPiece (BERT) pieces are shown as the vocabulary spells them ("##ing"). Byte-level BPE (GPT-2)
// vocabulary strings are unreadable for anything but ASCII ("ìķĪ" for "안"), so those tokens are
// shown as the text their bytes decode to, with the leading-space marker "Ġ" kept because it
// tells where words start. A token holding only some bytes of a character (common for Korean,
// Chinese, emoji) shows that character with "…" on the side where the rest of it lies:
// "안…" then "…안".
#include <string>
#include <string_view>
#include <vector>

#include "tokenizers/tokenizer.h"

namespace as::ui {

enum class TokenKind { Special, WordStart, Continuation };

struct TokenLabel {
  std::string marker;  // "##", "Ġ" or "": drawn dimmed on chips
  std::string body;    // printable UTF-8
  TokenKind kind = TokenKind::WordStart;
  bool partial_character = false;  // byte-level piece holding part of a multi-byte character
  std::string bytes_hex;           // byte-level pieces: the token's bytes, "EC 95"

  std::string text() const { return marker + body; }
};

TokenLabel wordpiece_label(const Token& token);
// `bytes[i]` are the raw bytes of tokens[i] (its vocabulary string mapped back through GPT-2's
// byte map). Characters are found over the whole sequence, so split characters can be named.
std::vector<TokenLabel> byte_level_labels(const std::vector<Token>& tokens, const std::vector<std::string>& bytes);

// UTF-8 text with invisible characters made visible (space "␣", newline "↵", tab "⇥", other
// controls and invalid bytes as "⟨0A⟩" hex). Sets *had_invalid when bytes were not valid UTF-8.
std::string printable(std::string_view bytes, bool* had_invalid = nullptr);

}  // namespace as::ui
