#include "ui/heatmap_data.h"

#include <stdexcept>

namespace as::ui {
namespace {

HeadAggregate aggregate_of(HeatmapMode mode) {
  switch (mode) {
    case HeatmapMode::MeanOfHeads: return HeadAggregate::Mean;
    case HeatmapMode::MaxOfHeads: return HeadAggregate::Max;
    case HeatmapMode::SingleHead:
    case HeatmapMode::Rollout: break;
  }
  return HeadAggregate::Single;
}

const Tensor& layer_tensor(const std::vector<Tensor>& per_layer, int64_t layer) {
  if (layer < 0 || layer >= static_cast<int64_t>(per_layer.size())) {
    throw std::out_of_range("layer " + std::to_string(layer) + " out of range (the model has " +
                            std::to_string(per_layer.size()) + " layers)");
  }
  return per_layer[static_cast<size_t>(layer)];
}

ValueRange colour_range(const Matrix& matrix, const HeatmapSelection& selection) {
  if (selection.fixed_unit_range) return {0.0f, 1.0f, true};
  ValueRange range = finite_range(matrix);
  if (range.valid && range.max <= range.min) {
    // A single token, or all-equal values: widen so the colour scale can still be drawn.
    range.min -= 0.5f;
    range.max += 0.5f;
  }
  return range;
}

}  // namespace

HeatmapSelection effective_selection(HeatmapSelection selection) {
  if (selection.mode == HeatmapMode::Rollout) selection.values = ValueKind::Probabilities;
  if (selection.values == ValueKind::Scores) selection.fixed_unit_range = false;
  return selection;
}

std::string heatmap_title(const HeatmapSelection& selection) {
  const std::string layer = "Layer " + std::to_string(selection.layer);
  const std::string values =
      selection.values == ValueKind::Scores ? "pre-softmax scores" : "attention probabilities";
  switch (selection.mode) {
    case HeatmapMode::SingleHead: return layer + " · head " + std::to_string(selection.head) + " · " + values;
    case HeatmapMode::MeanOfHeads: return layer + " · mean of heads · " + values;
    case HeatmapMode::MaxOfHeads: return layer + " · max of heads · " + values;
    case HeatmapMode::Rollout: return "Attention rollout through layers 0–" + std::to_string(selection.layer);
  }
  return layer;
}

HeatmapData heatmap_data(const ForwardResult& forward, HeatmapSelection selection) {
  selection = effective_selection(selection);
  HeatmapData data;
  data.values = selection.values;
  data.title = heatmap_title(selection);
  const Tensor& layer_scores = layer_tensor(forward.scores, selection.layer);
  if (selection.mode == HeatmapMode::Rollout) {
    data.matrix = attention_rollout(forward.attentions, selection.layer);
    data.value_name = "rollout";
  } else {
    const auto& source = selection.values == ValueKind::Scores ? forward.scores : forward.attentions;
    data.matrix = aggregate_heads(layer_tensor(source, selection.layer), aggregate_of(selection.mode), selection.head);
    data.value_name = selection.values == ValueKind::Scores ? "score" : "probability";
  }
  // The mask is the same in every head of a layer (causal mask, padding): head 0 shows it.
  blank_masked_cells(data.matrix, head_matrix(layer_scores, 0));
  data.colour_range = colour_range(data.matrix, selection);
  return data;
}

}  // namespace as::ui
