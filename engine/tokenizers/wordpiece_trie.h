#pragma once
// Every vocabulary entry in a byte trie. WordPiece looks for the longest entry equal to a prefix
// of the rest of a word (with "##" in front after the first piece); walking the trie along the
// word finds it in one pass instead of one hash lookup per candidate length.
#include <cstdint>
#include <string_view>
#include <vector>

#include "tokenizers/vocab.h"

namespace as {

class WordPieceTrie {
 public:
  WordPieceTrie() = default;
  explicit WordPieceTrie(const Vocab& vocab);

  static constexpr int32_t kNone = -1;
  int32_t root() const { return nodes_.empty() ? kNone : 0; }
  // The node reached from `node` by the bytes of `path` (kNone when the trie has no such path).
  int32_t walk(int32_t node, std::string_view path) const;
  int32_t child(int32_t node, uint8_t byte) const {
    const Node& n = nodes_[static_cast<size_t>(node)];
    if (n.dense >= 0) return dense_[static_cast<size_t>(n.dense) * 256 + byte];
    const uint8_t* edges = edge_bytes_.data() + n.first_edge;
    for (uint32_t i = 0; i < n.edge_count; ++i)
      if (edges[i] == byte) return edge_targets_[n.first_edge + i];
    return kNone;
  }
  // The vocabulary id of the entry ending at `node`, or kNone.
  int32_t token(int32_t node) const { return nodes_[static_cast<size_t>(node)].token; }

 private:
  // Nodes with few children list them; nodes with many (the root, the "##" node) get a
  // 256-entry table instead, so that no walk step scans more than kMaxListed bytes.
  static constexpr uint32_t kMaxListed = 12;
  struct Node {
    uint32_t first_edge = 0;
    uint32_t edge_count = 0;
    int32_t token = kNone;
    int32_t dense = -1;  // index of the node's table in dense_, or -1
  };
  std::vector<Node> nodes_;
  std::vector<uint8_t> edge_bytes_;
  std::vector<int32_t> edge_targets_;
  std::vector<int32_t> dense_;
};

}  // namespace as
