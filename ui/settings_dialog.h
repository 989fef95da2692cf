#pragma once
// Settings that apply at the next start: the UI language.
#include <QDialog>

class QComboBox;

namespace as::ui {

class SettingsDialog : public QDialog {
  Q_OBJECT

 public:
  explicit SettingsDialog(QWidget* parent = nullptr);

  QComboBox* languageChooser() const { return language_; }
  void accept() override;

 private:
  QComboBox* language_ = nullptr;
};

}  // namespace as::ui
