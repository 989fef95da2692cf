#include "ui/tokens_view.h"

#include <QContextMenuEvent>
#include <QEvent>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/explain_popup.h"
#include "ui/flow_layout.h"

namespace as::ui {
namespace {

const char* kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::Special: return "special";
    case TokenKind::Continuation: return "continuation";
    case TokenKind::WordStart: break;
  }
  return "word";
}

QString chip_html(const TokenLabel& label) {
  QString html;
  if (!label.marker.empty()) {
    html += QStringLiteral("<span style=\"color:#c0501a; font-weight:bold\">%1</span>")
                .arg(QString::fromStdString(label.marker).toHtmlEscaped());
  }
  return html + QString::fromStdString(label.body).toHtmlEscaped();
}

QString chip_tooltip(const RunResult& result, size_t index) {
  const Token& token = result.encoding.tokens[index];
  const TokenLabel& label = result.labels[index];
  QString tip = QObject::tr("<b>id %1</b> · vocabulary string <code>%2</code>")
                    .arg(token.id)
                    .arg(QString::fromStdString(token.text).toHtmlEscaped());
  if (token.special) {
    tip += QObject::tr("<br>special token");
  } else {
    const bool pair = !result.request.text_b.empty();
    const int segment = index < result.encoding.token_type_ids.size() ? result.encoding.token_type_ids[index] : 0;
    const QString sentence = pair ? (segment == 1 ? QObject::tr(" of sentence B") : QObject::tr(" of sentence A")) : QString();
    tip += QObject::tr("<br>characters %1–%2%3 · word %4").arg(token.start).arg(token.end).arg(sentence).arg(token.word);
    if (token.continuation) tip += QObject::tr("<br>continues the previous token's word");
  }
  if (!label.bytes_hex.empty()) tip += QObject::tr("<br>bytes %1").arg(QString::fromStdString(label.bytes_hex));
  if (label.partial_character) {
    tip += QObject::tr("<br>holds only part of a character's UTF-8 bytes; “…” marks the side where the rest is");
  }
  if (result.explanation_of(index) != nullptr) tip += QObject::tr("<br><i>Double-click or right-click: how was this word split?</i>");
  return tip;
}

}  // namespace

TokensView::TokensView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 0, 8, 0);
  layout->setSpacing(2);
  header_ = new QLabel(this);
  header_->setTextFormat(Qt::RichText);
  header_->setWordWrap(true);  // a long legend must not set the window's minimum width
  layout->addWidget(header_);

  scroll_ = new QScrollArea(this);
  scroll_->setWidgetResizable(true);
  scroll_->setFrameShape(QFrame::StyledPanel);
  scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  chips_ = new QWidget(scroll_);
  chips_->setObjectName(QStringLiteral("tokenChips"));
  chips_->setStyleSheet(QStringLiteral(
      "QLabel { padding: 2px 5px; border-radius: 3px; border: 1px solid; }"
      "QLabel[kind=\"word\"] { background: #e3eefc; border-color: #9bbbe8; }"
      "QLabel[kind=\"continuation\"] { background: #fdebd3; border-color: #e2b274; }"
      "QLabel[kind=\"special\"] { background: #ececec; border-color: #9a9a9a; border-style: dashed;"
      " color: #505050; font-weight: bold; }"
      "QLabel[segment=\"b\"] { border: 2px solid #7a5cc4; }"
      "QLabel[partial=\"true\"] { border-style: dotted; border-width: 2px; }"
      // Last, so that it wins over the kinds: the token pointed at anywhere in the window.
      "QLabel[hovered=\"true\"] { background: #ffd6aa; border: 2px solid #ff5a14; }"));
  flow_ = new FlowLayout(chips_, 3);
  chips_->installEventFilter(this);  // re-fit the height when the chips re-wrap at a new width
  scroll_->setWidget(chips_);
  layout->addWidget(scroll_);
  clear();
}

