// The positional-encoding panel: the sinusoidal values it draws against the formula written out
// here, the similarity against a hand computation, and the learned table it draws against the
// checkpoint's tensor read independently with the safetensors reader.
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "io/safetensors.h"
#include "support/test_support.h"
#include "teaching_support.h"
#include "ui/heatmap_plot.h"
#include "ui/positional_view.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

using Cells = std::vector<std::pair<int, int>>;

// "Attention Is All You Need", section 3.5.
double formula(int pos, int column, int d) {
  const int i = column / 2;
  const double angle = pos / std::pow(10000.0, 2.0 * i / d);
  return column % 2 == 0 ? std::sin(angle) : std::cos(angle);
}

void wait_for(PositionalView& view) {
  QSignalSpy updated(&view, &PositionalView::updated);
  while (view.isComputing()) ASSERT_TRUE(updated.wait(20'000));
}

TEST(PositionalEncoding, EqualsTheFormula) {
  const Matrix m = sinusoidal_encoding(50, 16);
  ASSERT_EQ(m.rows, 50);
  ASSERT_EQ(m.cols, 16);
  for (auto [pos, column] : Cells{{0, 0}, {0, 1}, {1, 0}, {1, 1}, {7, 4}, {7, 5}, {49, 14}, {49, 15}, {23, 9}})
    EXPECT_NEAR(m.at(pos, column), formula(pos, column, 16), 1e-7) << pos << ", " << column;
  EXPECT_FLOAT_EQ(m.at(0, 0), 0.0f);  // sin 0
  EXPECT_FLOAT_EQ(m.at(0, 1), 1.0f);  // cos 0
  EXPECT_NEAR(m.at(1, 0), std::sin(1.0), 1e-7);
  // An odd d: the last column is a sine of its pair.
  EXPECT_NEAR(sinusoidal_encoding(3, 5).at(2, 4), std::sin(2.0 / std::pow(10000.0, 4.0 / 5.0)), 1e-7);
}

TEST(PositionalEncoding, SimilarityIsTheDotProductOrTheCosine) {
  const Matrix m{3, 2, {3, 4, 1, 0, 0, 0}};
  const Matrix dot = row_similarity(m, Similarity::DotProduct);
  EXPECT_FLOAT_EQ(dot.at(0, 0), 25.0f);
  EXPECT_FLOAT_EQ(dot.at(0, 1), 3.0f);
  const Matrix cosine = row_similarity(m, Similarity::Cosine);
  EXPECT_FLOAT_EQ(cosine.at(0, 1), 0.6f);
  EXPECT_FLOAT_EQ(cosine.at(1, 1), 1.0f);
  EXPECT_FLOAT_EQ(cosine.at(2, 0), 0.0f);  // a zero row has no direction
  EXPECT_EQ(parse_columns(QStringLiteral("0, 2-4, x, 9")), (std::vector<int64_t>{0, 2, 3, 4, 9}));
  EXPECT_EQ(default_columns(256), QStringLiteral("0, 1, 32, 64, 128"));
  EXPECT_EQ(default_columns(100), QStringLiteral("0, 1, 12, 24, 50"));
}

TEST(PositionalView, DrawsTheFormulaAsMatrixCurvesAndSimilarity) {
  PositionalView view;
  view.resize(1200, 700);
  view.setDimension(64);
  view.setPositions(40);
  view.setShow(PositionalShow::Matrix);
  wait_for(view);
  const HeatmapPlot* plot = view.sinusoidalPlot();
  ASSERT_EQ(plot->rowCount(), 40);
  ASSERT_EQ(plot->columnCount(), 64);
  for (auto [pos, column] : Cells{{0, 0}, {3, 1}, {17, 20}, {17, 21}, {39, 62}, {39, 63}})
    EXPECT_NEAR(plot->cellValue(pos, column), formula(pos, column, 64), 1e-6) << pos << ", " << column;
  EXPECT_FALSE(view.hasLearned());

  view.setShow(PositionalShow::Curves);
  view.setCurveColumns(QStringLiteral("4, 5"));
  wait_for(view);
  ASSERT_EQ(view.sinusoidalCurves()->graphCount(), 2);
  const auto* curve = view.sinusoidalCurves()->graph(1)->data().data();
  ASSERT_EQ(curve->size(), 40);
  EXPECT_NEAR(curve->at(11)->value, formula(11, 5, 64), 1e-6);

  view.setShow(PositionalShow::Similarity);
  view.setSimilarity(Similarity::Cosine);
  wait_for(view);
  ASSERT_EQ(view.sinusoidalPlot()->rowCount(), 40);
  double dot = 0, na = 0, nb = 0;
  for (int c = 0; c < 64; ++c) {
    dot += formula(5, c, 64) * formula(9, c, 64);
    na += formula(5, c, 64) * formula(5, c, 64);
    nb += formula(9, c, 64) * formula(9, c, 64);
  }
  EXPECT_NEAR(view.sinusoidalPlot()->cellValue(5, 9), dot / std::sqrt(na * nb), 1e-6);
}

TEST(PositionalView, LearnedSideIsTheCheckpointTensor) {
  AS_REQUIRE_SHARED();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"random-gpt2-L4-H256", "wpe.weight"},
      {"random-bert-uncased-L4-H256", "bert.embeddings.position_embeddings.weight"}};
  for (const auto& [name, tensor] : cases) {
    const Tensor want =
        SafetensorsFile::open(as::test::models_dir() / name / "model.safetensors")->load_f32(tensor);
    PositionalView view;
    view.resize(1200, 700);
    view.setModel(test::loaded(name).summary);
    view.setShow(PositionalShow::Matrix);
    view.setPositions(64);
    wait_for(view);
    ASSERT_TRUE(view.hasLearned());
    const HeatmapPlot* plot = view.learnedPlot();
    ASSERT_EQ(plot->rowCount(), 64) << name;
    ASSERT_EQ(plot->columnCount(), want.dim(1)) << name;
    for (int r = 0; r < 64; ++r)
      for (int c = 0; c < want.dim(1); ++c)
        ASSERT_EQ(static_cast<float>(plot->cellValue(r, c)), want.at(r, c)) << name << " " << r << ", " << c;
    // d of the sinusoidal side follows the model, so the two sides compare like for like.
    EXPECT_EQ(view.sinusoidalPlot()->columnCount(), want.dim(1));
  }
}

