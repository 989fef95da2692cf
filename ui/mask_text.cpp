#include "ui/mask_text.h"

#include <algorithm>

namespace as::ui {
namespace {

bool is_word_char(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); }

}  // namespace

MaskEdit insert_mask(const QString& text, int cursor, int selection_start, int selection_length, const QString& mask) {
  int begin = cursor;
  int end = cursor;
  if (selection_length > 0) {
    begin = selection_start;
    end = selection_start + selection_length;
  } else if (cursor > 0 && cursor < text.size() && is_word_char(text[cursor - 1]) && is_word_char(text[cursor])) {
    // Inside a word: the word is what the learner wants hidden.
    while (begin > 0 && is_word_char(text[begin - 1])) --begin;
    while (end < text.size() && is_word_char(text[end])) ++end;
  }
  begin = std::clamp(begin, 0, static_cast<int>(text.size()));
  end = std::clamp(end, begin, static_cast<int>(text.size()));
  const QString before = text.left(begin);
  const QString after = text.mid(end);
  const bool space_before = !before.isEmpty() && !before.back().isSpace();
  const bool space_after = !after.isEmpty() && is_word_char(after.front());
  const QString inserted = (space_before ? QStringLiteral(" ") : QString()) + mask;
  return {before + inserted + (space_after ? QStringLiteral(" ") : QString()) + after,
          static_cast<int>(before.size() + inserted.size())};
}

QString fill_mask_in(const QString& text, const QString& mask, int index, const QString& token) {
  if (mask.isEmpty() || index < 0) return text;
  int at = -1;
  for (int i = 0; i <= index; ++i) {
    at = text.indexOf(mask, at + 1);
    if (at < 0) return text;
  }
  QString before = text.left(at);
  const QString after = text.mid(at + mask.size());
  QString word = token.trimmed();
  if (word.startsWith(QLatin1String("##"))) {
    word = word.mid(2);
    while (!before.isEmpty() && before.back().isSpace()) before.chop(1);
  }
  return before + word + after;
}

}  // namespace as::ui
