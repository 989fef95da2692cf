#pragma once
// Editing a sentence around the model's mask token: putting it in at the cursor or over the
// selected word, and putting a predicted word in its place.
#include <QString>

namespace as::ui {

struct MaskEdit {
  QString text;
  int cursor = 0;  // just after the inserted mask token
};

// `text` with `mask` replacing [selection_start, selection_start + selection_length), or, when
// nothing is selected, the word around `cursor` when the cursor is inside one, else inserted at
// `cursor`. Spaces are added so the mask does not glue onto a neighbouring word.
MaskEdit insert_mask(const QString& text, int cursor, int selection_start, int selection_length, const QString& mask);

// `text` with its `index`-th (0-based) occurrence of `mask` replaced by the predicted `token`
// (as the tokenizer decodes it alone). A WordPiece continuation "##ing" joins the previous word;
// the leading space a byte-level token carries is dropped (the text already has one). Returns
// `text` unchanged when there is no such occurrence.
QString fill_mask_in(const QString& text, const QString& mask, int index, const QString& token);

}  // namespace as::ui
