#include "tokenizers/basic_tokenizer.h"

#include <algorithm>

#include "tokenizers/unicode.h"

namespace as {

Span SpannedText::cover(size_t begin, size_t end) const {
  if (!reordered) return {spans[begin].start, spans[end - 1].end};
  // Canonical reordering moved marks: take the extremes rather than the ends.
  Span s = spans[begin];
  for (size_t i = begin + 1; i < end; ++i) {
    s.start = std::min(s.start, spans[i].start);
    s.end = std::max(s.end, spans[i].end);
  }
  return s;
}

namespace {

// NFC, applied chunk by chunk (chunks start at code points that never interact with what precedes
// them), so that characters of an unchanged chunk keep their own spans and the characters of a
// changed chunk ("e" + U+0301 -> "é") cover the whole chunk.
void nfc_spanned(const SpannedText& in, SpannedText& out) {
  out.clear();
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    size_t j = i + 1;
    while (j < n && !(unicode::char_flags(in.chars[j]) & unicode::kStartsNfcChunk)) ++j;
    const char32_t first = in.chars[i];
    const bool stable = j == i + 1 && (first < 0x300 || (first >= 0xAC00 && first <= 0xD7A3) ||
                                       !(unicode::char_flags(first) & unicode::kCanonicalDecomposition));
    if (stable) {
      out.push(first, in.spans[i]);
    } else {
      const std::u32string_view chunk(in.chars.data() + i, j - i);
      const std::u32string normalized = unicode::nfc(chunk);
      if (normalized == chunk) {
        for (size_t k = i; k < j; ++k) out.push(in.chars[k], in.spans[k]);
      } else {
        const Span covered = in.cover(i, j);
        for (char32_t c : normalized) out.push(c, covered);
      }
    }
    i = j;
  }
}

void lower_spanned(const SpannedText& in, SpannedText& out) {
  out.clear();
  std::u32string lowered;
  for (size_t i = 0; i < in.size(); ++i) {
    if (!(unicode::char_flags(in.chars[i]) & unicode::kChangesWhenLowered)) {
      out.push(in.chars[i], in.spans[i]);
      continue;
    }
    lowered.clear();
    unicode::append_python_lower(in.chars[i], lowered);
    for (char32_t c : lowered) out.push(c, in.spans[i]);
  }
}

// Lower-cases in place when no character becomes two (only U+0130 does); false: nothing done.
bool lower_in_place(SpannedText& word) {
  for (char32_t c : word.chars)
    if (c == 0x130) return false;
  for (char32_t& c : word.chars)
    if (unicode::char_flags(c) & unicode::kChangesWhenLowered) c = unicode::simple_lower(c);
  return true;
}

// Strips accents in place when no character decomposes (then it only drops nonspacing marks);
// false: nothing done, the copying version is needed.
bool strip_accents_in_place(SpannedText& word) {
  for (char32_t c : word.chars)
    if (unicode::char_flags(c) & unicode::kCanonicalDecomposition) return false;
  size_t kept = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (unicode::char_flags(word.chars[i]) & unicode::kNonspacingMark) continue;
    word.chars[kept] = word.chars[i];
    word.spans[kept] = word.spans[i];
    ++kept;
  }
  word.chars.resize(kept);
  word.spans.resize(kept);
  return true;
}

