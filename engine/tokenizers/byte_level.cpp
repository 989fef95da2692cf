#include "tokenizers/byte_level.h"

#include "tokenizers/unicode.h"

namespace as {

ByteLevelMap::ByteLevelMap() {
  const auto printable = [](int b) { return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF); };
  char32_t next = 256;
  for (int b = 0; b < 256; ++b) {
    code_point_[static_cast<size_t>(b)] = printable(b) ? static_cast<char32_t>(b) : next++;
    unicode::append_utf8(encoded_[static_cast<size_t>(b)], code_point_[static_cast<size_t>(b)]);
  }
}

const ByteLevelMap& ByteLevelMap::instance() {
  static const ByteLevelMap map;
  return map;
}

void ByteLevelMap::encode_into(std::string_view bytes, std::string& out) const {
  for (char c : bytes) out += encoded_[static_cast<uint8_t>(c)];
}

std::optional<uint8_t> ByteLevelMap::decode(char32_t cp) const {
  if (cp < 256 && code_point_[cp] == cp) return static_cast<uint8_t>(cp);
  if (cp >= 256 && cp < 256 + 68) {
    for (int b = 0; b < 256; ++b)
      if (code_point_[static_cast<size_t>(b)] == cp) return static_cast<uint8_t>(b);
  }
  return std::nullopt;
}

std::string ByteLevelMap::decode_token(std::string_view token) const {
  std::string out;
  size_t pos = 0;
  while (pos < token.size()) {
    size_t n = unicode::valid_sequence_length(token, pos);
    if (n == 0) {  // not UTF-8: keep the byte as it is
      out.push_back(token[pos++]);
      continue;
    }
    const char32_t cp = unicode::decode_valid_sequence(token, pos, n);
    if (auto byte = decode(cp)) {
      out.push_back(static_cast<char>(*byte));
    } else {
      out.append(token.substr(pos, n));
    }
    pos += n;
  }
  return out;
}

}  // namespace as
