#include "tokenizers/bpe_cache.h"

#include <cstring>

namespace as {

BpeCache::Slot& BpeCache::probe(Shard& shard, std::string_view key, uint64_t hash) {
  const size_t mask = shard.slots.size() - 1;
  for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
    Slot& slot = shard.slots[i];
    if (!slot.used) return slot;
    if (slot.hash == hash && slot.key_length == key.size() &&
        std::memcmp(shard.keys.data() + slot.key_offset, key.data(), key.size()) == 0)
      return slot;
  }
}

bool BpeCache::find(std::string_view key, uint64_t hash, std::vector<BpePiece>& out) const {
  if (key.size() > kMaxKeyBytes) return false;
  Shard& shard = shards_[shard_of(hash)];
  std::lock_guard<std::mutex> lock(shard.mutex);
  if (shard.slots.empty()) return false;
  const Slot& slot = probe(shard, key, hash);
  if (!slot.used) return false;
  out.assign(shard.pieces.begin() + slot.piece_offset, shard.pieces.begin() + slot.piece_offset + slot.piece_count);
  return true;
}

void BpeCache::insert(std::string_view key, uint64_t hash, const std::vector<BpePiece>& pieces) const {
  if (key.size() > kMaxKeyBytes || pieces.size() > UINT16_MAX) return;
  Shard& shard = shards_[shard_of(hash)];
  std::lock_guard<std::mutex> lock(shard.mutex);
  if (shard.slots.empty() || shard.entries >= kMaxEntriesPerShard || shard.keys.size() + key.size() > kMaxKeyBytesPerShard) {
    shard.slots.assign(kSlotsPerShard, Slot{});
    shard.keys.clear();
    shard.pieces.clear();
    shard.entries = 0;
  }
  Slot& slot = probe(shard, key, hash);
  if (slot.used) return;  // another thread was first
  slot.used = true;
  slot.hash = hash;
  slot.key_offset = static_cast<uint32_t>(shard.keys.size());
  slot.key_length = static_cast<uint16_t>(key.size());
  slot.piece_offset = static_cast<uint32_t>(shard.pieces.size());
  slot.piece_count = static_cast<uint16_t>(pieces.size());
  shard.keys.append(key);
  shard.pieces.insert(shard.pieces.end(), pieces.begin(), pieces.end());
  ++shard.entries;
}

}  // namespace as