// _run_strip_accents: NFD, then drop every nonspacing mark (Mn). Dropping before the canonical
// reordering gives the same result, since a stable sort keeps the survivors' relative order.
void strip_accents_spanned(const SpannedText& in, SpannedText& out) {
  out.clear();
  std::u32string decomposed;
  bool needs_ordering = false;
  const auto keep = [&](char32_t c, Span span) {
    const uint16_t flags = unicode::char_flags(c);
    if (flags & unicode::kNonspacingMark) return;
    needs_ordering = needs_ordering || (flags & unicode::kCombiningClassNonzero);
    out.push(c, span);
  };
  for (size_t i = 0; i < in.size(); ++i) {
    if (!(unicode::char_flags(in.chars[i]) & unicode::kCanonicalDecomposition)) {
      keep(in.chars[i], in.spans[i]);
      continue;
    }
    decomposed.clear();
    unicode::append_canonical_decomposition(in.chars[i], decomposed);
    for (char32_t c : decomposed) keep(c, in.spans[i]);
  }
  if (!needs_ordering) return;
  out.reordered = true;
  size_t i = 0;
  while (i < out.size()) {
    if (unicode::combining_class(out.chars[i]) == 0) {
      ++i;
      continue;
    }
    size_t run_end = i;
    while (run_end < out.size() && unicode::combining_class(out.chars[run_end]) != 0) ++run_end;
    std::vector<std::pair<char32_t, Span>> run;
    for (size_t k = i; k < run_end; ++k) run.emplace_back(out.chars[k], out.spans[k]);
    std::stable_sort(run.begin(), run.end(), [](const auto& a, const auto& b) {
      return unicode::combining_class(a.first) < unicode::combining_class(b.first);
    });
    for (size_t k = i; k < run_end; ++k) {
      out.chars[k] = run[k - i].first;
      out.spans[k] = run[k - i].second;
    }
    i = run_end;
  }
}

// _run_split_on_punc: every punctuation character becomes a word of its own.
void split_on_punctuation(const SpannedText& word, const BasicTokenizer::WordSink& sink) {
  size_t start = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (!(unicode::char_flags(word.chars[i]) & unicode::kBertPunctuation)) continue;
    if (i > start) sink(word, start, i, false);
    sink(word, i, i + 1, false);
    start = i + 1;
  }
  if (word.size() > start) sink(word, start, word.size(), false);
}

}  // namespace

struct BasicTokenizer::Scratch {
  SpannedText raw;  // one whitespace-separated word of the cleaned text
  SpannedText a;
  SpannedText b;
};

BasicTokenizer::BasicTokenizer(BasicTokenizerOptions options) : options_(std::move(options)) {
  strip_accents_ = options_.strip_accents.value_or(options_.do_lower_case);
  for (const auto& w : options_.never_split) never_split_.insert(unicode::decode_utf8(w));
  kept_whole_ = never_split_;
  for (const auto& w : options_.protected_words) kept_whole_.insert(unicode::decode_utf8(w));
  for (const auto& w : kept_whole_) {
    if (w.empty()) continue;
    kept_whole_min_length_ = std::min(kept_whole_min_length_, w.size());
    kept_whole_max_length_ = std::max(kept_whole_max_length_, w.size());
    if (kept_whole_first_chars_.find(w[0]) == std::u32string::npos) kept_whole_first_chars_.push_back(w[0]);
  }
}

bool BasicTokenizer::is_kept_whole(const std::u32string& word) const {
  if (word.size() < kept_whole_min_length_ || word.size() > kept_whole_max_length_) return false;
  if (kept_whole_first_chars_.find(word[0]) == std::u32string::npos) return false;
  return kept_whole_.count(word) != 0;
}

bool BasicTokenizer::separates_words(char32_t c) {
  const uint16_t flags = unicode::char_flags(c);
  return !is_dropped(c, flags) && (flags & (unicode::kBertWhitespace | unicode::kPythonSpace));
}

bool BasicTokenizer::is_dropped(char32_t c, uint16_t flags) {
  return c == 0 || c == unicode::kReplacementChar || (flags & unicode::kBertControl);
}

void BasicTokenizer::consume(char32_t c, Span span, Scratch& scratch, const WordSink& out) const {
  const uint16_t flags = unicode::char_flags(c);
  // _clean_text drops NUL, U+FFFD and control characters (without splitting there) and turns
  // whitespace into spaces; str.split() then also splits at the other Python whitespace left
  // (U+2028, U+2029).
  if (is_dropped(c, flags)) return;
  if (flags & (unicode::kBertWhitespace | unicode::kPythonSpace)) {
    finish_word(scratch, out);
    return;
  }
  if (options_.tokenize_chinese_chars && (flags & unicode::kCjkIdeograph)) {
    finish_word(scratch, out);
    scratch.raw.push(c, span);
    finish_word(scratch, out);
    return;
  }
  scratch.raw.push(c, span);
}

