#include "tokenizers/bpe_merges.h"

#include <algorithm>
#include <queue>

namespace as {

void BpeMerges::add(int32_t left, int32_t right, int32_t rank, int32_t merged) {
  table_[key(left, right)] = {rank, merged};
}

const BpeMerges::Merge* BpeMerges::find(int32_t left, int32_t right) const {
  auto it = table_.find(key(left, right));
  return it == table_.end() ? nullptr : &it->second;
}

namespace {

struct Candidate {
  int32_t rank;
  int32_t position;  // index of the left symbol (a merged symbol keeps its left index)
  int32_t left;
  int32_t right;
  int32_t merged;
  bool operator>(const Candidate& o) const { return rank != o.rank ? rank > o.rank : position > o.position; }
};

}  // namespace

void BpeMerges::apply(std::vector<int32_t>& symbols, const StepObserver* observer) const {
  const int32_t n = static_cast<int32_t>(symbols.size());
  if (n < 2) return;
  // A doubly linked list over the original positions; merging folds the right symbol into the left.
  std::vector<int32_t> next(static_cast<size_t>(n)), prev(static_cast<size_t>(n));
  std::vector<char> alive(static_cast<size_t>(n), 1);
  for (int32_t i = 0; i < n; ++i) {
    next[static_cast<size_t>(i)] = i + 1 < n ? i + 1 : -1;
    prev[static_cast<size_t>(i)] = i - 1;
  }
  std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> queue;
  const auto consider = [&](int32_t position) {
    if (position < 0) return;
    const int32_t right = next[static_cast<size_t>(position)];
    if (right < 0) return;
    const int32_t a = symbols[static_cast<size_t>(position)], b = symbols[static_cast<size_t>(right)];
    if (const Merge* m = find(a, b)) queue.push({m->rank, position, a, b, m->merged});
  };
  for (int32_t i = 0; i + 1 < n; ++i) consider(i);

  std::vector<Candidate> batch;
  std::vector<int32_t> touched;
  while (!queue.empty()) {
    // One step of the Python loop: every occurrence of the lowest-ranked pair, left to right.
    // Entries whose symbols changed since they were queued are stale and skipped.
    const int32_t rank = queue.top().rank;
    batch.clear();
    while (!queue.empty() && queue.top().rank == rank) {
      batch.push_back(queue.top());
      queue.pop();
    }
    touched.clear();
    for (const Candidate& c : batch) {
      const size_t p = static_cast<size_t>(c.position);
      if (!alive[p] || symbols[p] != c.left) continue;
      const int32_t right = next[p];
      if (right < 0 || symbols[static_cast<size_t>(right)] != c.right) continue;
      symbols[p] = c.merged;
      alive[static_cast<size_t>(right)] = 0;
      next[p] = next[static_cast<size_t>(right)];
      if (next[p] >= 0) prev[static_cast<size_t>(next[p])] = c.position;
      touched.push_back(c.position);
    }
    if (touched.empty()) continue;
    // New pairs are queued only after the step, as the Python loop recomputes pairs only then.
    for (int32_t position : touched) {
      consider(prev[static_cast<size_t>(position)]);
      consider(position);
    }
    if (observer) {
      std::vector<int32_t> after;
      for (int32_t i = 0; i >= 0; i = next[static_cast<size_t>(i)]) after.push_back(symbols[static_cast<size_t>(i)]);
      (*observer)(batch.front().left, batch.front().right, rank, after);
    }
  }
  int32_t out = 0;
  for (int32_t i = 0; i >= 0; i = next[static_cast<size_t>(i)]) symbols[static_cast<size_t>(out++)] = symbols[static_cast<size_t>(i)];
  symbols.resize(static_cast<size_t>(out));
}

}  // namespace as
