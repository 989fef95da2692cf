#pragma once
// What the heatmap shows for a given choice of layer, head(s) and value kind: the matrix, its
// colour range and a title. Qt-free so the choice logic is unit-tested without widgets.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "models/model.h"
#include "ui/attention_math.h"
#include "ui/attention_overview.h"

namespace as::ui {

enum class HeatmapMode { SingleHead, MeanOfHeads, MaxOfHeads, Rollout };
enum class ValueKind { Probabilities, Scores };

struct HeatmapSelection {
  int64_t layer = 0;
  int64_t head = 0;
  HeatmapMode mode = HeatmapMode::SingleHead;
  ValueKind values = ValueKind::Probabilities;
  bool fixed_unit_range = false;  // colour scale 0..1 instead of the data's own range

  bool operator==(const HeatmapSelection&) const = default;
};

struct HeatmapData {
  Matrix matrix;        // masked cells are NaN
  ValueRange colour_range;
  ValueKind values = ValueKind::Probabilities;
  std::string title;        // "Layer 2 · head 3 · attention probabilities"
  std::string value_name;   // "probability", "score", ...
  // Axis names for matrices that are not attention (the positional-encoding panel); empty: the
  // attention names ("attended to (key) →", "attending token (query) →").
  std::string x_name;
  std::string y_name;
};

// Rollout always shows probabilities (it is defined on them); scores have no fixed 0..1 range.
HeatmapSelection effective_selection(HeatmapSelection selection);

// A layer that exists but whose attention the run did not keep (a long input keeps only the
// layers on screen): the view asks for a run that keeps it.
class LayerNotKept : public std::runtime_error {
 public:
  explicit LayerNotKept(int64_t layer)
      : std::runtime_error("layer " + std::to_string(layer) + " was not kept by this run"), layer_(layer) {}
  int64_t layer() const { return layer_; }

 private:
  int64_t layer_;
};

// Throws std::out_of_range when the layer or head does not exist in `forward`, LayerNotKept when
// the layer exists but was not kept. Rollout over layers not kept uses `overview` when given.
HeatmapData heatmap_data(const ForwardResult& forward, HeatmapSelection selection,
                         const AttentionOverview* overview = nullptr);

std::string heatmap_title(const HeatmapSelection& selection);

}  // namespace as::ui
