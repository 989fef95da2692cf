#pragma once
// BERT's BasicTokenizer (transformers 4.31, tokenization_bert.py), with every output character
// remembering which characters of the original text it came from, so that WordPiece pieces can
// be given spans in the original text even after NFC, lower-casing and accent stripping.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace as {

// [start, end) in code points of the original text.
struct Span {
  int32_t start = 0;
  int32_t end = 0;
};

// Code points, each with the span of original code points it stands for.
struct SpannedText {
  std::u32string chars;
  std::vector<Span> spans;
  bool reordered = false;  // canonical reordering moved characters: spans may not be in order

  void push(char32_t c, Span s) {
    chars.push_back(c);
    spans.push_back(s);
  }
  void clear() {
    chars.clear();
    spans.clear();
    reordered = false;
  }
  size_t size() const { return chars.size(); }
  bool empty() const { return chars.empty(); }
  // The original span covered by characters [begin, end).
  Span cover(size_t begin, size_t end) const;
};

struct BasicTokenizerOptions {
  bool do_lower_case = true;
  std::optional<bool> strip_accents;  // unset: strip when lower-casing (HF's None)
  bool tokenize_chinese_chars = true;
  std::vector<std::string> never_split;  // kept whole and given to the vocabulary as they are
  // Kept whole like never_split but still given to WordPiece: the special tokens, which
  // BertTokenizer passes to BasicTokenizer.tokenize(never_split=all_special_tokens).
  std::vector<std::string> protected_words;
};

class BasicTokenizer {
 public:
  explicit BasicTokenizer(BasicTokenizerOptions options);

  // Receives each word: characters [begin, end) of `chars` (a buffer valid during the call).
  // never_split: listed in never_split, so BertTokenizer gives it to the vocabulary whole.
  using WordSink = std::function<void(const SpannedText& chars, size_t begin, size_t end, bool never_split)>;

  // Tokenizes characters [begin, end) of `text` (which the caller has already lower-cased one
  // code point at a time, as PreTrainedTokenizer.tokenize does) and passes the words, in order,
  // to `sink`: clean text, isolate CJK ideographs, NFC, split on whitespace, lower-case and strip
  // accents, split on punctuation.
  void tokenize(const SpannedText& text, size_t begin, size_t end, const WordSink& sink) const;

  // The same on valid UTF-8 whose first character is character `first_index` of the original
  // text, lower-casing each character first when `lower_case` (instead of a separate pass).
  void tokenize_utf8(std::string_view text, int32_t first_index, bool lower_case, const WordSink& sink) const;

  // Whether `c` ends a word (whitespace that _clean_text keeps, or that str.split() splits at).
  // The words of a text between two such characters depend on those characters alone.
  static bool separates_words(char32_t c);

 private:
  struct Scratch;
  void consume(char32_t c, Span span, Scratch& scratch, const WordSink& sink) const;
  static bool is_dropped(char32_t c, uint16_t flags);  // _clean_text removes it
  void finish_word(Scratch& scratch, const WordSink& sink) const;
  bool is_kept_whole(const std::u32string& word) const;

  BasicTokenizerOptions options_;
  bool strip_accents_ = true;
  std::unordered_set<std::u32string> never_split_;  // options.never_split
  std::unordered_set<std::u32string> kept_whole_;   // never_split + protected_words
  // Cheap filters before hashing a word for kept_whole_: most words fail on length or first character.
  size_t kept_whole_min_length_ = SIZE_MAX;
  size_t kept_whole_max_length_ = 0;
  std::u32string kept_whole_first_chars_;
};

// Python's per-character str.lower() on the text, except inside `protected_ranges` (sorted,
// non-overlapping [begin, end) character ranges: the special tokens typed in the text).
void lower_case_outside(SpannedText& text, const std::vector<std::pair<size_t, size_t>>& protected_ranges);

}  // namespace as
