#include "ui/explain_popup.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "ui/word_explanation.h"

namespace as::ui {

ExplainPopup::ExplainPopup(QWidget* parent, const WordExplanation& explanation, bool byte_level)
    : QDialog(parent), html_(QString::fromStdString(explanation_html(explanation, byte_level))) {
  setWindowTitle(byte_level ? tr("BPE merges") : tr("WordPiece matching"));
  setObjectName(QStringLiteral("explainPopup"));
  auto* layout = new QVBoxLayout(this);
  auto* text = new QLabel(html_, this);
  text->setTextFormat(Qt::RichText);
  text->setWordWrap(true);
  text->setTextInteractionFlags(Qt::TextSelectableByMouse);
  text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  text->setMargin(6);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(text);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  layout->addWidget(scroll, 1);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
  layout->addWidget(buttons);
  resize(460, std::min(560, text->heightForWidth(440) + 70));
}

ExplainPopup* ExplainPopup::popUp(QWidget* parent, const WordExplanation& explanation, bool byte_level) {
  auto* popup = new ExplainPopup(parent, explanation, byte_level);
  popup->setAttribute(Qt::WA_DeleteOnClose);
  popup->show();
  return popup;
}

}  // namespace as::ui
