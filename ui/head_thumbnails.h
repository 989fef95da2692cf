#pragma once
// Thumbnails of every layer × head for the model view and its export: each head's weights as a
// small image, coloured relative to the head's largest weight so weak heads still show their
// pattern; masked cells light grey.
#include <QImage>
#include <QVector>

#include "core/tensor.h"
#include "ui/attention_math.h"
#include "ui/colour_scale.h"
#include "ui/run_types.h"

namespace as::ui {

struct HeadThumbnails {
  int layers = 0;
  int heads = 0;
  QVector<QImage> images;   // layer-major: images[layer * heads + head]
  QVector<float> maxima;    // each head's largest weight, same order

  const QImage& at(int layer, int head) const { return images[layer * heads + head]; }
  bool empty() const { return images.isEmpty(); }
};

// Weights already blanked (NaN) where masked, coloured relative to their largest value.
QImage weights_thumbnail(const Matrix& weights, ColourMap colours, float* max_weight = nullptr);
// From the full attentions, or from RunResult::overview when the run kept only some layers.
HeadThumbnails head_thumbnails(const RunResult& result, ColourMap colours);

}  // namespace as::ui
