#include "tokenizers/unicode.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace as::unicode {

namespace {

const utf8proc_property_t& property(char32_t cp) {
  return *utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
}

utf8proc_category_t category(char32_t cp) {
  return static_cast<utf8proc_category_t>(property(cp).category);
}

bool is_mark_category(utf8proc_category_t c) {
  return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

// Conjoining jamo vowels and trailing consonants: the second element of the algorithmic Hangul
// compositions (Unicode chapter 3.12), which have combining class 0 yet attach to what precedes.
bool is_hangul_vowel_or_trailing_jamo(char32_t cp) {
  return (cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2);
}

// A starter (class 0, not a mark) that is never the second element of a canonical composition.
bool is_independent_starter(char32_t cp) {
  if (cp < 0x300) return true;  // no combining mark or composition secondary lies below U+0300
  return combining_class(cp) == 0 && !is_mark_category(category(cp)) &&
         !is_hangul_vowel_or_trailing_jamo(cp);
}

// Canonical ordering algorithm: a stable sort by combining class of every run of non-starters.
void canonical_order(std::u32string& text) {
  size_t i = 0;
  while (i < text.size()) {
    if (combining_class(text[i]) == 0) {
      ++i;
      continue;
    }
    size_t run_end = i;
    while (run_end < text.size() && combining_class(text[run_end]) != 0) ++run_end;
    std::stable_sort(text.begin() + static_cast<std::ptrdiff_t>(i),
                     text.begin() + static_cast<std::ptrdiff_t>(run_end),
                     [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
    i = run_end;
  }
}

}  // namespace

size_t valid_sequence_length(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  size_t length = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;  // well-formed ranges from Unicode table 3-7
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED) second_max = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;
  } else {
    return 0;
  }
  if (pos + 1 >= text.size() || byte(pos + 1) < second_min || byte(pos + 1) > second_max) return 0;
  for (size_t k = 2; k < length; ++k) {
    if (pos + k >= text.size() || (byte(pos + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}

char32_t decode_valid_sequence(std::string_view text, size_t pos, size_t length) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  switch (length) {
    case 1:
      return byte(0);
    case 2:
      return (char32_t(byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3:
      return (char32_t(byte(0) & 0x0F) << 12) | (char32_t(byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    default:
      return (char32_t(byte(0) & 0x07) << 18) | (char32_t(byte(1) & 0x3F) << 12) |
             (char32_t(byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
  }
}

namespace {
// Length of the maximal subpart of an ill-formed sequence at `pos` (at least 1 byte): the longest
// prefix that could still have started a well-formed sequence. Python replaces it by one U+FFFD.
size_t maximal_invalid_subpart(std::string_view text, size_t pos) {
  const unsigned char lead = static_cast<unsigned char>(text[pos]);
  size_t length = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED) second_max = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;
  } else {
    return 1;
  }
  size_t k = 1;
  for (; k < length && pos + k < text.size(); ++k) {
    const unsigned char b = static_cast<unsigned char>(text[pos + k]);
    const bool ok = k == 1 ? (b >= second_min && b <= second_max) : (b & 0xC0) == 0x80;
    if (!ok) break;
  }
  return k;
}
}  // namespace

namespace {
// Length of the longest valid UTF-8 prefix of `text`; ASCII is skipped eight bytes at a time.
size_t valid_prefix_length(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (pos + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        pos += 8;
        continue;
      }
    }
    const size_t n = valid_sequence_length(text, pos);
    if (n == 0) break;
    pos += n;
  }
  return pos;
}
}  // namespace

std::string_view valid_utf8_view(std::string_view text, std::string& storage, size_t* replaced) {
  if (valid_prefix_length(text) == text.size()) {
    if (replaced) *replaced = 0;
    return text;
  }
  storage = make_valid_utf8(text, replaced);
  return storage;
}

std::string make_valid_utf8(std::string_view text, size_t* replaced) {
  size_t count = 0;
  size_t pos = valid_prefix_length(text);  // most texts are valid: then nothing is replaced
  std::string out(text.substr(0, pos));
  while (pos < text.size()) {
    const size_t n = valid_sequence_length(text, pos);
    if (n != 0) {
      out.append(text.substr(pos, n));
      pos += n;
      continue;
    }
    append_utf8(out, kReplacementChar);
    ++count;
    pos += maximal_invalid_subpart(text, pos);
  }
  if (replaced) *replaced = count;
  return out;
}

std::u32string decode_utf8(std::string_view valid_text) {
  std::u32string out;
  out.reserve(valid_text.size());
  size_t pos = 0;
  while (pos < valid_text.size()) {
    const unsigned char lead = static_cast<unsigned char>(valid_text[pos]);
    if (lead < 0x80) {
      out.push_back(lead);
      ++pos;
      continue;
    }
    size_t n = valid_sequence_length(valid_text, pos);
    if (n == 0) {  // callers promise valid text; stay safe anyway
      out.push_back(kReplacementChar);
      pos += maximal_invalid_subpart(valid_text, pos);
      continue;
    }
    out.push_back(decode_valid_sequence(valid_text, pos, n));
    pos += n;
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : text) append_utf8(out, cp);
  return out;
}

size_t count_code_points(std::string_view valid_text) {
  size_t n = 0;
  for (char c : valid_text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool is_python_space(char32_t cp) {
  // CPython's _PyUnicode_IsWhitespace: bidirectional class WS, B or S, or category Zs.
  if (cp < 0x80) return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
  const auto& p = property(cp);
  return p.bidi_class == UTF8PROC_BIDI_CLASS_WS || p.bidi_class == UTF8PROC_BIDI_CLASS_B ||
         p.bidi_class == UTF8PROC_BIDI_CLASS_S || p.category == UTF8PROC_CATEGORY_ZS;
}

bool is_bert_control(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return false;
  if (cp < 0x80) return cp < 0x20 || cp == 0x7F;
  switch (category(cp)) {
    case UTF8PROC_CATEGORY_CN:  // unassigned: Python's category "Cn" also starts with "C"
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
      return true;
    default:
      return false;
  }
}

bool is_bert_whitespace(char32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') return true;
  if (cp < 0x80) return false;
  return category(cp) == UTF8PROC_CATEGORY_ZS;
}

bool is_bert_punctuation(char32_t cp) {
  if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126))
    return true;
  if (cp < 0x80) return false;
  const auto c = category(cp);
  return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

bool is_cjk_ideograph(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF) ||
         (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

bool is_nonspacing_mark(char32_t cp) { return cp >= 0x300 && category(cp) == UTF8PROC_CATEGORY_MN; }

bool has_canonical_decomposition(char32_t cp) {
  if (cp < 0xC0) return false;
  const auto& p = property(cp);
  return p.decomp_seqindex != UINT16_MAX && p.decomp_type == 0;  // type 0 = canonical
}

int combining_class(char32_t cp) { return cp < 0x300 ? 0 : property(cp).combining_class; }

char32_t simple_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

void append_python_lower(char32_t cp, std::u32string& out) {
  if (cp < 0x80) {
    out.push_back(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
  } else if (cp == 0x130) {  // LATIN CAPITAL LETTER I WITH DOT ABOVE: SpecialCasing "0069 0307"
    out.push_back(0x69);
    out.push_back(0x307);
  } else {
    out.push_back(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
  }
}

void append_canonical_decomposition(char32_t cp, std::u32string& out) {
  if (cp < 0xC0) {  // nothing below U+00C0 decomposes canonically
    out.push_back(cp);
    return;
  }
  std::array<utf8proc_int32_t, 32> buffer{};  // the longest canonical decomposition has 4 code points
  int boundclass = UTF8PROC_BOUNDCLASS_START;
  const utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buffer.data(),
                                                     static_cast<utf8proc_ssize_t>(buffer.size()),
                                                     UTF8PROC_DECOMPOSE, &boundclass);
  if (n <= 0 || n > static_cast<utf8proc_ssize_t>(buffer.size())) {
    out.push_back(cp);
    return;
  }
  for (utf8proc_ssize_t i = 0; i < n; ++i) out.push_back(static_cast<char32_t>(buffer[static_cast<size_t>(i)]));
}

bool starts_nfc_chunk(char32_t cp) {
  if (!is_independent_starter(cp)) return false;
  // A Hangul syllable decomposes into a leading consonant first, which composes only forwards.
  if (cp >= 0xAC00 && cp <= 0xD7A3) return true;
  if (!has_canonical_decomposition(cp)) return true;
  // A starter whose decomposition begins with something that composes backwards is not one.
  std::u32string decomposition;
  append_canonical_decomposition(cp, decomposition);
  return decomposition.empty() || decomposition[0] == cp || is_independent_starter(decomposition[0]);
}

std::u32string nfc(std::u32string_view text) {
  std::u32string decomposed;
  decomposed.reserve(text.size() + 4);
  for (char32_t cp : text) append_canonical_decomposition(cp, decomposed);
  canonical_order(decomposed);
  std::vector<utf8proc_int32_t> buffer(decomposed.begin(), decomposed.end());
  const utf8proc_ssize_t n = utf8proc_normalize_utf32(buffer.data(), static_cast<utf8proc_ssize_t>(buffer.size()),
                                                      UTF8PROC_COMPOSE);
  std::u32string out;
  out.reserve(static_cast<size_t>(std::max<utf8proc_ssize_t>(n, 0)));
  for (utf8proc_ssize_t i = 0; i < n; ++i) out.push_back(static_cast<char32_t>(buffer[static_cast<size_t>(i)]));
  return out;
}

namespace detail {

uint16_t compute_flags(char32_t cp) {
  uint16_t f = 0;
  if (is_bert_control(cp)) f |= kBertControl;
  if (is_bert_whitespace(cp)) f |= kBertWhitespace;
  if (is_python_space(cp)) f |= kPythonSpace;
  if (is_bert_punctuation(cp)) f |= kBertPunctuation;
  if (is_cjk_ideograph(cp)) f |= kCjkIdeograph;
  if (is_nonspacing_mark(cp)) f |= kNonspacingMark;
  if (starts_nfc_chunk(cp)) f |= kStartsNfcChunk;
  if (has_canonical_decomposition(cp) || (cp >= 0xAC00 && cp <= 0xD7A3)) f |= kCanonicalDecomposition;
  std::u32string lowered;
  append_python_lower(cp, lowered);
  if (lowered.size() != 1 || lowered[0] != cp) f |= kChangesWhenLowered;
  if (combining_class(cp) != 0) f |= kCombiningClassNonzero;
  return f;
}

const uint16_t* build_bmp_flags() {
  auto* table = new uint16_t[kTabulatedLimit];
  for (char32_t c = 0; c < kTabulatedLimit; ++c)
    table[c] = (c >= 0xD800 && c <= 0xDFFF) ? static_cast<uint16_t>(kBertControl) : compute_flags(c);
  return table;
}

}  // namespace detail

}  // namespace as::unicode
