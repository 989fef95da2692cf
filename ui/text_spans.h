#pragma once
// Token spans are in Unicode code points of the original text; QString positions are UTF-16
// code units, where a character outside the Basic Multilingual Plane (most emoji, rare CJK) takes
// two. These convert one to the other.
#include <QString>

#include <cstdint>
#include <optional>
#include <utility>

namespace as::ui {

// UTF-16 [begin, end) of code points [start, end) in `text`; nullopt when the span is empty or
// reaches past the text.
std::optional<std::pair<int, int>> utf16_range(const QString& text, int64_t start, int64_t end);

}  // namespace as::ui
