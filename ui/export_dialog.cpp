#include "ui/export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QRegularExpression>
#include <QSpinBox>

namespace as::ui {

QString file_name_for(const QString& title) {
  QString name = title.toLower();
  name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
  while (name.startsWith(QLatin1Char('-'))) name.remove(0, 1);
  while (name.endsWith(QLatin1Char('-'))) name.chop(1);
  return QStringLiteral("attention-") + name;
}

ExportDialog::ExportDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Export heatmap"));
  auto* form = new QFormLayout(this);
  format_ = new QComboBox(this);
  format_->addItem(tr("PNG image"), QStringLiteral("png"));
  format_->addItem(tr("SVG vector graphics"), QStringLiteral("svg"));
  width_ = new QSpinBox(this);
  height_ = new QSpinBox(this);
  for (QSpinBox* box : {width_, height_}) {
    box->setRange(200, 8000);
    box->setSingleStep(100);
    box->setSuffix(tr(" px"));
  }
  width_->setValue(1600);
  height_->setValue(1200);
  form->addRow(tr("Format:"), format_);
  form->addRow(tr("Width:"), width_);
  form->addRow(tr("Height:"), height_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose file…"));
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  form->addRow(buttons);
}

QString ExportDialog::format() const { return format_->currentData().toString(); }

QSize ExportDialog::size() const { return {width_->value(), height_->value()}; }

std::optional<ExportChoice> ExportDialog::ask(QWidget* parent, const QString& title) {
  ExportDialog dialog(parent);
  if (dialog.exec() != QDialog::Accepted) return std::nullopt;
  const QString format = dialog.format();
  const QString filter = format == QLatin1String("svg") ? tr("SVG files (*.svg)") : tr("PNG images (*.png)");
  const QString suggested = QDir::home().filePath(file_name_for(title) + QLatin1Char('.') + format);
  QString file = QFileDialog::getSaveFileName(parent, tr("Export heatmap"), suggested, filter);
  if (file.isEmpty()) return std::nullopt;
  if (!file.endsWith(QLatin1Char('.') + format, Qt::CaseInsensitive)) file += QLatin1Char('.') + format;
  return ExportChoice{file, dialog.size()};
}

}  // namespace as::ui
