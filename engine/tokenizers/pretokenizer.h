#pragma once
// GPT-2's pre-tokenisation regex run with PCRE2 (UTF + UCP, JIT-compiled):
//   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
// with \s meaning what it means in Python's `regex` module (Unicode White_Space).
#include <cstddef>
#include <functional>
#include <string_view>

namespace as {

class Gpt2PreTokenizer {
 public:
  Gpt2PreTokenizer();
  ~Gpt2PreTokenizer();
  Gpt2PreTokenizer(const Gpt2PreTokenizer&) = delete;
  Gpt2PreTokenizer& operator=(const Gpt2PreTokenizer&) = delete;

  // Calls on_piece(begin, end) with the byte range of every match in `valid_text` (valid UTF-8),
  // in order — what re.findall returns. Safe to call from several threads at once.
  // A hand-written scanner follows the pattern's alternatives (a regex call per piece cost about as
  // much as everything else together); the class of each code point (letter, number, White_Space,
  // other) comes from PCRE2 and its Unicode tables, asked once per code point.
  void split(std::string_view valid_text, const std::function<void(size_t, size_t)>& on_piece) const;
  // The PCRE2 regex itself for every piece: the reference the scanner is tested against.
  void split_with_regex_only(std::string_view valid_text, const std::function<void(size_t, size_t)>& on_piece) const;

  // The PCRE2 pattern actually compiled (Python's \s spelled out for PCRE2).
  static const char* pattern();

 private:
  void* code_ = nullptr;  // pcre2_code_8*, kept opaque so that users need no PCRE2 headers
  bool jit_ = false;
};

}  // namespace as
