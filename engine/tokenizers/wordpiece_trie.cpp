#include "tokenizers/wordpiece_trie.h"

#include <algorithm>
#include <string>
#include <utility>

namespace as {

WordPieceTrie::WordPieceTrie(const Vocab& vocab) {
  // Insert the entries in sorted order, so that every node receives its children in byte order;
  // then lay the edges out node by node.
  std::vector<std::pair<std::string_view, int32_t>> entries;
  for (int32_t id = 0; id < vocab.id_limit(); ++id) {
    const std::string* token = vocab.token(id);
    if (token && vocab.find(*token) == id) entries.emplace_back(*token, id);
  }
  std::sort(entries.begin(), entries.end());
  std::vector<std::vector<std::pair<uint8_t, int32_t>>> children(1);
  std::vector<int32_t> tokens(1, kNone);
  for (const auto& [text, id] : entries) {
    int32_t node = 0;
    for (char c : text) {
      const auto byte = static_cast<uint8_t>(c);
      auto& edges = children[static_cast<size_t>(node)];
      if (!edges.empty() && edges.back().first == byte) {
        node = edges.back().second;
        continue;
      }
      const auto created = static_cast<int32_t>(children.size());
      edges.emplace_back(byte, created);
      children.emplace_back();
      tokens.push_back(kNone);
      node = created;
    }
    tokens[static_cast<size_t>(node)] = id;
  }
  nodes_.resize(children.size());
  for (size_t n = 0; n < children.size(); ++n) {
    nodes_[n].first_edge = static_cast<uint32_t>(edge_bytes_.size());
    nodes_[n].edge_count = static_cast<uint32_t>(children[n].size());
    nodes_[n].token = tokens[n];
    for (const auto& [byte, target] : children[n]) {
      edge_bytes_.push_back(byte);
      edge_targets_.push_back(target);
    }
    if (children[n].size() > kMaxListed) {
      nodes_[n].dense = static_cast<int32_t>(dense_.size() / 256);
      dense_.resize(dense_.size() + 256, kNone);
      for (const auto& [byte, target] : children[n]) dense_[dense_.size() - 256 + byte] = target;
    }
  }
}

int32_t WordPieceTrie::walk(int32_t node, std::string_view path) const {
  for (char c : path) {
    if (node == kNone) return kNone;
    node = child(node, static_cast<uint8_t>(c));
  }
  return node;
}

}  // namespace as
