#include "tokenizers/tokenizer.h"

#include "tokenizers/unicode.h"

namespace as {

std::vector<int32_t> Encoding::ids() const {
  std::vector<int32_t> out;
  out.reserve(tokens.size());
  for (const auto& t : tokens) out.push_back(t.id);
  return out;
}

std::string Tokenizer::decode_stream_piece(int32_t id, bool) const { return decode(std::span<const int32_t>(&id, 1)); }

namespace {

// Bytes at the end of `text` that begin a UTF-8 character whose remaining bytes may still come:
// a valid lead byte followed by fewer continuation bytes than it announces (all in range so far).
size_t incomplete_tail_length(const std::string& text) {
  const size_t n = text.size();
  for (size_t back = 1; back <= 3 && back <= n; ++back) {
    const unsigned char b = static_cast<unsigned char>(text[n - back]);
    if ((b & 0xC0) == 0x80) continue;  // a continuation byte: keep looking for the lead
    size_t needed = 0;
    unsigned char second_min = 0x80, second_max = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      needed = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      needed = 3;
      if (b == 0xE0) second_min = 0xA0;
      if (b == 0xED) second_max = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      needed = 4;
      if (b == 0xF0) second_min = 0x90;
      if (b == 0xF4) second_max = 0x8F;
    } else {
      return 0;  // ASCII or a byte that can never start a character
    }
    if (back >= needed) return 0;  // the character is complete (or too long to be held)
    if (back >= 2) {
      const unsigned char second = static_cast<unsigned char>(text[n - back + 1]);
      if (second < second_min || second > second_max) return 0;
    }
    return back;
  }
  return 0;
}

}  // namespace

std::string IncrementalDecoder::push(int32_t id) {
  pending_ += tokenizer_.decode_stream_piece(id, first_);
  first_ = false;
  const size_t held = incomplete_tail_length(pending_);
  const size_t ready = pending_.size() - held;
  std::string out = unicode::make_valid_utf8(std::string_view(pending_).substr(0, ready), nullptr);
  pending_.erase(0, ready);
  return out;
}

std::string IncrementalDecoder::flush() {
  std::string out = unicode::make_valid_utf8(pending_, nullptr);
  pending_.clear();
  return out;
}

}  // namespace as
