#pragma once
// A small non-modal window with the explanation of one word's tokenization (word_explanation.h).
#include <QDialog>

#include "tokenizers/tokenizer.h"

namespace as::ui {

class ExplainPopup : public QDialog {
  Q_OBJECT

 public:
  ExplainPopup(QWidget* parent, const WordExplanation& explanation, bool byte_level);

  QString html() const { return html_; }
  // Opens a popup that deletes itself when closed.
  static ExplainPopup* popUp(QWidget* parent, const WordExplanation& explanation, bool byte_level);

 private:
  QString html_;
};

}  // namespace as::ui
