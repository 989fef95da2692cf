#pragma once
// Results seen during one encode() call, keyed by the bytes they came from: a long text repeats the
// same pre-tokens (" the", ",") and words over and over, and this cache needs no locking (it lives
// on the caller's stack). Direct-mapped: a colliding key replaces the older one. Only non-empty
// results are kept.
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace as {

template <class Piece>
class CallCache {
 public:
  // The pieces remembered for `key` (whose hash_token is `hash`); empty when not cached.
  std::span<const Piece> find(std::string_view key, uint64_t hash) const {
    if (slots_.empty()) return {};
    const Slot& slot = slots_[static_cast<size_t>(hash) & (kSlots - 1)];
    if (slot.piece_count == 0 || slot.hash != hash || slot.key_length != key.size() ||
        std::memcmp(keys_.data() + slot.key_offset, key.data(), key.size()) != 0)
      return {};
    return {pieces_.data() + slot.piece_offset, slot.piece_count};
  }

  void remember(std::string_view key, uint64_t hash, std::span<const Piece> pieces) {
    if (pieces.empty() || keys_.size() + key.size() > UINT32_MAX || pieces_.size() + pieces.size() > UINT32_MAX) return;
    if (slots_.empty()) slots_.resize(kSlots);
    Slot& slot = slots_[static_cast<size_t>(hash) & (kSlots - 1)];
    slot.hash = hash;
    slot.key_offset = static_cast<uint32_t>(keys_.size());
    slot.key_length = static_cast<uint32_t>(key.size());
    slot.piece_offset = static_cast<uint32_t>(pieces_.size());
    slot.piece_count = static_cast<uint32_t>(pieces.size());
    keys_.append(key);
    pieces_.insert(pieces_.end(), pieces.begin(), pieces.end());
  }

 private:
  static constexpr size_t kSlots = 1 << 14;
  struct Slot {
    uint64_t hash = 0;
    uint32_t key_offset = 0;
    uint32_t key_length = 0;
    uint32_t piece_offset = 0;
    uint32_t piece_count = 0;  // 0: empty
  };
  std::vector<Slot> slots_;  // allocated by the first remember()
  std::string keys_;
  std::vector<Piece> pieces_;
};

}  // namespace as