void TokensView::clear() {
  while (QLayoutItem* item = flow_->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  chip_list_.clear();
  hovered_ = -1;
  result_.reset();
  header_->setText(tr("<b>Tokens</b>"));
}

int TokensView::chipCount() const { return flow_->count(); }

QLabel* TokensView::chip(int index) const { return chip_list_.value(index, nullptr); }

QLabel* TokensView::makeChip(const RunResult& result, size_t index) {
  const TokenLabel& label = result.labels[index];
  auto* chip = new QLabel(chip_html(label), chips_);
  chip->setTextFormat(Qt::RichText);
  chip->setProperty("kind", kind_name(label.kind));
  const bool segment_b = index < result.encoding.token_type_ids.size() && result.encoding.token_type_ids[index] == 1;
  if (segment_b) chip->setProperty("segment", "b");
  if (label.partial_character) chip->setProperty("partial", "true");
  chip->setToolTip(chip_tooltip(result, index));
  chip->setProperty("index", static_cast<int>(index));
  chip->installEventFilter(this);
  return chip;
}

void TokensView::setResult(const RunResultPtr& result_ptr) {
  setUpdatesEnabled(false);  // one repaint for the whole row of chips, not one per chip
  clear();
  result_ = result_ptr;
  const RunResult& result = *result_ptr;
  for (size_t i = 0; i < result.labels.size(); ++i) {
    chip_list_.push_back(makeChip(result, i));
    flow_->addWidget(chip_list_.back());
  }
  const auto max_tokens = result.model ? result.model->info.max_positions : 0;
  QString counts = tr("<b>Tokens</b>: %1 of the model's maximum %2").arg(result.token_count()).arg(max_tokens);
  if (result.encoding.dropped_tokens > 0) {
    counts += tr(" <span style=\"color:#a04000\">(%1 dropped by truncation)</span>").arg(result.encoding.dropped_tokens);
  }
  const bool byte_level = result.model && result.model->tokenizer_kind == "bpe";
  const QString piece = byte_level ? tr("piece inside a word") : tr("##continuation");
  const bool pair = !result.request.text_b.empty() && result.model && result.model->takes_sentence_pairs();
  const QString segment = pair ? tr(" · <span style=\"color:#7a5cc4; font-weight:bold\">purple outline</span> = sentence B")
                               : QString();
  const QString marker = byte_level ? tr(" · <span style=\"color:#c0501a; font-weight:bold\">Ġ</span> = leading space") : QString();
  counts += tr("&nbsp;&nbsp;&nbsp;<span style=\"background:#e3eefc\">&nbsp;word start&nbsp;</span> "
               "<span style=\"background:#fdebd3\">&nbsp;%1&nbsp;</span> "
               "<span style=\"background:#ececec\">&nbsp;special&nbsp;</span>%2%3 · hover a token for its id, "
               "double-click to see how it was split")
                .arg(piece, marker, segment);
  header_->setText(counts);
  fitHeightToChips();
  setUpdatesEnabled(true);
}

bool TokensView::eventFilter(QObject* watched, QEvent* event) {
  if (watched == chips_ && event->type() == QEvent::Resize) fitHeightToChips();
  const QVariant index = watched->property("index");
  if (index.isValid() && chipEvent(index.toInt(), event)) return true;
  return QWidget::eventFilter(watched, event);
}

bool TokensView::chipEvent(int index, QEvent* event) {
  switch (event->type()) {
    case QEvent::Enter:
      setHoveredToken(index);
      emit tokenHovered(index);
      return false;
    case QEvent::Leave:
      if (hovered_ == index) {
        setHoveredToken(-1);
        emit tokenHovered(-1);
      }
      return false;
    case QEvent::ContextMenu:
      showContextMenu(index, static_cast<QContextMenuEvent*>(event)->globalPos());
      return true;
    case QEvent::MouseButtonDblClick:  // the quick way to the same explanation
      explainToken(index);
      return true;
    default: return false;
  }
}

void TokensView::setHoveredToken(int index) {
  if (index == hovered_) return;
  for (int i : {hovered_, index}) {
    QLabel* label = chip(i);
    if (label == nullptr) continue;
    label->setProperty("hovered", i == index);
    label->style()->unpolish(label);  // a dynamic property only restyles after a re-polish
    label->style()->polish(label);
  }
  hovered_ = index;
  if (QLabel* label = chip(index)) scroll_->ensureWidgetVisible(label, 0, 4);
}

void TokensView::showContextMenu(int index, QPoint global) {
  if (!result_ || result_->explanation_of(static_cast<size_t>(index)) == nullptr) return;
  QMenu menu(this);
  const QString label = QString::fromStdString(result_->labels[static_cast<size_t>(index)].text());
  menu.addAction(tr("Explain how the word of “%1” was split…").arg(label), this, [this, index] { explainToken(index); });
  menu.exec(global);
}

QWidget* TokensView::explainToken(int index) {
  if (!result_) return nullptr;
  const WordExplanation* explanation = result_->explanation_of(static_cast<size_t>(index));
  if (explanation == nullptr) return nullptr;
  const bool byte_level = result_->model && result_->model->tokenizer_kind == "bpe";
  ExplainPopup* popup = ExplainPopup::popUp(this, *explanation, byte_level);
  if (QLabel* label = chip(index)) popup->move(label->mapToGlobal(QPoint(0, label->height() + 4)));  // under the chip
  return popup;
}

// As tall as the chips need, up to four lines; longer inputs scroll.
void TokensView::fitHeightToChips() {
  const int line = fontMetrics().height() + 10;
  const int needed = flow_->heightForWidth(chips_->width());
  const int frame = 2 * scroll_->frameWidth();
  scroll_->setFixedHeight(std::clamp(needed, line + 8, 4 * line + 8) + frame);
}

}  // namespace as::ui
