#include "ui/head_lines_painter.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <map>

#include "ui/colour_scale.h"
#include "ui/qt_colours.h"

namespace as::ui {
namespace {

constexpr int kAlphaLevels = 32;  // lines are batched by head and opacity: one pen per batch
constexpr double kLineWidth = 1.5;
constexpr double kLabelPad = 6.0;

int alpha_level(float weight) {
  return std::clamp(static_cast<int>(std::lround(weight * (kAlphaLevels - 1))), 1, kAlphaLevels - 1);
}

}  // namespace

QColor head_qcolour(int head) { return to_qcolor(head_colour(head)); }

std::optional<TokenFocus> HeadLinesLayout::tokenAt(QPointF point, int tokens) const {
  if (row <= 0.0 || point.y() < left.top()) return std::nullopt;
  const int token = static_cast<int>((point.y() - left.top()) / row);
  if (token < 0 || token >= tokens) return std::nullopt;
  if (point.x() >= left.left() && point.x() <= left.right()) return TokenFocus{LineSide::Query, token};
  if (point.x() >= right.left() && point.x() <= right.right()) return TokenFocus{LineSide::Key, token};
  return std::nullopt;
}

int head_lines_min_height(int tokens, const QFontMetrics& metrics) { return tokens * (metrics.height() + 2); }

HeadLinesLayout head_lines_layout(QRectF area, const QStringList& labels, const QFontMetrics& metrics,
                                  double max_gap) {
  double widest = 0.0;
  for (const QString& label : labels) widest = std::max<double>(widest, metrics.horizontalAdvance(label));
  const double column = std::min(widest + 2 * kLabelPad, area.width() / 4.0);
  const double gap = std::min(area.width() - 2 * column, max_gap);
  const double left = area.left() + (area.width() - 2 * column - gap) / 2;
  HeadLinesLayout layout;
  layout.left = QRectF(left, area.top(), column, area.height());
  layout.right = QRectF(left + column + gap, area.top(), column, area.height());
  const auto tokens = static_cast<double>(std::max<qsizetype>(1, labels.size()));
  layout.row = area.height() / tokens;
  layout.label_step = std::max(1, static_cast<int>(std::ceil((metrics.height() + 1) / std::max(0.01, layout.row))));
  return layout;
}

void paint_head_lines(QPainter& painter, const HeadLinesLayout& layout, const std::vector<HeadLine>& lines) {
  std::map<std::pair<int, int>, QVector<QLineF>> batches;  // (opacity level, head) -> lines
  const double x_from = layout.left.right();
  const double x_to = layout.right.left();
  for (const HeadLine& line : lines) {
    batches[{alpha_level(line.weight), line.head}].append(
        QLineF(x_from, layout.y(line.from), x_to, layout.y(line.to)));
  }
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  for (const auto& [key, segments] : batches) {
    QColor colour = head_qcolour(key.second);
    colour.setAlphaF(static_cast<float>(key.first) / (kAlphaLevels - 1));
    painter.setPen(QPen(colour, kLineWidth, Qt::SolidLine, Qt::RoundCap));
    painter.drawLines(segments);
  }
  painter.restore();
}

void paint_token_columns(QPainter& painter, const HeadLinesLayout& layout, const QStringList& labels,
                         std::optional<TokenFocus> focus, QColor text) {
  painter.save();
  const double pad = kLabelPad;
  for (int i = 0; i < labels.size(); ++i) {
    const bool focused_left = focus && focus->side == LineSide::Query && focus->token == i;
    const bool focused_right = focus && focus->side == LineSide::Key && focus->token == i;
    if (i % layout.label_step != 0 && !focused_left && !focused_right) continue;
    const double top = layout.y(i) - layout.row / 2;
    const QRectF left(layout.left.left(), top, layout.left.width() - pad, layout.row);
    const QRectF right(layout.right.left() + pad, top, layout.right.width() - pad, layout.row);
    for (const auto& [rect, focused, align] :
         {std::tuple{left, focused_left, Qt::AlignRight}, std::tuple{right, focused_right, Qt::AlignLeft}}) {
      if (focused) painter.fillRect(rect.adjusted(-2, 0, 2, 0), QColor(255, 214, 170));
      QFont font = painter.font();
      font.setBold(focused);
      painter.setFont(font);
      painter.setPen(text);
      painter.drawText(rect, static_cast<int>(align) | Qt::AlignVCenter, labels[i]);
    }
  }
  painter.restore();
}

}  // namespace as::ui
