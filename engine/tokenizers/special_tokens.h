#pragma once
// Special tokens typed in the text ("[MASK]", "<|endoftext|>", "<mask>"): finding them, and the
// whitespace the slow tokenizers strip next to them (PreTrainedTokenizer.tokenize in transformers).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizers/token_text.h"

namespace as {

struct SpecialToken {
  TokenText content;  // "[CLS]", "<|endoftext|>", ... (interned: tokens copy it)
  int32_t id = 0;
  bool lstrip = false;  // swallows the whitespace on its left
  bool rstrip = false;  // swallows the whitespace on its right
};

// One part of a text: a run of ordinary text, or one special token (special = its index).
// begin/end are positions in the scanned sequence (bytes for UTF-8, code points for UTF-32).
struct TextPart {
  size_t begin = 0;
  size_t end = 0;
  int special = -1;
};

// True when lower-casing a text outside its special-token occurrences cannot change where the
// special tokens are found: every token holds an ASCII capital (which lower-casing never
// produces), and no token overlaps or contains another. Then splitting the original text gives
// the same parts as lower-casing first and splitting after, as BertTokenizer does.
bool special_tokens_survive_lower_casing(const std::vector<SpecialToken>& tokens);

class SpecialTokenMatcher {
 public:
  SpecialTokenMatcher() = default;
  explicit SpecialTokenMatcher(std::vector<SpecialToken> tokens);

  const std::vector<SpecialToken>& tokens() const { return tokens_; }
  bool empty() const { return tokens_.empty(); }

  // Splits at every occurrence (leftmost first, then longest, like HF's Trie.split), then strips
  // Python whitespace next to each special token as its flags say. Text parts left empty are dropped.
  std::vector<TextPart> split(std::string_view text) const;
  std::vector<TextPart> split(std::u32string_view text) const;

  // Only the occurrences, without stripping (used to protect them from lower-casing).
  std::vector<TextPart> find_all(std::u32string_view text) const;

 private:
  template <class Char>
  std::vector<TextPart> find_occurrences(std::basic_string_view<Char> text) const;
  template <class Char>
  std::vector<TextPart> split_impl(std::basic_string_view<Char> text) const;

  std::vector<SpecialToken> tokens_;
  std::vector<std::u32string> tokens32_;
  bool first_byte_[256] = {};  // quick filter: can a special token start with this byte?
  std::u32string non_ascii_first_chars_;  // first code points beyond ASCII (UTF-32 text)
};

}  // namespace as
