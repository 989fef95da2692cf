#include "tokenizers/pretokenizer.h"

#include <pcre2.h>

#include <array>
#include <atomic>
#include <memory>
#include <string>

#include "core/error.h"
#include "tokenizers/unicode.h"

namespace as {

namespace {
pcre2_code* as_code(void* p) { return static_cast<pcre2_code*>(p); }

// Python's `regex` module reads \s as Unicode White_Space. PCRE2's \s (with UCP: categories Z* and
// \t \n \v \f \r) differs from it: it lacks U+0085 NEXT LINE and it counts U+180E MONGOLIAN VOWEL
// SEPARATOR. So the pattern spells White_Space out (the property is stable since Unicode 6.3).
#define AS_WHITE_SPACE R"(\t\n\x{0B}\f\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000})"
constexpr const char* kPattern =
    R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^)" AS_WHITE_SPACE R"(\p{L}\p{N}]+|[)" AS_WHITE_SPACE
    R"(]+(?![^)" AS_WHITE_SPACE R"(])|[)" AS_WHITE_SPACE R"(]+)";
// One code point's class in kPattern's terms: group 1 White_Space, 2 \p{L}, 3 \p{N}, else other.
constexpr const char* kClassPattern = R"(\A(?:([)" AS_WHITE_SPACE R"(])|(\p{L})|(\p{N})))";
#undef AS_WHITE_SPACE

// PCRE2's per-match state for one split_with_regex_only() call (the compiled pattern is shared
// between threads, match data is not).
class MatchState {
 public:
  MatchState() {
    data_ = pcre2_match_data_create(1, nullptr);  // the pattern has no capture groups
    context_ = pcre2_match_context_create(nullptr);
    if (!data_ || !context_) {
      release();
      throw Error("out of memory for the GPT-2 pre-tokenisation regex");
    }
    // Long whitespace runs make \s+(?!\S) backtrack; give the JIT room beyond its 32 KiB default.
    stack_ = pcre2_jit_stack_create(32 * 1024, 8 * 1024 * 1024, nullptr);
    if (stack_) pcre2_jit_stack_assign(context_, nullptr, stack_);
  }
  ~MatchState() { release(); }
  MatchState(const MatchState&) = delete;
  MatchState& operator=(const MatchState&) = delete;

  // The next match in `text` at or after `offset`; false when there is none.
  bool next(pcre2_code* code, bool jit, std::string_view text, size_t offset, size_t* begin, size_t* end) {
    const auto subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    const int rc = jit ? pcre2_jit_match(code, subject, text.size(), offset, 0, data_, context_)
                       : pcre2_match(code, subject, text.size(), offset, PCRE2_NO_UTF_CHECK, data_, context_);
    if (rc == PCRE2_ERROR_NOMATCH) return false;
    if (rc < 0) {
      PCRE2_UCHAR message[256];
      pcre2_get_error_message(rc, message, sizeof(message));
      throw Error(std::string("GPT-2 pre-tokenisation regex failed: ") + reinterpret_cast<const char*>(message));
    }
    const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data_);
    if (ovector[1] <= ovector[0]) return false;  // the pattern cannot match empty; guard against looping
    *begin = ovector[0];
    *end = ovector[1];
    return true;
  }

 private:
  void release() {
    if (stack_) pcre2_jit_stack_free(stack_);
    if (context_) pcre2_match_context_free(context_);
    if (data_) pcre2_match_data_free(data_);
    stack_ = nullptr;
    context_ = nullptr;
    data_ = nullptr;
  }

  pcre2_match_data* data_ = nullptr;
  pcre2_match_context* context_ = nullptr;
  pcre2_jit_stack* stack_ = nullptr;
};

// The classes the pattern tells apart. kUnknown: not looked up yet.
enum class Kind : uint8_t { kUnknown, kLetter, kDigit, kSpace, kOther, kEnd };

// The class of every code point, decided by PCRE2 itself (kClassPattern, the pattern's own
// classes and Unicode tables) the first time a code point is met, then read from a table: the
// scanner below then splits exactly as the regex does, at a table lookup per character.
class CodePointKinds {
 public:
  static Kind of(char32_t c) {
    static CodePointKinds kinds;  // ~1.1 MB of zero pages, touched only where text has characters
    const Kind known = static_cast<Kind>(kinds.table_[c].load(std::memory_order_relaxed));
    return known != Kind::kUnknown ? known : kinds.classify(c);
  }

