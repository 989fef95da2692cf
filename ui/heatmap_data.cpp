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

void check_layer(const std::vector<Tensor>& per_layer, int64_t layer) {
  if (layer < 0 || layer >= static_cast<int64_t>(per_layer.size())) {
    throw std::out_of_range("layer " + std::to_string(layer) + " out of range (the model has " +
                            std::to_string(per_layer.size()) + " layers)");
  }
}

const Tensor& layer_tensor(const std::vector<Tensor>& per_layer, int64_t layer) {
  check_layer(per_layer, layer);
  const Tensor& tensor = per_layer[static_cast<size_t>(layer)];
  if (tensor.empty()) throw LayerNotKept(layer);
  return tensor;
}

bool keeps_layers_through(const std::vector<Tensor>& per_layer, int64_t layer) {
  for (int64_t l = 0; l <= layer; ++l)
    if (per_layer[static_cast<size_t>(l)].empty()) return false;
  return true;
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

HeatmapData heatmap_data(const ForwardResult& forward, HeatmapSelection selection, const AttentionOverview* overview) {
  selection = effective_selection(selection);
  HeatmapData data;
  data.values = selection.values;
  data.title = heatmap_title(selection);
  check_layer(forward.scores, selection.layer);
  // The mask is the same in every head and layer (causal mask, padding): head 0 shows it.
  Matrix mask;
  if (selection.mode == HeatmapMode::Rollout) {
    if (keeps_layers_through(forward.attentions, selection.layer)) {
      data.matrix = attention_rollout(forward.attentions, selection.layer);
      mask = head_matrix(forward.scores[static_cast<size_t>(selection.layer)], 0);
    } else if (overview != nullptr && overview->layers > selection.layer) {
      data.matrix = attention_rollout_of_means(overview->head_means, selection.layer);
      mask = overview->mask_scores;
    } else {
      throw LayerNotKept(selection.layer);
    }
    data.value_name = "rollout";
  } else {
    const auto& source = selection.values == ValueKind::Scores ? forward.scores : forward.attentions;
    data.matrix = aggregate_heads(layer_tensor(source, selection.layer), aggregate_of(selection.mode), selection.head);
    mask = head_matrix(layer_tensor(forward.scores, selection.layer), 0);
    data.value_name = selection.values == ValueKind::Scores ? "score" : "probability";
  }
  blank_masked_cells(data.matrix, mask);
  data.colour_range = colour_range(data.matrix, selection);
  return data;
}

}  // namespace as::ui
