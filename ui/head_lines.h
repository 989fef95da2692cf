#pragma once
// The lines of the head view (bertviz's picture): one line from each query token to each key
// token it attends to, per selected head, with the weight as its opacity. Qt-free, unit-tested.
//
// Each row of a head sums to 1, so at most 1/min_weight lines of a row reach min_weight: the
// threshold alone bounds the work at 512 tokens, and max_lines caps it for many heads at once,
// keeping the strongest lines (the ones a reader can see anyway).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/tensor.h"

namespace as::ui {

struct HeadLine {
  int head = 0;
  int from = 0;  // query token (left column)
  int to = 0;    // key token (right column)
  float weight = 0.0f;
};

struct HeadLinesOptions {
  float min_weight = 0.01f;   // fainter lines are invisible at any opacity a screen can show
  size_t max_lines = 20000;   // the strongest are kept beyond this many
};

// Lines of `heads` in a layer's [NH, Tq, Tk] probabilities, faintest first so that the strongest
// are drawn on top.
std::vector<HeadLine> head_lines(const Tensor& probabilities, const std::vector<int>& heads,
                                 const HeadLinesOptions& options = {});

// Which end of the lines the user points at.
enum class LineSide { Query, Key };

// Every line of `heads` that starts at (Query) or ends at (Key) `token`, however faint: hovering
// one token shows all of its attention. Faintest first.
std::vector<HeadLine> lines_of_token(const Tensor& probabilities, const std::vector<int>& heads, int token,
                                     LineSide side);

}  // namespace as::ui
