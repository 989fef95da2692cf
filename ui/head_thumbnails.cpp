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
  // A long input keeps only some layers whole: every layer's heads come pooled from the overview.
  const AttentionOverview* overview = result.overview.get();
  for (int l = 0; l < thumbnails.layers; ++l) {
    for (int h = 0; h < thumbnails.heads; ++h) {
      const auto layer = static_cast<size_t>(l);
      const Matrix weights = overview ? overview->pooled_head(l, h)
                                      : masked_head(result.forward.attentions[layer], result.forward.scores[layer], h);
      float max_weight = 0.0f;
      thumbnails.images.push_back(weights_thumbnail(weights, colours, &max_weight));
      thumbnails.maxima.push_back(max_weight);
    }
  }
  return thumbnails;
}

}  // namespace as::ui
