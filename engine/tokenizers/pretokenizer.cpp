#include "tokenizers/pretokenizer.h"

#include <pcre2.h>

#include <memory>
#include <string>

#include "core/error.h"

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
#undef AS_WHITE_SPACE

// PCRE2's per-match state (the compiled pattern is shared between threads, match data is not),
// one per thread, created the first time a thread needs the regex and kept until it ends: a text
// with many special tokens is split in many segments, and an 8 MiB JIT stack mapped and unmapped
// for each of them cost more than the matching.
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

  static MatchState& for_this_thread() {
    thread_local MatchState state;
    return state;
  }

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

// ASCII character classes of the pattern: \p{L} = [A-Za-z], \p{N} = [0-9], \s = [\t\n\v\f\r ].
enum class Kind : uint8_t { kLetter, kDigit, kSpace, kOther, kNonAscii, kEnd };

Kind kind_at(std::string_view t, size_t i) {
  if (i >= t.size()) return Kind::kEnd;
  const auto c = static_cast<unsigned char>(t[i]);
  if (c >= 0x80) return Kind::kNonAscii;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Kind::kLetter;
  if (c >= '0' && c <= '9') return Kind::kDigit;
  if (c == ' ' || (c >= '\t' && c <= '\r')) return Kind::kSpace;
  return Kind::kOther;
}

// The length of the match at `pos` (the regex always matches there: every character belongs to
// one of its classes), worked out by hand when only ASCII characters decide it; 0 when a
// non-ASCII character is involved and the regex itself must decide.
size_t ascii_match_length(std::string_view t, size_t pos) {
  const auto c = static_cast<unsigned char>(t[pos]);
  if (c >= 0x80) return 0;
  if (c == '\'' && pos + 1 < t.size()) {  // 's|'t|'re|'ve|'m|'ll|'d
    const char d = t[pos + 1];
    if (d == 's' || d == 't' || d == 'm' || d == 'd') return 2;
    const char e = pos + 2 < t.size() ? t[pos + 2] : '\0';
    if ((d == 'r' && e == 'e') || (d == 'v' && e == 'e') || (d == 'l' && e == 'l')) return 3;
  }
  // ' ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+': an optional space, then a run of one class.
  const size_t run_start = c == ' ' ? pos + 1 : pos;
  const Kind run_kind = kind_at(t, run_start);
  if (run_kind == Kind::kNonAscii) return 0;
  if (run_kind == Kind::kLetter || run_kind == Kind::kDigit || run_kind == Kind::kOther) {
    size_t end = run_start + 1;
    while (kind_at(t, end) == run_kind) ++end;
    if (kind_at(t, end) == Kind::kNonAscii) return 0;  // it might continue the run
    return end - pos;
  }
  // '\s+(?!\S)|\s+': `c` starts a whitespace run.
  size_t end = pos + 1;
  while (kind_at(t, end) == Kind::kSpace) ++end;
  const Kind after = kind_at(t, end);
  if (after == Kind::kNonAscii) return 0;  // it might be more whitespace
  if (after == Kind::kEnd) return end - pos;
  // A non-space follows: the lookahead gives back the run's last character, if there are two or more.
  return end - pos >= 2 ? end - pos - 1 : 1;
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
  MatchState* regex = nullptr;  // only texts with non-ASCII characters need it
  size_t pos = 0;
  while (pos < valid_text.size()) {
    const size_t ascii = ascii_match_length(valid_text, pos);
    if (ascii > 0) {
      on_piece(pos, pos + ascii);
      pos += ascii;
      continue;
    }
    size_t begin = 0, end = 0;
    if (!regex) regex = &MatchState::for_this_thread();
    if (!regex->next(as_code(code_), jit_, valid_text, pos, &begin, &end)) break;
    on_piece(begin, end);
    pos = end;
  }
}

void Gpt2PreTokenizer::split_with_regex_only(std::string_view valid_text,
                                             const std::function<void(size_t, size_t)>& on_piece) const {
  MatchState& regex = MatchState::for_this_thread();
  size_t pos = 0, begin = 0, end = 0;
  while (pos < valid_text.size() && regex.next(as_code(code_), jit_, valid_text, pos, &begin, &end)) {
    on_piece(begin, end);
    pos = end;
  }
}

}  // namespace as
