#pragma once
// Token string <-> id tables shared by the tokenizers. Lookups take string_view and never
// allocate; the table is open-addressed so that a lookup costs about one cache miss.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tokenizers/token_text.h"

namespace as {

// A fast 64-bit hash for short strings (tokens are a few bytes long).
uint64_t hash_token(std::string_view s) noexcept;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return static_cast<size_t>(hash_token(s)); }
};

template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

class Vocab {
 public:
  // Ids run 0..kMaxId: far above any real vocabulary (a few hundred thousand), and the id -> token
  // table stays below 150 MB however sparse the ids of a bad file are.
  static constexpr int32_t kMaxId = (1 << 22) - 1;
  // The message for an id outside 0..kMaxId (callers prefix the file name).
  static std::string id_range_error(std::string_view token, const std::string& got);

  // Later entries win for a repeated token, as a Python dict built in file order does.
  // Throws as::Error for an id outside 0..kMaxId.
  void add(std::string token, int32_t id);

  std::optional<int32_t> find(std::string_view token) const;
  // The token of `id`, or nullptr when no entry has that id.
  const std::string* token(int32_t id) const {
    if (id < 0 || static_cast<size_t>(id) >= to_token_.size() || !has_token_[static_cast<size_t>(id)]) return nullptr;
    return &to_token_[static_cast<size_t>(id)].str();
  }
  // The interned token of an id that has one (unchecked: for ids that came from this vocabulary).
  const TokenText& text(int32_t id) const { return to_token_[static_cast<size_t>(id)]; }
  size_t size() const { return entries_.size(); }
  int32_t id_limit() const { return static_cast<int32_t>(to_token_.size()); }  // max id + 1

 private:
  struct Entry {
    std::string token;
    int32_t id;
  };
  struct Slot {
    uint32_t tag = 0;    // high bits of the hash, to skip most string comparisons
    int32_t entry = -1;  // index into entries_; -1: empty
  };
  size_t slot_of(std::string_view token, uint64_t hash) const;  // the slot holding token, or the empty one to use
  void grow();

  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
  std::vector<TokenText> to_token_;  // interned, so that tokens copy a pointer
  std::vector<bool> has_token_;
};

}  // namespace as