TEST(PositionalView, ExportsEitherSideAsFigures) {
  AS_REQUIRE_SHARED();
  const auto dir = test::scratch("positional-export");
  PositionalView view;
  view.resize(1200, 700);
  view.setModel(test::loaded("random-gpt2-L4-H256").summary);
  view.setPositions(32);
  view.setShow(PositionalShow::Similarity);
  wait_for(view);
  for (const char* file : {"sin.png", "sin.svg", "sin.pdf"})
    EXPECT_EQ(view.exportTo(0, test::qpath(dir / file), ExportSize{QSize(800, 600), 96}), QString()) << file;
  EXPECT_EQ(view.exportTo(1, test::qpath(dir / "learned.svg"), ExportSize{QSize(800, 600), 96}), QString());
  std::ifstream svg(dir / "learned.svg");
  const std::string text((std::istreambuf_iterator<char>(svg)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("position →"), std::string::npos);
  view.setShow(PositionalShow::Curves);
  wait_for(view);
  EXPECT_EQ(view.exportTo(1, test::qpath(dir / "curves.svg"), ExportSize{QSize(800, 600), 96}), QString());
  EXPECT_EQ(view.exportTo(1, test::qpath(dir / "curves.png"), ExportSize{QSize(800, 600), 96}), QString());
  EXPECT_GT(std::filesystem::file_size(dir / "curves.png"), 5000u);
}

}  // namespace
}  // namespace as::ui
