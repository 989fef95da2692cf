#include "ui/head_thumbnails.h"

#include <array>
#include <cmath>

#include "ui/attention_math.h"

namespace as::ui {
namespace {

constexpr QRgb kMaskedColour = 0xffe4e4e4;

// 256 levels, as the heatmap's gradient has: a lookup is far cheaper than interpolating the
// stops for each of the up to 512 × 512 × 144 cells of a big model.
std::array<QRgb, 256> colour_table(ColourMap colours) {
  std::array<QRgb, 256> table{};
  for (size_t i = 0; i < table.size(); ++i) {
    const Rgb c = colour_at(static_cast<double>(i) / 255.0, colours);
    table[i] = qRgb(c.r, c.g, c.b);
  }
  return table;
}

}  // namespace

QImage head_thumbnail(const Tensor& probabilities, const Tensor& scores, int64_t head, ColourMap colours,
                      float* max_weight) {
  Matrix weights = head_matrix(probabilities, head);
  blank_masked_cells(weights, head_matrix(scores, head));
  return weights_thumbnail(weights, colours, max_weight);
}

QImage weights_thumbnail(const Matrix& weights, ColourMap colours, float* max_weight) {
  const ValueRange range = finite_range(weights);
  const float top = range.valid && range.max > 0.0f ? range.max : 1.0f;
  if (max_weight != nullptr) *max_weight = top;
  const auto table = colour_table(colours);
  QImage image(static_cast<int>(weights.cols), static_cast<int>(weights.rows), QImage::Format_RGB32);
  for (int64_t r = 0; r < weights.rows; ++r) {
    auto* line = reinterpret_cast<QRgb*>(image.scanLine(static_cast<int>(r)));
    for (int64_t c = 0; c < weights.cols; ++c) {
      const float value = weights.at(r, c);
      if (std::isnan(value)) {
        line[c] = kMaskedColour;
        continue;
      }
      const auto level = static_cast<size_t>(std::lround(normalise(static_cast<double>(value), 0.0, top) * 255.0));
      line[c] = table[level];
    }
  }
  return image;
}

HeadThumbnails head_thumbnails(const RunResult& result, ColourMap colours) {
  HeadThumbnails thumbnails;
  thumbnails.layers = static_cast<int>(result.layer_count());
  thumbnails.heads = static_cast<int>(result.head_count());
  if (result.overview) {  // a long input: every layer's heads as the worker pooled them
    const AttentionOverview& overview = *result.overview;
    thumbnails.layers = static_cast<int>(overview.layers);
    thumbnails.heads = static_cast<int>(overview.heads);
    for (int l = 0; l < thumbnails.layers; ++l) {
      for (int h = 0; h < thumbnails.heads; ++h) {
        float max_weight = 0.0f;
        thumbnails.images.push_back(weights_thumbnail(overview.pooled_head(l, h), colours, &max_weight));
        thumbnails.maxima.push_back(max_weight);
      }
    }
    return thumbnails;
  }
  for (int l = 0; l < thumbnails.layers; ++l) {
    for (int h = 0; h < thumbnails.heads; ++h) {
      float max_weight = 0.0f;
      thumbnails.images.push_back(head_thumbnail(result.forward.attentions[static_cast<size_t>(l)],
                                                 result.forward.scores[static_cast<size_t>(l)], h, colours,
                                                 &max_weight));
      thumbnails.maxima.push_back(max_weight);
    }
  }
  return thumbnails;
}

}  // namespace as::ui
