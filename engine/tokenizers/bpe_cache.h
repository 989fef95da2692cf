#pragma once
// Pre-token bytes -> its BPE pieces, shared by every thread that uses a tokenizer. Sharded by
// hash, each shard behind its own mutex and stored flat (one slot array, one byte arena, one
// piece arena) so that a lookup costs about one cache miss. A full shard is emptied and refilled,
// which bounds the memory of a long-running application.
#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizers/call_cache.h"

namespace as {

struct BpePiece {
  int32_t id;
  uint32_t bytes;  // how many bytes of the pre-token this piece covers
};

class BpeCache {
 public:
  static constexpr size_t kMaxKeyBytes = 4096;  // longer pre-tokens are merged every time

  // Copies the pieces of `key` into `out` and returns true when cached.
  bool find(std::string_view key, uint64_t hash, std::vector<BpePiece>& out) const;
  void insert(std::string_view key, uint64_t hash, const std::vector<BpePiece>& pieces) const;

 private:
  static constexpr size_t kShards = 16;
  static constexpr size_t kSlotsPerShard = 1 << 14;
  static constexpr size_t kMaxEntriesPerShard = kSlotsPerShard / 2;
  static constexpr size_t kMaxKeyBytesPerShard = 4 << 20;
  struct Slot {
    uint64_t hash = 0;
    uint32_t key_offset = 0;
    uint16_t key_length = 0;
    uint16_t piece_count = 0;
    uint32_t piece_offset = 0;
    bool used = false;
  };
  struct Shard {
    std::mutex mutex;
    std::vector<Slot> slots;
    std::string keys;
    std::vector<BpePiece> pieces;
    size_t entries = 0;
  };
  static size_t shard_of(uint64_t hash) { return static_cast<size_t>(hash >> 60) % kShards; }
  // The slot holding `key`, or the empty slot where it would go.
  static Slot& probe(Shard& shard, std::string_view key, uint64_t hash);

  mutable std::array<Shard, kShards> shards_;
};

// Pre-tokens seen during one encode() call, in front of the shared cache.
using BpeCallCache = CallCache<BpePiece>;

}  // namespace as
