#pragma once
// The merge table of a byte-level BPE vocabulary and the merge loop of GPT2Tokenizer.bpe().
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <vector>

namespace as {

class BpeMerges {
 public:
  struct Merge {
    int32_t rank = 0;    // line number in merges.txt (after the header)
    int32_t merged = 0;  // vocabulary id of left+right
  };
  // Called once per merge step with the pair, its rank and the symbols after the step.
  using StepObserver = std::function<void(int32_t left, int32_t right, int32_t rank, const std::vector<int32_t>& after)>;

  // A pair listed twice keeps its last rank, like dict(zip(merges, range(len(merges)))).
  void add(int32_t left, int32_t right, int32_t rank, int32_t merged);
  const Merge* find(int32_t left, int32_t right) const;
  size_t size() const { return table_.size(); }

  // Merges `symbols` (vocabulary ids) in place exactly as the slow tokenizer does: repeatedly take
  // the lowest-ranked adjacent pair present and merge all its occurrences from left to right
  // (non-overlapping), until no adjacent pair is in the table. O(n log n) per word.
  void apply(std::vector<int32_t>& symbols, const StepObserver* observer = nullptr) const;

 private:
  static uint64_t key(int32_t left, int32_t right) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) | static_cast<uint32_t>(right);
  }
  std::unordered_map<uint64_t, Merge> table_;
};

}  // namespace as
