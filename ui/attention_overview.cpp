#include "ui/attention_overview.h"

#include <stdexcept>
#include <string>

namespace as::ui {

void AttentionOverviewBuilder::add(size_t layer, const Tensor& probabilities, const Tensor& scores) {
  if (static_cast<int64_t>(layer) != overview_.layers)
    throw std::logic_error("attention overview: layer " + std::to_string(layer) + " arrived out of order");
  if (overview_.layers == 0) {
    overview_.heads = probabilities.dim(0);
    overview_.mask_scores = head_matrix(scores, 0);
  }
  for (int64_t h = 0; h < overview_.heads; ++h)
    overview_.pooled.push_back(max_pooled(masked_head(probabilities, scores, h), AttentionOverview::kMaxSide));
  overview_.head_means.push_back(mean_of_heads(probabilities));
  ++overview_.layers;
}

std::shared_ptr<const AttentionOverview> AttentionOverviewBuilder::finish() {
  return std::make_shared<const AttentionOverview>(std::move(overview_));
}

}  // namespace as::ui
