#include "ui/sentence_editor.h"

#include <QAction>
#include <QCoreApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTextCharFormat>
#include <QToolButton>

#include <algorithm>

#include "ui/mask_text.h"
#include "ui/text_spans.h"

namespace as::ui {

SentenceEditor::SentenceEditor(QWidget* parent) : QWidget(parent) {
  auto* layout = new QGridLayout(this);
  layout->setContentsMargins(8, 8, 8, 4);

  text_a_ = new QLineEdit(this);
  text_a_->setPlaceholderText(tr("Type a sentence — the model re-runs as you type"));
  text_a_->setClearButtonEnabled(true);
  text_a_->setMaxLength(kMaxChars);
  label_b_ = new QLabel(tr("Second sentence:"), this);
  text_b_ = new QLineEdit(this);
  text_b_->setPlaceholderText(tr("Optional: a second sentence, encoded as a BERT pair [CLS] A [SEP] B [SEP]"));
  text_b_->setClearButtonEnabled(true);
  text_b_->setMaxLength(kMaxChars);
  stats_ = new QLabel(this);
  stats_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  running_ = new QLabel(tr("running…"), this);
  running_->setStyleSheet(QStringLiteral("color: #606060; font-style: italic;"));
  warning_ = new QLabel(this);
  warning_->setObjectName(QStringLiteral("inputWarning"));
  warning_->setStyleSheet(QStringLiteral("#inputWarning { color: #a04000; font-weight: bold; }"));
  warning_->setWordWrap(true);

  mask_action_ = new QAction(tr("Mask word"), this);
  mask_action_->setObjectName(QStringLiteral("maskWordAction"));
  mask_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
  mask_action_->setShortcutContext(Qt::WindowShortcut);
  connect(mask_action_, &QAction::triggered, this, &SentenceEditor::insertMask);
  mask_button_ = new QToolButton(this);
  mask_button_->setDefaultAction(mask_action_);

  layout->addWidget(new QLabel(tr("Sentence:"), this), 0, 0);
  layout->addWidget(text_a_, 0, 1);
  layout->addWidget(mask_button_, 0, 2);
  layout->addWidget(label_b_, 1, 0);
  layout->addWidget(text_b_, 1, 1);
  auto* status = new QHBoxLayout;
  status->addWidget(stats_);
  status->addWidget(running_);
  status->addStretch(1);
  layout->addLayout(status, 2, 1);
  layout->addWidget(warning_, 3, 1, 1, 2);
  layout->setColumnStretch(1, 1);

  debounce_.setSingleShot(true);
  debounce_.setInterval(kDebounceMillis);
  connect(&debounce_, &QTimer::timeout, this, &SentenceEditor::emitInput);
  connect(text_a_, &QLineEdit::textChanged, &debounce_, qOverload<>(&QTimer::start));
  connect(text_b_, &QLineEdit::textChanged, &debounce_, qOverload<>(&QTimer::start));
  // A paste that hit the limit is cut silently by QLineEdit: say so at once.
  connect(text_a_, &QLineEdit::textChanged, this, &SentenceEditor::showWarnings);
  connect(text_b_, &QLineEdit::textChanged, this, &SentenceEditor::showWarnings);
  // A highlighted span belongs to the text it was computed from: edits invalidate it.
  connect(text_a_, &QLineEdit::textEdited, this, &SentenceEditor::clearHighlight);
  connect(text_b_, &QLineEdit::textEdited, this, &SentenceEditor::clearHighlight);
  // Enter runs at once: no reason to wait for the timer when the user says they are done.
  connect(text_a_, &QLineEdit::returnPressed, this, &SentenceEditor::emitInput);
  connect(text_b_, &QLineEdit::returnPressed, this, &SentenceEditor::emitInput);

  setEnabled(false);
  label_b_->hide();
  text_b_->hide();
  mask_button_->hide();
  mask_action_->setEnabled(false);
  warning_->hide();
  running_->hide();
}

void SentenceEditor::setModel(const ModelSummary& summary) {
  setEnabled(true);
  pairs_ = summary.takes_sentence_pairs();
  label_b_->setVisible(pairs_);
  text_b_->setVisible(pairs_);
  mask_token_ = summary.fills_masks() ? QString::fromStdString(summary.mask_token) : QString();
  mask_button_->setVisible(!mask_token_.isEmpty());
  mask_action_->setEnabled(!mask_token_.isEmpty());
  mask_action_->setText(tr("Mask word %1").arg(mask_token_));
  mask_action_->setToolTip(tr("Put %1 over the selected word or at the cursor (Ctrl+M); the fill-mask panel "
                              "predicts what belongs there").arg(mask_token_));
  text_a_->setFocus();
}

void SentenceEditor::insertMask() {
  if (mask_token_.isEmpty() || !isEnabled()) return;
  const MaskEdit edit = insert_mask(text_a_->text(), text_a_->cursorPosition(), text_a_->selectionStart(),
                                    text_a_->selectedText().size(), mask_token_);
  text_a_->setText(edit.text);
  text_a_->setCursorPosition(edit.cursor);
  text_a_->setFocus();
  emitInput();
}

void SentenceEditor::setTexts(const QString& text_a, const QString& text_b) {
  text_a_->setText(text_a);
  text_b_->setText(text_b);
  emitInput();
}

QString SentenceEditor::textA() const { return text_a_->text(); }

QString SentenceEditor::textB() const { return pairs_ ? text_b_->text() : QString(); }

void SentenceEditor::emitInput() {
  debounce_.stop();
  if (!isEnabled()) return;
  emit inputChanged(textA(), textB());
}

void SentenceEditor::showRunning() { running_->show(); }

void SentenceEditor::showResult(const RunResult& result) {
  running_->hide();
  const auto max_tokens = result.model ? result.model->info.max_positions : 0;
  stats_->setText(tr("%1 tokens (model max %2) · tokenize %3 ms · forward %4 ms · total %5 ms")
                      .arg(result.token_count())
                      .arg(max_tokens)
                      .arg(result.tokenize_millis, 0, 'f', 1)
                      .arg(result.forward.millis, 0, 'f', 1)
                      .arg(result.total_millis, 0, 'f', 1));
  QStringList warnings;
  if (result.encoding.dropped_tokens > 0) {
    warnings << tr("⚠ Input truncated: %1 tokens beyond the model's %2 were dropped.")
                    .arg(result.encoding.dropped_tokens)
                    .arg(max_tokens);
    if (!result.request.text_b.empty()) {
      // HF's longest_first: one token at a time from whichever sentence is longer at that moment.
      const auto from_b = result.encoding.dropped_from_second;
      warnings.last() += tr(" As in transformers (longest_first), tokens were cut one at a time from the end of the "
                            "longer sentence: %1 from the first, %2 from the second.")
                             .arg(result.encoding.dropped_tokens - from_b)
                             .arg(from_b);
    }
  }
  for (const auto& warning : result.encoding.warnings) {
    const QString text = QString::fromStdString(warning);
    // The truncation warning is already phrased above with the numbers the user needs.
    if (result.encoding.dropped_tokens > 0 && text.contains(QLatin1String("truncat"), Qt::CaseInsensitive)) continue;
    warnings << QStringLiteral("⚠ ") + text;
  }
  result_warnings_ = warnings;
  showWarnings();
}

void SentenceEditor::showWarnings() {
  QStringList warnings;
  const bool at_limit = text_a_->text().size() >= kMaxChars || (pairs_ && text_b_->text().size() >= kMaxChars);
  if (at_limit)
    warnings << tr("⚠ The sentence box holds at most %1 characters; the rest of the pasted text was left out.")
                    .arg(kMaxChars);
  warnings << result_warnings_;
  warning_->setText(warnings.join(QLatin1Char('\n')));
  warning_->setVisible(!warnings.isEmpty());
  fitWarningHeight();
}

// The window's layouts size this editor by its size hint, in which a word-wrapped label that grew
// from one line to several keeps its old height and the extra lines are clipped (seen in
// screenshots). Pinning the height the text needs at the label's width avoids that.
void SentenceEditor::fitWarningHeight() {
  const int width = warning_->width() > 50 ? warning_->width() : std::max(200, this->width() - 100);
  warning_->setMinimumHeight(warning_->isVisible() ? warning_->heightForWidth(width) : 0);
  layout()->invalidate();
  updateGeometry();  // this editor's size hint changed with it: let the window's layout know
}

void SentenceEditor::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  fitWarningHeight();
}

