// Smooth at 512 tokens: every view takes a 512-token result quickly, because the heatmap and the
// grid draw images (one QCPColorMap, one QImage per head) rather than one item per cell.
#include <QElapsedTimer>

#include <gtest/gtest.h>

#include "ui/head_grid_view.h"
#include "ui/heatmap_plot.h"
#include "ui/heatmap_view.h"
#include "ui/tokens_view.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

constexpr int kTokens = 512;

template <typename F>
qint64 millis(F&& f) {
  QElapsedTimer timer;
  timer.start();
  f();
  return timer.elapsed();
}

TEST(Scale, ViewsTake512TokensQuickly) {
  const auto result = test::synthetic_run(kTokens, 4, 12, true);
  HeatmapView heatmap;
  heatmap.resize(900, 800);
  heatmap.show();
  const qint64 heatmap_ms = millis([&] {
    heatmap.setResult(result);
    heatmap.grab();
  });
  EXPECT_EQ(heatmap.plot()->plottableCount(), 1);  // one colour map, not 262,144 items
  EXPECT_EQ(heatmap.plot()->columnCount(), kTokens);
  const qint64 hover_ms = millis([&] {
    for (int i = 0; i < 50; ++i) heatmap.setHoveredToken(i);
  });

  HeadGridView grid;
  grid.resize(700, 600);
  grid.show();
  const qint64 grid_ms = millis([&] {
    grid.setResult(result);
    grid.grab();
  });
  TokensView tokens;
  tokens.resize(1200, 200);
  tokens.show();
  const qint64 tokens_ms = millis([&] {
    tokens.setResult(result);
    tokens.grab();
  });
  std::printf("512 tokens: heatmap %lld ms, 50 hovers %lld ms, grid of 48 heads %lld ms, token chips %lld ms\n",
              static_cast<long long>(heatmap_ms), static_cast<long long>(hover_ms), static_cast<long long>(grid_ms),
              static_cast<long long>(tokens_ms));
  EXPECT_LT(heatmap_ms, 1500);
  EXPECT_LT(hover_ms, 1500);
  EXPECT_LT(grid_ms, 2500);
  EXPECT_LT(tokens_ms, 2500);
}

}  // namespace
}  // namespace as::ui
