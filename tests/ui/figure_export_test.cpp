// Exported figures are valid files of the requested size, read back: PNG through QImage (pixels
// and DPI), PDF through its header and page /MediaBox, SVG through its width and height.
#include <QFile>
#include <QImage>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <cmath>

#include "ui/figure.h"
#include "ui/grid_figure.h"
#include "ui/head_lines_figure.h"
#include "ui/head_thumbnails.h"
#include "ui/heatmap_data.h"
#include "ui/heatmap_figure.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

QStringList labels_of(const RunResult& result) {
  QStringList labels;
  for (const auto& label : result.labels) labels << QString::fromStdString(label.text());
  return labels;
}

std::vector<std::unique_ptr<Figure>> all_figures() {
  const auto result = test::synthetic_run(12, 2, 3, true);
  std::vector<std::unique_ptr<Figure>> figures;
  figures.push_back(std::make_unique<HeatmapFigure>(heatmap_data(result->forward, {.layer = 1, .head = 2}),
                                                    labels_of(*result), ColourMap::Viridis));
  figures.push_back(std::make_unique<GridFigure>(head_thumbnails(*result, ColourMap::Magma), "grid", ColourMap::Magma));
  figures.push_back(std::make_unique<HeadLinesFigure>(labels_of(*result), result->forward.attentions[0], 0,
                                                      std::vector<int>{0, 2}));
  return figures;
}

QByteArray read(const QString& file) {
  QFile in(file);
  return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

TEST(FigureExport, PngHasThePixelsAndDpiAskedFor) {
  const auto dir = test::scratch("figure-png");
  int n = 0;
  for (const auto& figure : all_figures()) {
    const QString file = test::qpath(dir / ("figure" + std::to_string(n++) + ".png"));
    ASSERT_EQ(write_figure(*figure, file, {QSize(640, 480), 192}), QString());
    const QImage image(file);
    ASSERT_FALSE(image.isNull()) << file.toStdString();
    EXPECT_EQ(image.size(), QSize(1280, 960));
    EXPECT_NEAR(image.dotsPerMeterX() * 0.0254, 192.0, 0.5);
    EXPECT_EQ(image.pixelColor(2, 2), QColor(Qt::white));  // a white page, not transparent
  }
}

TEST(FigureExport, PdfPageIsTheSizeAskedFor) {
  const auto dir = test::scratch("figure-pdf");
  int n = 0;
  for (const auto& figure : all_figures()) {
    const QString file = test::qpath(dir / ("figure" + std::to_string(n++) + ".pdf"));
    ASSERT_EQ(write_figure(*figure, file, {QSize(800, 600)}), QString());
    const QByteArray pdf = read(file);
    EXPECT_TRUE(pdf.startsWith("%PDF-1.")) << pdf.left(16).toStdString();
    EXPECT_TRUE(pdf.trimmed().endsWith("%%EOF"));
    const auto box = QRegularExpression(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]")).match(QString::fromLatin1(pdf));
    ASSERT_TRUE(box.hasMatch());
    EXPECT_NEAR(box.captured(1).toDouble(), 600.0, 0.01);  // 800 px at 96 dpi = 600 pt
    EXPECT_NEAR(box.captured(2).toDouble(), 450.0, 0.01);
  }
}

TEST(FigureExport, SvgDeclaresTheSizeAskedFor) {
  const auto dir = test::scratch("figure-svg");
  int n = 0;
  for (const auto& figure : all_figures()) {
    const QString file = test::qpath(dir / ("figure" + std::to_string(n++) + ".svg"));
    ASSERT_EQ(write_figure(*figure, file, {QSize(900, 700)}), QString());
    const QString svg = QString::fromUtf8(read(file));
    EXPECT_TRUE(svg.startsWith(QStringLiteral("<?xml")));
    EXPECT_TRUE(svg.contains(QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\"")));
    EXPECT_TRUE(svg.contains(QStringLiteral("width=\"900\" height=\"700\""))) << file.toStdString();
    EXPECT_TRUE(svg.trimmed().endsWith(QStringLiteral("</svg>")));
  }
}

TEST(FigureExport, UnknownSuffixOrUnwritableFolderIsAnError) {
  const auto figures = all_figures();
  EXPECT_FALSE(write_figure(*figures[0], QStringLiteral("/tmp/figure.bmp"), {}).isEmpty());
  EXPECT_FALSE(write_figure(*figures[0], QStringLiteral("/nonexistent/folder/figure.png"), {}).isEmpty());
  EXPECT_FALSE(write_figure(*figures[0], QStringLiteral("/nonexistent/folder/figure.svg"), {}).isEmpty());
}

}  // namespace
}  // namespace as::ui
