#pragma once
// The UI language: English in the sources, Korean from resources/translations (compiled into the
// program as :/i18n/attentionscope_<code>.qm). Chosen from the system locale unless the settings
// name one; applied at start (a change in the settings takes effect on the next start).
#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace as::ui {

// Codes of the languages the UI can show, English first.
QStringList ui_languages();
// The language's own name ("English", "한국어").
QString ui_language_name(const QString& code);
// What `setting` resolves to: itself when it is a known code, else the system's language when
// the UI has it, else "en".
QString resolve_ui_language(const QString& setting, const QLocale& system = QLocale::system());
// Installs the translators for `code` (ours and Qt's own dialogs'); replaces any installed before.
// Returns false when ours could not be loaded (the UI stays English).
bool install_ui_language(const QString& code);
// Back to the English sources.
void remove_ui_language();

}  // namespace as::ui
