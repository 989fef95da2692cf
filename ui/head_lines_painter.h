#pragma once
// Draws the head view: the tokens in two columns (left: attending, right: attended to) and the
// lines between them, coloured by head with the weight as opacity. Shared by the widget and the
// exported figure.
#include <QColor>
#include <QFontMetrics>
#include <QRectF>
#include <QStringList>

#include <optional>
#include <vector>

#include "ui/head_lines.h"

class QPainter;

namespace as::ui {

struct TokenFocus {
  LineSide side = LineSide::Query;
  int token = -1;
  bool operator==(const TokenFocus&) const = default;
};

struct HeadLinesLayout {
  QRectF left;   // label column of the queries, right-aligned
  QRectF right;  // label column of the keys, left-aligned
  double row = 0.0;  // row height
  int label_step = 1;  // label every n-th token when rows are lower than the text

  double y(int token) const { return left.top() + (token + 0.5) * row; }
  std::optional<TokenFocus> tokenAt(QPointF point, int tokens) const;
};

// The label columns as wide as the longest label (at most a quarter of the width each), the
// rows spread over the height, the pair centred with at most `max_gap` between the columns:
// lines much longer than they are steep are hard to follow.
HeadLinesLayout head_lines_layout(QRectF area, const QStringList& labels, const QFontMetrics& metrics,
                                  double max_gap = 420.0);
// The height `tokens` rows need to keep every label readable.
int head_lines_min_height(int tokens, const QFontMetrics& metrics);

void paint_head_lines(QPainter& painter, const HeadLinesLayout& layout, const std::vector<HeadLine>& lines);
void paint_token_columns(QPainter& painter, const HeadLinesLayout& layout, const QStringList& labels,
                         std::optional<TokenFocus> focus, QColor text);

QColor head_qcolour(int head);

}  // namespace as::ui
