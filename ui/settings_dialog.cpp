#include "ui/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/app_settings.h"
#include "ui/language.h"

namespace as::ui {

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Settings"));
  language_ = new QComboBox(this);
  const QString system = resolve_ui_language(QString());
  language_->addItem(tr("System default (%1)").arg(ui_language_name(system)), QString());
  for (const QString& code : ui_languages()) language_->addItem(ui_language_name(code), code);
  language_->setCurrentIndex(std::max(0, language_->findData(AppSettings().language())));
  auto* note = new QLabel(tr("A new language takes effect when AttentionScope is started again."), this);
  note->setWordWrap(true);
  note->setStyleSheet(QStringLiteral("color: #505050;"));
  auto* form = new QFormLayout;
  form->addRow(tr("Language:"), language_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(note);
  layout->addWidget(buttons);
}

void SettingsDialog::accept() {
  AppSettings().setLanguage(language_->currentData().toString());
  QDialog::accept();
}

}  // namespace as::ui
