#include "ui/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>
#include <vector>

namespace as::ui {
namespace {

std::vector<std::unique_ptr<QTranslator>>& installed() {
  static std::vector<std::unique_ptr<QTranslator>> translators;
  return translators;
}

}  // namespace

QStringList ui_languages() { return {QStringLiteral("en"), QStringLiteral("ko")}; }

QString ui_language_name(const QString& code) {
  if (code == QLatin1String("ko")) return QStringLiteral("한국어");
  if (code == QLatin1String("en")) return QStringLiteral("English");
  return code;
}

QString resolve_ui_language(const QString& setting, const QLocale& system) {
  if (ui_languages().contains(setting)) return setting;
  const QString system_code = QLocale::languageToCode(system.language());
  return ui_languages().contains(system_code) ? system_code : QStringLiteral("en");
}

bool install_ui_language(const QString& code) {
  remove_ui_language();
  if (code == QLatin1String("en")) return true;
  auto ours = std::make_unique<QTranslator>();
  if (!ours->load(QStringLiteral(":/i18n/attentionscope_%1.qm").arg(code))) return false;
  QCoreApplication::installTranslator(ours.get());
  installed().push_back(std::move(ours));
  // Qt's own strings (standard buttons, file dialogs), when the system has them.
  auto qt = std::make_unique<QTranslator>();
  if (qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QCoreApplication::installTranslator(qt.get());
    installed().push_back(std::move(qt));
  }
  return true;
}

void remove_ui_language() {
  for (const auto& translator : installed()) QCoreApplication::removeTranslator(translator.get());
  installed().clear();
}

}  // namespace as::ui
