#include "ui/token_labels.h"

#include <cstdint>
#include <algorithm>
#include <cstdio>

namespace as::ui {
namespace {

// Length of the valid UTF-8 sequence starting at bytes[i], or 0 when it is not valid.
size_t valid_sequence_length(std::string_view bytes, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(bytes[k]); };
  const uint8_t lead = byte(i);
  size_t length = 0;
  uint32_t min_code = 0;
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) { length = 2; min_code = 0x80; }
  else if ((lead & 0xF0) == 0xE0) { length = 3; min_code = 0x800; }
  else if ((lead & 0xF8) == 0xF0) { length = 4; min_code = 0x10000; }
  else return 0;
  if (i + length > bytes.size()) return 0;
  uint32_t code = lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
  if (code < min_code || code > 0x10FFFF || surrogate) return 0;
  return length;
}

std::string hex_bytes(std::string_view bytes) {
  std::string text = "⟨";
  for (size_t i = 0; i < bytes.size(); ++i) {
    char hex[4];
    std::snprintf(hex, sizeof hex, i == 0 ? "%02X" : " %02X", static_cast<unsigned>(static_cast<uint8_t>(bytes[i])));
    text += hex;
  }
  return text + "⟩";
}

std::string visible_ascii(char c) {
  switch (c) {
    case ' ': return "␣";
    case '\n': return "↵";
    case '\t': return "⇥";
    case '\r': return "␍";
    default: break;
  }
  if (static_cast<uint8_t>(c) < 0x20 || c == 0x7F) return hex_bytes(std::string_view(&c, 1));
  return std::string(1, c);
}

}  // namespace

std::string printable(std::string_view bytes, bool* had_invalid) {
  std::string text;
  size_t invalid_start = std::string_view::npos;
  const auto flush_invalid = [&](size_t end) {
    if (invalid_start == std::string_view::npos) return;
    text += hex_bytes(bytes.substr(invalid_start, end - invalid_start));
    invalid_start = std::string_view::npos;
    if (had_invalid != nullptr) *had_invalid = true;
  };
  for (size_t i = 0; i < bytes.size();) {
    const size_t length = valid_sequence_length(bytes, i);
    if (length == 0) {
      if (invalid_start == std::string_view::npos) invalid_start = i;
      ++i;
      continue;
    }
    flush_invalid(i);
    text += length == 1 ? visible_ascii(bytes[i]) : std::string(bytes.substr(i, length));
    i += length;
  }
  flush_invalid(bytes.size());
  return text;
}

TokenLabel wordpiece_label(const Token& token) {
  TokenLabel label;
  label.kind = token.special ? TokenKind::Special
               : token.continuation ? TokenKind::Continuation
                                    : TokenKind::WordStart;
  std::string_view text = token.text;
  if (!token.special && text.size() > 2 && text.substr(0, 2) == "##") {
    label.marker = "##";
    text.remove_prefix(2);
  }
  label.body = printable(text);
  return label;
}

namespace {

std::string hex_list(std::string_view bytes) {
  std::string text;
  for (size_t i = 0; i < bytes.size(); ++i) {
    char hex[4];
    std::snprintf(hex, sizeof hex, i == 0 ? "%02X" : " %02X", static_cast<unsigned>(static_cast<uint8_t>(bytes[i])));
    text += hex;
  }
  return text;
}

// Where each character of a byte stream starts and how long it is (invalid bytes: length 0).
struct CharSpan {
  size_t start = 0;
  size_t length = 0;
};

std::vector<CharSpan> character_spans(std::string_view stream) {
  std::vector<CharSpan> spans;
  for (size_t i = 0; i < stream.size();) {
    const size_t length = valid_sequence_length(stream, i);
    spans.push_back({i, length});
    i += std::max<size_t>(length, 1);
  }
  return spans;
}

// The body of the token covering stream bytes [begin, end).
std::string body_for(std::string_view stream, const std::vector<CharSpan>& spans, size_t begin, size_t end,
                     bool* partial) {
  std::string body;
  for (const CharSpan& span : spans) {
    const size_t span_end = span.start + std::max<size_t>(span.length, 1);
    if (span_end <= begin || span.start >= end) continue;
    if (span.length == 0) {
      body += hex_bytes(stream.substr(span.start, 1));  // not UTF-8 at all
      continue;
    }
    const bool starts_before = span.start < begin;
    const bool ends_after = span_end > end;
    if (starts_before || ends_after) *partial = true;
    if (starts_before) body += "…";
    body += printable(stream.substr(span.start, span.length));
    if (ends_after) body += "…";
  }
  return body;
}

}  // namespace

std::vector<TokenLabel> byte_level_labels(const std::vector<Token>& tokens, const std::vector<std::string>& bytes) {
  // One stream of the ordinary tokens' bytes: a character split across tokens is whole there.
  std::string stream;
  std::vector<size_t> offsets(tokens.size(), 0);
  for (size_t i = 0; i < tokens.size(); ++i) {
    offsets[i] = stream.size();
    if (!tokens[i].special) stream += bytes.at(i);
  }
  const auto spans = character_spans(stream);

  std::vector<TokenLabel> labels(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    TokenLabel& label = labels[i];
    const Token& token = tokens[i];
    if (token.special) {
      label.kind = TokenKind::Special;
      label.body = printable(token.text);
      continue;
    }
    label.kind = token.continuation ? TokenKind::Continuation : TokenKind::WordStart;
    label.bytes_hex = hex_list(bytes[i]);
    size_t begin = offsets[i];
    const size_t end = begin + bytes[i].size();
    if (begin < end && stream[begin] == ' ') {
      label.marker = "Ġ";
      ++begin;
    }
    label.body = body_for(stream, spans, begin, end, &label.partial_character);
  }
  return labels;
}

}  // namespace as::ui
