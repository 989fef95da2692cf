#pragma once
// GPT-2's reversible byte <-> printable-character map (bytes_to_unicode in openai/gpt-2 encoder.py):
// printable Latin-1 bytes map to themselves, the other 68 bytes to U+0100.. in byte order, so that
// "Ġ" (U+0120) stands for a space.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace as {

class ByteLevelMap {
 public:
  ByteLevelMap();

  // UTF-8 of the character that stands for `byte`.
  const std::string& encode(uint8_t byte) const { return encoded_[byte]; }
  // Appends the byte-level string of `bytes` ("Ġthe" for " the").
  void encode_into(std::string_view bytes, std::string& out) const;
  // The byte a character stands for, if it is one of the 256.
  std::optional<uint8_t> decode(char32_t cp) const;
  // Bytes of a byte-level token string; characters outside the map are kept as their UTF-8.
  std::string decode_token(std::string_view token) const;

  static const ByteLevelMap& instance();

 private:
  std::array<std::string, 256> encoded_;
  std::array<char32_t, 256> code_point_{};
};

}  // namespace as
