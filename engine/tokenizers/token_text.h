#pragma once
// The string of a token ("##ing", "Ġthe", "[CLS]"), interned: every distinct string is stored once
// for the life of the process and a TokenText is one pointer to it. Tokenizers intern their whole
// vocabulary when they load, so a token costs a pointer copy instead of a string copy (a 1 MB text
// has half a million tokens), and a token stays valid after its tokenizer is gone (results outlive
// the model they came from in the GUI). The memory kept is bounded by the distinct vocabularies
// loaded (about 2 MB for GPT-2's; loading the same vocabulary again adds nothing).
#include <compare>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace as {

class TokenText {
 public:
  constexpr TokenText() noexcept = default;  // "" (no lookup: tokens are built by the million)
  TokenText(std::string_view text);  // NOLINT(google-explicit-constructor): interns `text`
  TokenText(const std::string& text) : TokenText(std::string_view(text)) {}  // NOLINT
  TokenText(const char* text) : TokenText(std::string_view(text)) {}         // NOLINT

  const std::string& str() const noexcept { return text_ ? *text_ : empty_string(); }
  operator const std::string&() const noexcept { return str(); }  // NOLINT
  operator std::string_view() const noexcept { return str(); }    // NOLINT

  size_t size() const noexcept { return str().size(); }
  size_t length() const noexcept { return str().size(); }
  bool empty() const noexcept { return str().empty(); }
  const char* data() const noexcept { return str().data(); }
  const char* c_str() const noexcept { return str().c_str(); }
  char operator[](size_t i) const noexcept { return str()[i]; }
  std::string::const_iterator begin() const noexcept { return str().begin(); }
  std::string::const_iterator end() const noexcept { return str().end(); }
  bool starts_with(std::string_view prefix) const noexcept { return str().starts_with(prefix); }
  bool ends_with(std::string_view suffix) const noexcept { return str().ends_with(suffix); }
  std::string substr(size_t pos, size_t count = std::string::npos) const { return str().substr(pos, count); }
  size_t find(std::string_view s, size_t pos = 0) const noexcept { return str().find(s, pos); }

  // Interned strings are equal exactly when they are the same string ("" is always nullptr).
  friend bool operator==(const TokenText& a, const TokenText& b) noexcept { return a.text_ == b.text_; }
  friend bool operator==(const TokenText& a, std::string_view b) noexcept { return a.str() == b; }
  friend bool operator==(const TokenText& a, const std::string& b) noexcept { return a.str() == b; }
  friend bool operator==(const TokenText& a, const char* b) noexcept { return a.str() == b; }
  friend std::strong_ordering operator<=>(const TokenText& a, const TokenText& b) noexcept {
    return a.str().compare(b.str()) <=> 0;
  }
  friend std::string operator+(const TokenText& a, const TokenText& b) { return a.str() + b.str(); }
  friend std::string operator+(const TokenText& a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(const std::string& a, const TokenText& b) { return a + b.str(); }
  friend std::string operator+(const TokenText& a, const char* b) { return a.str() + b; }
  friend std::string operator+(const char* a, const TokenText& b) { return a + b.str(); }
  friend std::ostream& operator<<(std::ostream& out, const TokenText& t) { return out << t.str(); }

 private:
  static const std::string& empty_string() noexcept {
    static const std::string empty;
    return empty;
  }

  const std::string* text_ = nullptr;  // nullptr: ""
};

}  // namespace as
