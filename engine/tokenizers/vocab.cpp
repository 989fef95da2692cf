#include "tokenizers/vocab.h"

#include <cstring>

#include "core/error.h"

namespace as {

uint64_t hash_token(std::string_view s) noexcept {
  // 8 bytes at a time, each word folded in with a multiply-xorshift (splitmix64 constants).
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ tail) * 0x94D049BB133111EBULL;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 32;
  return h;
}

size_t Vocab::slot_of(std::string_view token, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  const uint32_t tag = static_cast<uint32_t>(hash >> 32);
  for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.entry < 0) return i;
    if (s.tag == tag && entries_[static_cast<size_t>(s.entry)].token == token) return i;
  }
}

std::optional<int32_t> Vocab::find(std::string_view token) const {
  if (slots_.empty()) return std::nullopt;
  const Slot& s = slots_[slot_of(token, hash_token(token))];
  if (s.entry < 0) return std::nullopt;
  return entries_[static_cast<size_t>(s.entry)].id;
}

void Vocab::grow() {
  slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, Slot{});
  for (size_t e = 0; e < entries_.size(); ++e) {
    const uint64_t hash = hash_token(entries_[e].token);
    Slot& slot = slots_[slot_of(entries_[e].token, hash)];
    slot.tag = static_cast<uint32_t>(hash >> 32);
    slot.entry = static_cast<int32_t>(e);
  }
}

std::string Vocab::id_range_error(std::string_view token, const std::string& got) {
  return "the id of token '" + std::string(token) + "' must be an integer in 0.." + std::to_string(kMaxId) + ", got " +
         got;
}

void Vocab::add(std::string token, int32_t id) {
  if (id < 0 || id > kMaxId) throw Error(id_range_error(token, std::to_string(id)));
  if ((entries_.size() + 1) * 2 > slots_.size()) grow();  // load factor at most 1/2
  if (static_cast<size_t>(id) >= to_token_.size()) {
    to_token_.resize(static_cast<size_t>(id) + 1);
    has_token_.resize(static_cast<size_t>(id) + 1, false);
  }
  const uint64_t hash = hash_token(token);
  Slot& slot = slots_[slot_of(token, hash)];
  if (slot.entry >= 0) {
    // A repeated token: its earlier id no longer maps back to it
    // (Python: {id: tok for tok, id in vocab.items()}).
    Entry& entry = entries_[static_cast<size_t>(slot.entry)];
    if (to_token_[static_cast<size_t>(entry.id)].str() == token) has_token_[static_cast<size_t>(entry.id)] = false;
    entry.id = id;
  } else {
    slot.tag = static_cast<uint32_t>(hash >> 32);
    slot.entry = static_cast<int32_t>(entries_.size());
    entries_.push_back({token, id});
  }
  to_token_[static_cast<size_t>(id)] = TokenText(token);
  has_token_[static_cast<size_t>(id)] = true;
}

}  // namespace as
