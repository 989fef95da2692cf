#pragma once
// What a long input keeps of the layers nobody is looking at. Every layer's T × T probabilities
// and scores together grow as layers · heads · T² (BERT-base at 512 tokens: 302 MB), so past
// RunRequest::full_capture_limit the worker keeps only the layers on screen whole and builds
// this compact picture of all layers while the forward pass hands them over one at a time
// (ForwardOptions::on_attention): each head's weights max-pooled for the grid's thumbnails, and
// each layer's mean of heads for the heatmap's rollout mode.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/tensor.h"
#include "ui/attention_math.h"

namespace as::ui {

struct AttentionOverview {
  // Thumbnails are drawn at most 180 px wide; pooling to about that keeps them sharp.
  static constexpr int64_t kMaxSide = 160;
  int64_t layers = 0;
  int64_t heads = 0;
  std::vector<Matrix> pooled;      // [layer * heads + head]: probabilities, masked cells NaN
  std::vector<Matrix> head_means;  // per layer: mean of its heads' probabilities, T × T
  // Layer 0, head 0's scores: where the mask lies (causal, padding), the same in every head and layer.
  Matrix mask_scores;

  const Matrix& pooled_head(int64_t layer, int64_t head) const {
    return pooled[static_cast<size_t>(layer * heads + head)];
  }
};

// Collects the overview from ForwardOptions::on_attention calls (layers in order).
class AttentionOverviewBuilder {
 public:
  void add(size_t layer, const Tensor& probabilities, const Tensor& scores);
  std::shared_ptr<const AttentionOverview> finish();

 private:
  AttentionOverview overview_;
};

}  // namespace as::ui
