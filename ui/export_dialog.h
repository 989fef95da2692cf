#pragma once
// Asks what to export (heatmap, model grid or head view), in which format (PNG, SVG, PDF, or the
// heatmap's numbers as CSV), at which size and resolution, then for the file.
#include <QDialog>
#include <QString>

#include <functional>
#include <optional>

#include "ui/export_types.h"

class QComboBox;
class QLabel;
class QSpinBox;

namespace as::ui {

enum class ExportTarget { Heatmap, Grid, HeadLines };

struct ExportChoice {
  ExportTarget target = ExportTarget::Heatmap;
  QString file;
  ExportSize size;
};

class ExportDialog : public QDialog {
  Q_OBJECT

 public:
  explicit ExportDialog(QWidget* parent = nullptr);

  void setTarget(ExportTarget target);
  void setAvailable(ExportTarget target, bool available);
  void setExportSize(const ExportSize& size);

  ExportTarget target() const;
  ExportFormat format() const;
  ExportSize exportSize() const;

  // Runs the dialog and then a file chooser in `folder`; nullopt if the user cancels either.
  // `title_for` names the default file after what is exported.
  static std::optional<ExportChoice> ask(ExportDialog& dialog, const QString& folder,
                                         const std::function<QString(ExportTarget)>& title_for);

 private:
  void syncEnabled();

  QComboBox* target_ = nullptr;
  QComboBox* format_ = nullptr;
  QSpinBox* width_ = nullptr;
  QSpinBox* height_ = nullptr;
  QSpinBox* dpi_ = nullptr;
  QLabel* result_ = nullptr;
};

// "Layer 1 · head 2 · attention probabilities" -> "attention-layer-1-head-2-attention-probabilities"
QString file_name_for(const QString& title);

}  // namespace as::ui
