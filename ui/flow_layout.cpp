#include "ui/flow_layout.h"

#include <QWidget>

#include <algorithm>

namespace as::ui {

FlowLayout::FlowLayout(QWidget* parent, int spacing) : QLayout(parent), item_spacing_(spacing) {
  setContentsMargins(4, 4, 4, 4);
}

FlowLayout::~FlowLayout() {
  while (QLayoutItem* item = takeAt(0)) delete item;
}

void FlowLayout::addItem(QLayoutItem* item) { items_.append(item); }
int FlowLayout::count() const { return static_cast<int>(items_.size()); }
QLayoutItem* FlowLayout::itemAt(int index) const { return items_.value(index); }

QLayoutItem* FlowLayout::takeAt(int index) {
  return index >= 0 && index < items_.size() ? items_.takeAt(index) : nullptr;
}

Qt::Orientations FlowLayout::expandingDirections() const { return {}; }
bool FlowLayout::hasHeightForWidth() const { return true; }
int FlowLayout::heightForWidth(int width) const { return arrange(QRect(0, 0, width, 0), false); }

QSize FlowLayout::minimumSize() const {
  QSize size;
  for (const QLayoutItem* item : items_) size = size.expandedTo(item->minimumSize());
  const QMargins m = contentsMargins();
  return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const { return minimumSize(); }

void FlowLayout::setGeometry(const QRect& rect) {
  QLayout::setGeometry(rect);
  arrange(rect, true);
}

// Items of one line share its height and are centred in it, so a label lines up with the spin
// box next to it.
int FlowLayout::arrange(const QRect& rect, bool apply) const {
  const QMargins m = contentsMargins();
  const QRect area = rect.marginsRemoved(m);
  int x = area.x();
  int y = area.y();
  int line_height = 0;
  QList<QLayoutItem*> line;
  const auto place_line = [&] {
    int left = area.x();
    for (QLayoutItem* item : line) {
      const QSize hint = item->sizeHint();
      item->setGeometry(QRect(QPoint(left, y + (line_height - hint.height()) / 2), hint));
      left += hint.width() + item_spacing_;
    }
    line.clear();
  };
  for (QLayoutItem* item : items_) {
    const QSize hint = item->sizeHint();
    if (x + hint.width() > area.right() + 1 && line_height > 0) {
      if (apply) place_line();
      x = area.x();
      y += line_height + item_spacing_;
      line_height = 0;
    }
    line.append(item);
    x += hint.width() + item_spacing_;
    line_height = std::max(line_height, hint.height());
  }
  if (apply) place_line();
  return y + line_height - rect.y() + m.bottom();
}

}  // namespace as::ui
