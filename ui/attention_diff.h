#pragma once
// The difference of two runs' attention for one layer and head: two sentences that differ by a
// word on one model, or one sentence on two models of the same shape. Qt-free and unit-tested.
//
// Tokens are aligned by position: cell (i, j) is A(i, j) − B(i, j). When the two inputs have
// different token counts only the first min(Tₐ, T_b) positions are compared (a word that splits
// into more pieces shifts every later token, so the caption says how many were left out).
#include <cstdint>
#include <string>
#include <vector>

#include "models/model.h"
#include "ui/heatmap_data.h"

namespace as::ui {

struct AttentionDiff {
  HeatmapData heatmap;  // matrix = A − B (NaN where either is masked), symmetric colour range
  int64_t tokens_a = 0;
  int64_t tokens_b = 0;
  int64_t compared = 0;  // min(tokens_a, tokens_b)
  float max_abs = 0.0f;  // largest |A − B|
};

// Throws std::out_of_range when either run lacks the layer or head, std::invalid_argument when
// the two runs have different head counts.
AttentionDiff attention_difference(const ForwardResult& a, const ForwardResult& b, int64_t layer, int64_t head);

// Axis labels of the compared positions: the token of A, or "A ≠ B" when the two differ there.
std::vector<std::string> diff_labels(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace as::ui
