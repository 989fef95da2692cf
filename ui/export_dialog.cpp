#include "ui/export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardItemModel>

namespace as::ui {
namespace {

QString filter_for(ExportFormat format) {
  switch (format) {
    case ExportFormat::Svg: return QObject::tr("SVG vector graphics (*.svg)");
    case ExportFormat::Pdf: return QObject::tr("PDF documents (*.pdf)");
    case ExportFormat::Csv: return QObject::tr("CSV tables (*.csv)");
    case ExportFormat::Json: return QObject::tr("JSON files (*.json)");
    case ExportFormat::Png: break;
  }
  return QObject::tr("PNG images (*.png)");
}

QSpinBox* make_spin(QWidget* parent, int lo, int hi, int step, const QString& suffix) {
  auto* box = new QSpinBox(parent);
  box->setRange(lo, hi);
  box->setSingleStep(step);
  box->setSuffix(suffix);
  return box;
}

}  // namespace

QString file_name_for(const QString& title) {
  QString name = title.toLower();
  name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
  while (name.startsWith(QLatin1Char('-'))) name.remove(0, 1);
  while (name.endsWith(QLatin1Char('-'))) name.chop(1);
  return QStringLiteral("attention-") + name;
}

ExportDialog::ExportDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Export"));
  auto* form = new QFormLayout(this);
  target_ = new QComboBox(this);
  target_->addItem(tr("Heatmap (the layer and head shown)"), static_cast<int>(ExportTarget::Heatmap));
  target_->addItem(tr("Model view: all layers × heads"), static_cast<int>(ExportTarget::Grid));
  target_->addItem(tr("Head view: lines between tokens"), static_cast<int>(ExportTarget::HeadLines));
  format_ = new QComboBox(this);
  for (ExportFormat f : {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf, ExportFormat::Csv}) {
    format_->addItem(filter_for(f), static_cast<int>(f));
  }
  width_ = make_spin(this, 200, 8000, 100, tr(" px"));
  height_ = make_spin(this, 200, 8000, 100, tr(" px"));
  dpi_ = make_spin(this, 48, 1200, 24, tr(" dpi"));
  dpi_->setToolTip(tr("PNG resolution: the size above is the layout at 96 dpi; 300 dpi makes the same picture "
                      "with 3.125× the pixels per side, for print."));
  result_ = new QLabel(this);
  result_->setStyleSheet(QStringLiteral("color: #505050;"));
  form->addRow(tr("Export:"), target_);
  form->addRow(tr("Format:"), format_);
  form->addRow(tr("Width:"), width_);
  form->addRow(tr("Height:"), height_);
  form->addRow(tr("Resolution:"), dpi_);
  form->addRow(QString(), result_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose file…"));
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  form->addRow(buttons);
  for (QComboBox* box : {target_, format_}) connect(box, &QComboBox::currentIndexChanged, this, &ExportDialog::syncEnabled);
  for (QSpinBox* box : {width_, height_, dpi_}) connect(box, &QSpinBox::valueChanged, this, &ExportDialog::syncEnabled);
  setExportSize({});
}

void ExportDialog::setTarget(ExportTarget target) { target_->setCurrentIndex(target_->findData(static_cast<int>(target))); }

void ExportDialog::setAvailable(ExportTarget target, bool available) {
  auto* model = qobject_cast<QStandardItemModel*>(target_->model());
  if (QStandardItem* item = model->item(target_->findData(static_cast<int>(target)))) item->setEnabled(available);
}

void ExportDialog::setExportSize(const ExportSize& size) {
  width_->setValue(size.size.width());
  height_->setValue(size.size.height());
  dpi_->setValue(size.dpi);
  syncEnabled();
}

ExportTarget ExportDialog::target() const { return static_cast<ExportTarget>(target_->currentData().toInt()); }

ExportFormat ExportDialog::format() const { return static_cast<ExportFormat>(format_->currentData().toInt()); }

ExportSize ExportDialog::exportSize() const { return {QSize(width_->value(), height_->value()), dpi_->value()}; }

// CSV holds one matrix: only the heatmap has one. Size means nothing for CSV, DPI only for PNG.
void ExportDialog::syncEnabled() {
  auto* model = qobject_cast<QStandardItemModel*>(format_->model());
  model->item(format_->findData(static_cast<int>(ExportFormat::Csv)))->setEnabled(target() == ExportTarget::Heatmap);
  if (format() == ExportFormat::Csv && target() != ExportTarget::Heatmap) format_->setCurrentIndex(0);
  const bool figure = format() != ExportFormat::Csv;
  width_->setEnabled(figure);
  height_->setEnabled(figure);
  dpi_->setEnabled(format() == ExportFormat::Png);
  const ExportSize size = exportSize();
  if (format() == ExportFormat::Png) {
    const QSize pixels = png_pixels(size);
    result_->setText(tr("→ %1 × %2 pixels at %3 dpi").arg(pixels.width()).arg(pixels.height()).arg(size.dpi));
  } else if (format() == ExportFormat::Pdf) {
    const QSizeF points = pdf_points(size.size);
    result_->setText(tr("→ a %1 × %2 pt page, vector").arg(points.width(), 0, 'f', 0).arg(points.height(), 0, 'f', 0));
  } else {
    result_->setText(format() == ExportFormat::Svg ? tr("→ vector, %1 × %2 units").arg(size.size.width()).arg(size.size.height())
                                                   : tr("→ the heatmap's numbers, one row per attending token"));
  }
}

std::optional<ExportChoice> ExportDialog::ask(ExportDialog& dialog, const QString& folder,
                                              const std::function<QString(ExportTarget)>& title_for) {
  if (dialog.exec() != QDialog::Accepted) return std::nullopt;
  const ExportFormat format = dialog.format();
  const QString suffix = suffix_of(format);
  const QString suggested = QDir(folder).filePath(file_name_for(title_for(dialog.target())) + QLatin1Char('.') + suffix);
  QString file = QFileDialog::getSaveFileName(dialog.parentWidget(), tr("Export"), suggested, filter_for(format));
  if (file.isEmpty()) return std::nullopt;
  if (!file.endsWith(QLatin1Char('.') + suffix, Qt::CaseInsensitive)) file += QLatin1Char('.') + suffix;
  return ExportChoice{dialog.target(), file, dialog.exportSize()};
}

}  // namespace as::ui
