#pragma once
// Unicode helpers shared by the tokenizers: UTF-8 decoding with Python's replacement rule, the
// character classes HuggingFace's slow tokenizers use, and normalisation. Every Unicode property
// comes from libutf8proc; the few hard-coded code points are definitions from Python or BERT
// themselves (Python's str.isspace set, BERT's CJK ranges), not Unicode data.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace as::unicode {

constexpr char32_t kReplacementChar = 0xFFFD;

// Length of the valid UTF-8 sequence starting at text[pos], or 0 when the bytes there are not one
// (overlong forms, surrogates and code points above U+10FFFF are invalid, as in Python).
size_t valid_sequence_length(std::string_view text, size_t pos);

// Decodes one valid sequence of `length` bytes (as reported by valid_sequence_length).
char32_t decode_valid_sequence(std::string_view text, size_t pos, size_t length);

// The code point starting at text[pos] and its length in bytes; a byte that starts no valid
// sequence reads as U+FFFD of length 1 (tokenizers see valid text, so only a guard there).
struct CodePointAt {
  char32_t value;
  size_t length;
};
inline CodePointAt code_point_at(std::string_view text, size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  const size_t length = valid_sequence_length(text, pos);
  if (length == 0) return {kReplacementChar, 1};
  return {decode_valid_sequence(text, pos, length), length};
}

// Returns `text` with every ill-formed part replaced by U+FFFD the way Python's
// bytes.decode("utf-8", errors="replace") does it (one U+FFFD per maximal invalid subpart).
// `replaced` receives the number of U+FFFD inserted (0 when the text was valid).
std::string make_valid_utf8(std::string_view text, size_t* replaced);

// `text` itself when it is valid UTF-8 (no copy); otherwise make_valid_utf8's repaired copy,
// stored in `storage`.
std::string_view valid_utf8_view(std::string_view text, std::string& storage, size_t* replaced);

// Decodes valid UTF-8 (callers pass make_valid_utf8's output) into code points.
std::u32string decode_utf8(std::string_view valid_text);

void append_utf8(std::string& out, char32_t cp);
std::string to_utf8(std::u32string_view text);

// Number of code points in valid UTF-8.
size_t count_code_points(std::string_view valid_text);

// Python's str.isspace(): what str.split()/strip() treat as whitespace.
bool is_python_space(char32_t cp);

// BERT's BasicTokenizer character classes (transformers/models/bert/tokenization_bert.py).
bool is_bert_control(char32_t cp);      // general category C* except \t \n \r
bool is_bert_whitespace(char32_t cp);   // ' ', \t, \n, \r or category Zs
bool is_bert_punctuation(char32_t cp);  // ASCII symbols 33-47, 58-64, 91-96, 123-126, or category P*
bool is_cjk_ideograph(char32_t cp);     // BERT's _is_chinese_char ranges (incl. Extension B)

bool is_nonspacing_mark(char32_t cp);  // category Mn
bool has_canonical_decomposition(char32_t cp);  // Hangul syllables excepted (algorithmic)
int combining_class(char32_t cp);

// Python's one-character str.lower(): the simple lower-case mapping, plus the only unconditional
// SpecialCasing entry (U+0130 -> "i\u0307"). Appends the result to `out`.
void append_python_lower(char32_t cp, std::u32string& out);
// The simple lower-case mapping alone (what append_python_lower gives for every other code point).
char32_t simple_lower(char32_t cp);

// Full canonical decomposition of one code point (Hangul included), appended to `out`.
// The canonical ordering of a whole string still has to be applied by the caller.
void append_canonical_decomposition(char32_t cp, std::u32string& out);

// True when NFC(x + y) == NFC(x) + NFC(y) for every x and every y starting with `cp`: `cp` is a
// starter that never composes with what precedes it. Lets NFC run on small independent chunks.
bool starts_nfc_chunk(char32_t cp);

// NFC of a short sequence of code points.
std::u32string nfc(std::u32string_view text);

// All of the above as bits, from a table computed once (from utf8proc) for planes 0 and 1 (where
// emoji live) and computed on the fly above: the tokenizers classify every character several times.
enum CharFlag : uint16_t {
  kBertControl = 1 << 0,
  kBertWhitespace = 1 << 1,
  kPythonSpace = 1 << 2,
  kBertPunctuation = 1 << 3,
  kCjkIdeograph = 1 << 4,
  kNonspacingMark = 1 << 5,
  kStartsNfcChunk = 1 << 6,
  kCanonicalDecomposition = 1 << 7,
  kChangesWhenLowered = 1 << 8,
  kCombiningClassNonzero = 1 << 9,
};
namespace detail {
uint16_t compute_flags(char32_t cp);
const uint16_t* build_bmp_flags();
constexpr char32_t kTabulatedLimit = 0x20000;
inline const uint16_t* bmp_flags() {
  static const uint16_t* const table = build_bmp_flags();  // built on first use, never freed
  return table;
}
}  // namespace detail

inline uint16_t char_flags(char32_t cp) {
  return cp < detail::kTabulatedLimit ? detail::bmp_flags()[cp] : detail::compute_flags(cp);
}

}  // namespace as::unicode
