#include "tokenizers/special_tokens.h"

#include <algorithm>
#include <type_traits>

#include "tokenizers/unicode.h"

namespace as {

namespace {

// Code point at `pos` and its length, for both sequence kinds (UTF-8 input is already valid).
char32_t code_point_at(std::string_view text, size_t pos, size_t* length) {
  const unicode::CodePointAt c = unicode::code_point_at(text, pos);
  *length = c.length;
  return c.value;
}
char32_t code_point_at(std::u32string_view text, size_t pos, size_t* length) {
  *length = 1;
  return text[pos];
}

// Start of the code point that ends just before `pos`.
size_t previous_start(std::string_view text, size_t pos) {
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return p;
}
size_t previous_start(std::u32string_view, size_t pos) { return pos - 1; }

template <class Char>
size_t skip_space_forward(std::basic_string_view<Char> text, size_t begin, size_t end) {
  while (begin < end) {
    size_t n = 0;
    if (!unicode::is_python_space(code_point_at(text, begin, &n))) break;
    begin += n;
  }
  return begin;
}

template <class Char>
size_t skip_space_backward(std::basic_string_view<Char> text, size_t begin, size_t end) {
  while (end > begin) {
    const size_t start = previous_start(text, end);
    size_t n = 0;
    if (!unicode::is_python_space(code_point_at(text, start, &n))) break;
    end = start;
  }
  return end;
}

bool starts_with_at(std::string_view text, size_t pos, const std::string& token, const std::u32string&) {
  return text.compare(pos, token.size(), token) == 0;
}
bool starts_with_at(std::u32string_view text, size_t pos, const std::string&, const std::u32string& token) {
  return text.compare(pos, token.size(), token) == 0;
}
size_t token_length(std::string_view, const std::string& token, const std::u32string&) { return token.size(); }
size_t token_length(std::u32string_view, const std::string&, const std::u32string& token) { return token.size(); }

}  // namespace

bool special_tokens_survive_lower_casing(const std::vector<SpecialToken>& tokens) {
  for (const auto& s : tokens) {
    const std::string& a = s.content;
    if (std::none_of(a.begin(), a.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return false;
    for (const auto& r : tokens) {
      const std::string& b = r.content;
      if (&s != &r && a != b && b.find(a) != std::string::npos) return false;  // a inside b
      // a proper suffix of a equal to a proper prefix of b (a and b may be the same token)
      for (size_t k = 1; k < a.size() && k < b.size(); ++k)
        if (a.compare(a.size() - k, k, b, 0, k) == 0) return false;
    }
  }
  return true;
}

SpecialTokenMatcher::SpecialTokenMatcher(std::vector<SpecialToken> tokens) : tokens_(std::move(tokens)) {
  for (const auto& t : tokens_) {
    tokens32_.push_back(unicode::decode_utf8(t.content));
    if (!t.content.empty()) first_byte_[static_cast<unsigned char>(t.content[0])] = true;
    if (!tokens32_.back().empty() && tokens32_.back()[0] >= 0x80) non_ascii_first_chars_.push_back(tokens32_.back()[0]);
  }
}

template <class Char>
std::vector<TextPart> SpecialTokenMatcher::find_occurrences(std::basic_string_view<Char> text) const {
  std::vector<TextPart> found;
  if (tokens_.empty()) return found;
  size_t pos = 0;
  while (pos < text.size()) {
    const auto unit = static_cast<uint32_t>(static_cast<std::make_unsigned_t<Char>>(text[pos]));
    // The first-byte table is exact for UTF-8 bytes and for ASCII code points.
    const bool maybe = (sizeof(Char) == 1 || unit < 0x80)
                           ? first_byte_[unit]
                           : non_ascii_first_chars_.find(static_cast<char32_t>(unit)) != std::u32string::npos;
    int best = -1;
    size_t best_length = 0;
    if (maybe) {
      for (size_t k = 0; k < tokens_.size(); ++k) {
        const size_t length = token_length(text, tokens_[k].content, tokens32_[k]);
        if (length == 0 || length <= best_length) continue;
        if (starts_with_at(text, pos, tokens_[k].content, tokens32_[k])) {
          best = static_cast<int>(k);
          best_length = length;
        }
      }
    }
    if (best >= 0) {
      found.push_back({pos, pos + best_length, best});
      pos += best_length;
    } else {
      ++pos;
    }
  }
  return found;
}

template <class Char>
std::vector<TextPart> SpecialTokenMatcher::split_impl(std::basic_string_view<Char> text) const {
  const std::vector<TextPart> found = find_occurrences(text);
  std::vector<TextPart> parts;
  size_t pos = 0;
  for (const auto& occurrence : found) {
    if (occurrence.begin > pos) parts.push_back({pos, occurrence.begin, -1});
    parts.push_back(occurrence);
    pos = occurrence.end;
  }
  if (pos < text.size() || parts.empty()) parts.push_back({pos, text.size(), -1});

  // PreTrainedTokenizer.tokenize: rstrip -> the text on the right loses its leading whitespace,
  // lstrip -> the text on the left loses its trailing whitespace.
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].special < 0) continue;
    const SpecialToken& token = tokens_[static_cast<size_t>(parts[i].special)];
    if (token.rstrip && i + 1 < parts.size() && parts[i + 1].special < 0)
      parts[i + 1].begin = skip_space_forward(text, parts[i + 1].begin, parts[i + 1].end);
    if (token.lstrip && i > 0 && parts[i - 1].special < 0)
      parts[i - 1].end = skip_space_backward(text, parts[i - 1].begin, parts[i - 1].end);
  }
  std::vector<TextPart> kept;
  kept.reserve(parts.size());
  for (const auto& part : parts)
    if (part.special >= 0 || part.end > part.begin) kept.push_back(part);
  return kept;
}

std::vector<TextPart> SpecialTokenMatcher::split(std::string_view text) const { return split_impl(text); }
std::vector<TextPart> SpecialTokenMatcher::split(std::u32string_view text) const { return split_impl(text); }
std::vector<TextPart> SpecialTokenMatcher::find_all(std::u32string_view text) const {
  return find_occurrences(text);
}

}  // namespace as