 private:
  CodePointKinds() {
    int error = 0;
    PCRE2_SIZE error_offset = 0;
    code_ = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(kClassPattern), PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
                          &error, &error_offset, nullptr);
    if (!code_) throw Error("cannot compile the GPT-2 character class pattern");
  }

  // Racing threads compute the same answer; the relaxed store only saves the next lookup.
  Kind classify(char32_t c) {
    std::string utf8;
    unicode::append_utf8(utf8, c);
    pcre2_match_data* data = pcre2_match_data_create_from_pattern(code_, nullptr);
    if (!data) throw Error("out of memory for the GPT-2 pre-tokenisation regex");
    const int rc = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(utf8.data()), utf8.size(), 0, 0, data, nullptr);
    Kind kind = Kind::kOther;
    if (rc > 0) {
      const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
      if (rc >= 2 && ovector[2] != PCRE2_UNSET) kind = Kind::kSpace;
      else if (rc >= 3 && ovector[4] != PCRE2_UNSET) kind = Kind::kLetter;
      else if (rc >= 4 && ovector[6] != PCRE2_UNSET) kind = Kind::kDigit;
    }
    pcre2_match_data_free(data);
    table_[c].store(static_cast<uint8_t>(kind), std::memory_order_relaxed);
    return kind;
  }

  pcre2_code* code_ = nullptr;  // lives as long as the process
  std::array<std::atomic<uint8_t>, 0x110000> table_{};
};

Kind ascii_kind(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Kind::kLetter;
  if (c >= '0' && c <= '9') return Kind::kDigit;
  if (c == ' ' || (c >= '\t' && c <= '\r')) return Kind::kSpace;
  return Kind::kOther;
}

Kind kind_of(char32_t c) { return c < 0x80 ? ascii_kind(static_cast<unsigned char>(c)) : CodePointKinds::of(c); }

Kind kind_at(std::string_view t, size_t pos) {
  if (pos >= t.size()) return Kind::kEnd;
  const auto lead = static_cast<unsigned char>(t[pos]);
  return lead < 0x80 ? ascii_kind(lead) : CodePointKinds::of(unicode::code_point_at(t, pos).value);
}

// The end of the run of `kind` characters starting at `pos`.
size_t run_end(std::string_view t, size_t pos, Kind kind) {
  while (pos < t.size()) {
    const unicode::CodePointAt c = unicode::code_point_at(t, pos);
    if (kind_of(c.value) != kind) break;
    pos += c.length;
  }
  return pos;
}

// The length of kPattern's match at `pos` (it always matches there: every character belongs to one
// of its classes), worked out the way the regex's alternatives decide it.
size_t match_length(std::string_view t, size_t pos) {
  const auto c = static_cast<unsigned char>(t[pos]);
  if (c == '\'' && pos + 1 < t.size()) {  // 's|'t|'re|'ve|'m|'ll|'d
    const char d = t[pos + 1];
    if (d == 's' || d == 't' || d == 'm' || d == 'd') return 2;
    const char e = pos + 2 < t.size() ? t[pos + 2] : '\0';
    if ((d == 'r' && e == 'e') || (d == 'v' && e == 'e') || (d == 'l' && e == 'l')) return 3;
  }
  // ' ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+': an optional space (U+0020 only), then a run of one class.
  const Kind after_space = c == ' ' ? kind_at(t, pos + 1) : Kind::kSpace;
  const size_t run_start = c == ' ' && after_space != Kind::kSpace && after_space != Kind::kEnd ? pos + 1 : pos;
  const Kind kind = kind_at(t, run_start);
  if (kind != Kind::kSpace) return run_end(t, run_start, kind) - pos;
  // '\s+(?!\S)|\s+': a whitespace run. Followed by something else, the lookahead gives back its
  // last character if there are two or more (that one may start the next piece: " word").
  size_t last = pos, end = pos;
  while (end < t.size()) {
    const unicode::CodePointAt s = unicode::code_point_at(t, end);
    if (kind_of(s.value) != Kind::kSpace) break;
    last = end;
    end += s.length;
  }
  if (end == t.size() || last == pos) return end - pos;
  return last - pos;
}

}  // namespace

const char* Gpt2PreTokenizer::pattern() { return kPattern; }

Gpt2PreTokenizer::Gpt2PreTokenizer() {
  int error = 0;
  PCRE2_SIZE error_offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(kPattern), PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP, &error, &error_offset, nullptr);
  if (!code) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error, message, sizeof(message));
    throw Error("cannot compile the GPT-2 pre-tokenisation regex at offset " + std::to_string(error_offset) + ": " +
                reinterpret_cast<const char*>(message));
  }
  code_ = code;
  jit_ = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;  // falls back to the interpreter without JIT
}

Gpt2PreTokenizer::~Gpt2PreTokenizer() { pcre2_code_free(as_code(code_)); }

void Gpt2PreTokenizer::split(std::string_view valid_text,
                             const std::function<void(size_t, size_t)>& on_piece) const {
  size_t pos = 0;
  while (pos < valid_text.size()) {
    const size_t length = match_length(valid_text, pos);
    on_piece(pos, pos + length);
    pos += length;
  }
}

void Gpt2PreTokenizer::split_with_regex_only(std::string_view valid_text,
                                             const std::function<void(size_t, size_t)>& on_piece) const {
  MatchState regex;
  size_t pos = 0, begin = 0, end = 0;
  while (pos < valid_text.size() && regex.next(as_code(code_), jit_, valid_text, pos, &begin, &end)) {
    on_piece(begin, end);
    pos = end;
  }
}

}  // namespace as
