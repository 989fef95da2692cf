// The export dialog offers only what makes sense: CSV for the heatmap's matrix, DPI for PNG.
#include <QComboBox>
#include <QSpinBox>
#include <QStandardItemModel>

#include <gtest/gtest.h>

#include "ui/export_dialog.h"

namespace as::ui {
namespace {

bool format_enabled(const ExportDialog& dialog, ExportFormat format) {
  auto* combo = dialog.findChildren<QComboBox*>().at(1);
  auto* model = qobject_cast<QStandardItemModel*>(combo->model());
  return model->item(combo->findData(static_cast<int>(format)))->isEnabled();
}

QComboBox* format_box(const ExportDialog& dialog) { return dialog.findChildren<QComboBox*>().at(1); }

TEST(ExportDialog, CsvOnlyForTheHeatmapAndDpiOnlyForPng) {
  ExportDialog dialog;
  dialog.setExportSize({QSize(800, 600), 300});
  EXPECT_TRUE(format_enabled(dialog, ExportFormat::Csv));
  EXPECT_EQ(dialog.exportSize().dpi, 300);

  format_box(dialog)->setCurrentIndex(format_box(dialog)->findData(static_cast<int>(ExportFormat::Csv)));
  dialog.setTarget(ExportTarget::Grid);
  EXPECT_FALSE(format_enabled(dialog, ExportFormat::Csv));
  EXPECT_EQ(dialog.format(), ExportFormat::Png);  // the grid has no single matrix to write

  format_box(dialog)->setCurrentIndex(format_box(dialog)->findData(static_cast<int>(ExportFormat::Pdf)));
  const auto spins = dialog.findChildren<QSpinBox*>();
  ASSERT_EQ(spins.size(), 3);
  EXPECT_FALSE(spins[2]->isEnabled());  // DPI means nothing for a vector page
  EXPECT_TRUE(spins[0]->isEnabled());
}

TEST(ExportDialog, FileNamesFollowTheTitle) {
  EXPECT_EQ(file_name_for(QStringLiteral("Layer 1 · head 2 · attention probabilities")),
            QStringLiteral("attention-layer-1-head-2-attention-probabilities"));
}

}  // namespace
}  // namespace as::ui
