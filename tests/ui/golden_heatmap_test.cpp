// End to end against HuggingFace: the golden BERT sentence pair typed into the window, every
// layer and head opened in the heatmap; the plotted cells equal the golden attentions and the
// axis labels equal the golden tokens.
#include <gtest/gtest.h>

#include "io/safetensors.h"
#include "support/golden.h"
#include "support/test_support.h"
#include "ui/heatmap_plot.h"
#include "ui/heatmap_view.h"
#include "ui/main_window.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

TEST(GoldenHeatmap, CellsAndLabelsEqualTheReference) {
  AS_REQUIRE_SHARED();
  const auto golden_dir = as::test::golden_dir() / "random-bert-uncased-L4-H256";
  const auto golden = as::test::read_json(golden_dir / "pair.json");
  const auto tensors = SafetensorsFile::open(golden_dir / "pair.safetensors");

  MainWindow window;
  window.resize(1400, 900);
  window.show();
  const auto result = test::load_and_run(window, "random-bert-uncased-L4-H256",
                                         QString::fromStdString(golden["text"].get<std::string>()),
                                         QString::fromStdString(golden["text_pair"].get<std::string>()));
  ASSERT_NE(result, nullptr);
  QStringList tokens;
  for (const auto& token : golden["tokens"]) tokens << QString::fromStdString(token.get<std::string>());

  HeatmapPlot* plot = window.heatmapView()->plot();
  const int layers = golden["num_layers"];
  const int heads = golden["num_heads"];
  for (int l = 0; l < layers; ++l) {
    const Tensor expected = tensors->load_f32("attentions." + std::to_string(l));
    for (int h = 0; h < heads; ++h) {
      window.heatmapView()->showHead(l, h);
      ASSERT_EQ(plot->columnCount(), tokens.size());
      ASSERT_EQ(plot->rowCount(), tokens.size());
      for (int r = 0; r < tokens.size(); ++r) {
        for (int c = 0; c < tokens.size(); ++c) {
          ASSERT_NEAR(plot->cellValue(r, c), expected.at(h, r, c), as::test::kAttentionTol)
              << "layer " << l << " head " << h << " query " << r << " key " << c;
        }
      }
    }
  }
  EXPECT_EQ(plot->rowLabels(), tokens);
  EXPECT_EQ(plot->colLabels(), tokens);
  // What the axes print: with 17 tokens in this window, every one of them, in order.
  EXPECT_EQ(plot->shownRowLabels().values(), tokens);
  EXPECT_EQ(plot->shownColLabels().values(), tokens);
}

}  // namespace
}  // namespace as::ui
