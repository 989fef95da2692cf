#include "ui/text_spans.h"

namespace as::ui {

std::optional<std::pair<int, int>> utf16_range(const QString& text, int64_t start, int64_t end) {
  if (start < 0 || end <= start) return std::nullopt;
  int64_t code_point = 0;
  int begin = -1;
  for (int i = 0; i <= text.size(); ++code_point) {
    if (code_point == start) begin = i;
    if (code_point == end) return std::make_pair(begin, i);
    if (i == text.size()) break;
    // A high surrogate followed by a low one is a single code point.
    i += (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) ? 2 : 1;
  }
  return std::nullopt;
}

}  // namespace as::ui
