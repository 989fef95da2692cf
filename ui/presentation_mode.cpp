#include "ui/presentation_mode.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include "ui/app_settings.h"
#include "ui/main_window.h"
#include "ui/sentence_editor.h"

namespace as::ui {
namespace {

const QString kSentencesKey = QStringLiteral("presentation/sentences");

}  // namespace

std::pair<QString, QString> split_example(const QString& line) {
  const int bar = line.indexOf(QStringLiteral("||"));
  if (bar < 0) return {line.trimmed(), QString()};
  return {line.left(bar).trimmed(), line.mid(bar + 2).trimmed()};
}

PresentationMode::PresentationMode(MainWindow* window) : QObject(window), window_(window) {}

QStringList PresentationMode::defaultSentences() {
  return {
      QStringLiteral("The animal didn't cross the street because it was too tired."),
      QStringLiteral("The capital of France is [MASK]."),
      QStringLiteral("The man went to the store. || He bought a gallon of milk."),
      QStringLiteral("I love you."),
      QStringLiteral("나는 학교에 간다."),
  };
}

QStringList PresentationMode::sentences() const {
  const QStringList saved = QSettings().value(kSentencesKey).toStringList();
  return saved.isEmpty() ? defaultSentences() : saved;
}

void PresentationMode::setSentences(const QStringList& sentences) {
  QStringList kept;
  for (const QString& line : sentences)
    if (!line.trimmed().isEmpty()) kept << line.trimmed();
  QSettings().setValue(kSentencesKey, kept);
}

void PresentationMode::enter() {
  if (active_) return;
  active_ = true;
  saved_ = Saved{window_->windowState(), window_->fontDelta(), window_->colourMap(), {}};
  for (QWidget* panel : window_->findChildren<QDockWidget*>())
    if (panel->isVisible()) saved_.hidden << panel;
  for (QWidget* bar : window_->findChildren<QToolBar*>())
    if (bar->isVisible()) saved_.hidden << bar;
  for (QWidget* widget : saved_.hidden) widget->hide();
  window_->setFontDelta(saved_.font_delta + kExtraPoints);
  window_->setColourMap(ColourMap::Magma);
  // The projector's sizes are for this session only: the settings keep the desk's.
  AppSettings settings;
  settings.setFontDelta(saved_.font_delta);
  settings.setColourMap(saved_.colours);
  window_->showFullScreen();
  qApp->installEventFilter(this);
  window_->statusBar()->showMessage(tr("Presentation: → or Page Down for the next example, ← or Page Up for the "
                                       "previous one, Esc to leave"),
                                    6000);
  showSentence(index_ < 0 ? 0 : index_);
  emit activeChanged(true);
}

void PresentationMode::leave() {
  if (!active_) return;
  active_ = false;
  qApp->removeEventFilter(this);
  window_->setFontDelta(saved_.font_delta);
  window_->setColourMap(saved_.colours);
  window_->setWindowState(saved_.states);
  window_->show();
  for (QWidget* widget : saved_.hidden) widget->show();
  saved_.hidden.clear();
  emit activeChanged(false);
}

void PresentationMode::showSentence(int index) {
  const QStringList list = sentences();
  if (list.isEmpty()) return;
  index_ = ((index % list.size()) + list.size()) % list.size();
  const auto [a, b] = split_example(list[index_]);
  window_->sentenceEditor()->setTexts(a, b);
  window_->statusBar()->showMessage(tr("Example %1 of %2").arg(index_ + 1).arg(list.size()), 4000);
}

bool PresentationMode::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() != QEvent::KeyPress || !active_) return QObject::eventFilter(watched, event);
  switch (static_cast<QKeyEvent*>(event)->key()) {
    case Qt::Key_Right:
    case Qt::Key_PageDown:
      next();
      return true;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
      previous();
      return true;
    case Qt::Key_Escape:
      leave();
      return true;
    default:
      return QObject::eventFilter(watched, event);
  }
}

void PresentationMode::editSentences() {
  QDialog dialog(window_);
  dialog.setWindowTitle(tr("Presentation examples"));
  auto* layout = new QVBoxLayout(&dialog);
  auto* help = new QLabel(tr("One example per line, in the order they are shown. Write \"A || B\" for a BERT "
                             "sentence pair. An empty list brings back the built-in examples."),
                          &dialog);
  help->setWordWrap(true);
  auto* edit = new QPlainTextEdit(sentences().join(QLatin1Char('\n')), &dialog);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  layout->addWidget(help);
  layout->addWidget(edit, 1);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  dialog.resize(640, 360);
  if (dialog.exec() == QDialog::Accepted) setSentences(edit->toPlainText().split(QLatin1Char('\n')));
}

}  // namespace as::ui
