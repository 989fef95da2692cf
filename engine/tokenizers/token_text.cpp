#include "tokenizers/token_text.h"

#include <functional>
#include <mutex>
#include <unordered_set>

#include "tokenizers/vocab.h"

namespace as {

namespace {

// Node-based, so an interned string never moves when the set grows. Never destroyed: TokenTexts
// in static objects may be read during exit.
struct InternPool {
  std::mutex mutex;
  std::unordered_set<std::string, StringHash, std::equal_to<>> strings;
};

InternPool& pool() {
  static auto* const instance = new InternPool;
  return *instance;
}

const std::string* intern(std::string_view text) {
  if (text.empty()) return nullptr;
  InternPool& p = pool();
  std::lock_guard<std::mutex> lock(p.mutex);
  auto it = p.strings.find(text);
  if (it == p.strings.end()) it = p.strings.emplace(text).first;
  return &*it;
}

}  // namespace

TokenText::TokenText(std::string_view text) : text_(intern(text)) {}

}  // namespace as