void SentenceEditor::showError(const QString& message) {
  running_->hide();
  result_warnings_ = {tr("⚠ The model could not run on this input: %1").arg(message)};
  showWarnings();
}

void SentenceEditor::highlightSpan(bool second, const QString& text, int64_t start, int64_t end) {
  QLineEdit* field = second ? text_b_ : text_a_;
  QLineEdit* other = second ? text_a_ : text_b_;
  setFieldHighlight(other, -1, -1);
  const auto range = field->text() == text ? utf16_range(text, start, end) : std::nullopt;
  setFieldHighlight(field, range ? range->first : -1, range ? range->second : -1);
}

void SentenceEditor::clearHighlight() {
  setFieldHighlight(text_a_, -1, -1);
  setFieldHighlight(text_b_, -1, -1);
}

std::pair<int, int> SentenceEditor::highlighted(bool second) const { return second ? highlight_b_ : highlight_a_; }

// QLineEdit has no API for formatting part of its text, but it draws the text formats an input
// method sends with its pre-edit text; an event with no pre-edit and no commit changes nothing
// but those formats. Positions in it are relative to the cursor.
void SentenceEditor::setFieldHighlight(QLineEdit* field, int begin, int end) {
  auto& current = field == text_a_ ? highlight_a_ : highlight_b_;
  if (current == std::make_pair(begin, end)) return;
  current = {begin, end};
  QList<QInputMethodEvent::Attribute> attributes;
  if (begin >= 0 && end > begin) {
    QTextCharFormat format;
    format.setBackground(QColor(255, 214, 170));
    format.setForeground(QColor(20, 20, 20));
    attributes << QInputMethodEvent::Attribute(QInputMethodEvent::TextFormat, begin - field->cursorPosition(),
                                               end - begin, format);
  }
  QInputMethodEvent event(QString(), attributes);
  QCoreApplication::sendEvent(field, &event);
}

}  // namespace as::ui