void BasicTokenizer::tokenize(const SpannedText& text, size_t begin, size_t end, const WordSink& out) const {
  Scratch scratch;
  for (size_t i = begin; i < end; ++i) consume(text.chars[i], text.spans[i], scratch, out);
  finish_word(scratch, out);
}

void BasicTokenizer::tokenize_utf8(std::string_view text, int32_t first_index, bool lower_case,
                                   const WordSink& out) const {
  Scratch scratch;
  int32_t index = first_index;
  size_t pos = 0;
  while (pos < text.size()) {
    auto [c, length] = unicode::code_point_at(text, pos);
    const Span span{index, index + 1};
    if (lower_case && c == 0x130) {  // the one character Python lower-cases into two
      consume(U'i', span, scratch, out);
      consume(0x307, span, scratch, out);
    } else {
      if (lower_case && (unicode::char_flags(c) & unicode::kChangesWhenLowered)) c = unicode::simple_lower(c);
      consume(c, span, scratch, out);
    }
    pos += length;
    ++index;
  }
  finish_word(scratch, out);
}

void BasicTokenizer::finish_word(Scratch& scratch, const WordSink& out) const {
  if (scratch.raw.empty()) return;
  // Each copying step reads `word` and writes into the scratch buffer that `word` is not.
  SpannedText* word = &scratch.raw;
  const auto other = [&scratch](const SpannedText* current) { return current == &scratch.a ? &scratch.b : &scratch.a; };
  const char32_t highest = *std::max_element(word->chars.begin(), word->chars.end());

  if (highest >= 0x300) {  // nothing below U+0300 changes under NFC
    nfc_spanned(*word, *other(word));
    word = other(word);
  }
  if (!is_kept_whole(word->chars)) {
    if (options_.do_lower_case) {
      // str.lower() on the word. The text was lower-cased per code point already, so this changes
      // nothing more, except that its context-dependent final sigma can never fire (no capital
      // sigma is left); it is applied anyway, per code point, for exactness.
      if (highest < 0x80) {
        for (char32_t& c : word->chars)
          if (c >= 'A' && c <= 'Z') c += 32;
      } else if (!lower_in_place(*word)) {
        lower_spanned(*word, *other(word));
        word = other(word);
      }
    }
    if (strip_accents_ && highest >= 0x80 && !strip_accents_in_place(*word)) {
      strip_accents_spanned(*word, *other(word));
      word = other(word);
    }
  }
  if (is_kept_whole(word->chars)) {
    out(*word, 0, word->size(), never_split_.count(word->chars) != 0);
  } else {
    split_on_punctuation(*word, out);
  }
  scratch.raw.clear();
}

void lower_case_outside(SpannedText& text, const std::vector<std::pair<size_t, size_t>>& protected_ranges) {
  // In place, unless a character lower-cases to two (only U+0130 does): then rebuild the text.
  bool expands = false;
  size_t next_range = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (next_range < protected_ranges.size() && protected_ranges[next_range].first == i) {
      i = protected_ranges[next_range++].second - 1;
      continue;
    }
    char32_t& c = text.chars[i];
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') c += 32;
    } else if (c == 0x130) {
      expands = true;
    } else if (unicode::char_flags(c) & unicode::kChangesWhenLowered) {
      c = unicode::simple_lower(c);
    }
  }
  if (!expands) return;
  SpannedText out;
  out.chars.reserve(text.size() + 16);
  out.spans.reserve(text.size() + 16);
  next_range = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    while (next_range < protected_ranges.size() && protected_ranges[next_range].second <= i) ++next_range;
    const bool is_protected = next_range < protected_ranges.size() && protected_ranges[next_range].first <= i;
    if (text.chars[i] == 0x130 && !is_protected) {
      out.push(U'i', text.spans[i]);
      out.push(0x307, text.spans[i]);
    } else {
      out.push(text.chars[i], text.spans[i]);
    }
  }
  text = std::move(out);
}

}  // namespace as
