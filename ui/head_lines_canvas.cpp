#include "ui/head_lines_canvas.h"

#include <QMouseEvent>
#include <QPainter>

namespace as::ui {
namespace {

constexpr int kMargin = 8;

}  // namespace

HeadLinesCanvas::HeadLinesCanvas(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void HeadLinesCanvas::setData(const QStringList& labels, Tensor probabilities, std::vector<int> heads) {
  labels_ = labels;
  probabilities_ = std::move(probabilities);
  heads_ = std::move(heads);
  lines_ = probabilities_.rank() == 3 ? head_lines(probabilities_, heads_) : std::vector<HeadLine>{};
  if (focus_ && focus_->token >= labels_.size()) focus_.reset();
  updateGeometry();
  update();
}

void HeadLinesCanvas::setFocusToken(std::optional<TokenFocus> focus) {
  if (focus && (focus->token < 0 || focus->token >= labels_.size())) focus.reset();
  if (focus == focus_) return;
  focus_ = focus;
  update();
}

std::vector<HeadLine> HeadLinesCanvas::shownLines() const {
  if (!focus_ || probabilities_.rank() != 3) return lines_;
  return lines_of_token(probabilities_, heads_, focus_->token, focus_->side);
}

HeadLinesLayout HeadLinesCanvas::currentLayout() const {
  return head_lines_layout(QRectF(rect().adjusted(kMargin, kMargin, -kMargin, -kMargin)), labels_, fontMetrics());
}

QSize HeadLinesCanvas::sizeHint() const { return {500, std::max(300, minimumSizeHint().height())}; }

QSize HeadLinesCanvas::minimumSizeHint() const {
  return {300, head_lines_min_height(static_cast<int>(labels_.size()), fontMetrics()) + 2 * kMargin};
}

void HeadLinesCanvas::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().base());
  if (labels_.isEmpty()) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                     tr("The lines between the tokens appear here once the model has run on a sentence."));
    return;
  }
  const HeadLinesLayout layout = currentLayout();
  paint_head_lines(painter, layout, shownLines());
  paint_token_columns(painter, layout, labels_, focus_, palette().color(QPalette::Text));
}

void HeadLinesCanvas::mouseMoveEvent(QMouseEvent* event) {
  hover(currentLayout().tokenAt(event->position(), static_cast<int>(labels_.size())));
}

void HeadLinesCanvas::leaveEvent(QEvent*) { hover(std::nullopt); }

void HeadLinesCanvas::hover(std::optional<TokenFocus> focus) {
  if (focus == focus_) return;
  focus_ = focus;
  update();
  emit tokenHovered(focus ? focus->token : -1);
}

}  // namespace as::ui
