#pragma once
// Asks how to export the heatmap: format (PNG or SVG), size in pixels, then the file.
#include <QDialog>
#include <QSize>
#include <QString>

#include <optional>

class QComboBox;
class QSpinBox;

namespace as::ui {

struct ExportChoice {
  QString file;
  QSize size;
};

class ExportDialog : public QDialog {
  Q_OBJECT

 public:
  explicit ExportDialog(QWidget* parent = nullptr);

  QString format() const;  // "png" or "svg"
  QSize size() const;

  // Runs the dialog and then a file chooser; nullopt if the user cancels either.
  static std::optional<ExportChoice> ask(QWidget* parent, const QString& title);

 private:
  QComboBox* format_ = nullptr;
  QSpinBox* width_ = nullptr;
  QSpinBox* height_ = nullptr;
};

// "Layer 1 · head 2 · attention probabilities" -> "attention-layer-1-head-2-attention-probabilities"
QString file_name_for(const QString& title);

}  // namespace as::ui
