#include "ui/head_lines_view.h"

#include <QCheckBox>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/flow_layout.h"
#include "ui/head_lines_canvas.h"
#include "ui/head_lines_figure.h"
#include "ui/heatmap_view.h"

namespace as::ui {
namespace {

QIcon swatch(QColor colour) {
  QPixmap pixmap(14, 14);
  pixmap.fill(colour);
  return QIcon(pixmap);
}

}  // namespace

HeadLinesView::HeadLinesView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(buildControls());

  canvas_ = new HeadLinesCanvas(this);
  scroll_ = new QScrollArea(this);
  scroll_->setWidget(canvas_);
  scroll_->setWidgetResizable(true);  // fills the view; scrolls once the tokens need more height
  scroll_->setFrameShape(QFrame::NoFrame);
  layout->addWidget(scroll_, 1);
  explanation_ = tr("Left: the token attending (query); right: the token it attends to (key). Line "
                    "opacity is the attention weight, one colour per head. Point at a token to see only "
                    "its lines.");
  caption_ = new QLabel(explanation_, this);
  caption_->setWordWrap(true);
  caption_->setStyleSheet(QStringLiteral("color: #505050;"));
  layout->addWidget(caption_);

  connect(canvas_, &HeadLinesCanvas::tokenHovered, this, &HeadLinesView::tokenHovered);
  clear();
}

// Layer, all / none, then one checkbox per head (added by rebuildHeadBoxes); wraps when narrow.
QWidget* HeadLinesView::buildControls() {
  auto* bar = new QWidget(this);
  controls_ = new FlowLayout(bar, 6);
  controls_->setContentsMargins(0, 0, 0, 0);
  layer_ = new QSpinBox(bar);
  layer_->setToolTip(tr("Layer whose heads are drawn"));
  auto* all = new QPushButton(tr("All heads"), bar);
  auto* none = new QPushButton(tr("None"), bar);
  controls_->addWidget(new QLabel(tr("Layer"), bar));
  controls_->addWidget(layer_);
  controls_->addWidget(all);
  controls_->addWidget(none);
  connect(layer_, &QSpinBox::valueChanged, this, &HeadLinesView::refresh);
  connect(all, &QPushButton::clicked, this, [this] { setHeads(allHeads()); });
  connect(none, &QPushButton::clicked, this, [this] { setHeads({}); });
  return bar;
}

std::vector<int> HeadLinesView::allHeads() const {
  std::vector<int> heads(static_cast<size_t>(head_boxes_.size()));
  for (size_t h = 0; h < heads.size(); ++h) heads[h] = static_cast<int>(h);
  return heads;
}

HeadLinesView::~HeadLinesView() = default;

void HeadLinesView::setResult(const RunResultPtr& result) {
  result_ = result;
  const int layers = static_cast<int>(result->layer_count());
  layer_->setRange(0, std::max(0, layers - 1));
  rebuildHeadBoxes(static_cast<int>(result->head_count()));
  refresh();
}

void HeadLinesView::clear() {
  result_.reset();
  rebuildHeadBoxes(0);
  refresh();
}

void HeadLinesView::setLayer(int layer) { layer_->setValue(layer); }

void HeadLinesView::setHeads(const std::vector<int>& heads) {
  for (int h = 0; h < head_boxes_.size(); ++h) {
    const QSignalBlocker quiet(head_boxes_[h]);  // one refresh for the whole set
    head_boxes_[h]->setChecked(std::find(heads.begin(), heads.end(), h) != heads.end());
  }
  refresh();
}

void HeadLinesView::setHoveredToken(int index) {
  // The window echoes the canvas's own hover back: keep the side the user points at.
  if (canvas_->focusToken() && canvas_->focusToken()->token == index) return;
  canvas_->setFocusToken(index >= 0 ? std::optional<TokenFocus>(TokenFocus{LineSide::Query, index}) : std::nullopt);
}

int HeadLinesView::layer() const { return layer_->value(); }

std::vector<int> HeadLinesView::selectedHeads() const {
  std::vector<int> heads;
  for (int h = 0; h < head_boxes_.size(); ++h) {
    if (head_boxes_[h]->isChecked()) heads.push_back(h);
  }
  return heads;
}

// Keeps the user's choice of heads when the model (and so the head count) stays the same.
void HeadLinesView::rebuildHeadBoxes(int heads) {
  if (heads == head_boxes_.size()) return;
  qDeleteAll(head_boxes_);
  head_boxes_.clear();
  for (int h = 0; h < heads; ++h) {
    auto* box = new QCheckBox(QString::number(h), controls_->parentWidget());
    box->setIcon(swatch(head_qcolour(h)));
    box->setToolTip(tr("Show the lines of head %1").arg(h));
    box->setChecked(true);
    connect(box, &QCheckBox::toggled, this, &HeadLinesView::refresh);
    controls_->addWidget(box);
    head_boxes_.push_back(box);
  }
}

QStringList HeadLinesView::labels() const {
  QStringList labels;
  if (!result_) return labels;
  for (const TokenLabel& label : result_->labels) labels << QString::fromStdString(label.text());
  return labels;
}

bool HeadLinesView::canExport() const { return result_ && result_->keeps_layer(layer()); }

QString HeadLinesView::caption() const { return caption_->text(); }

void HeadLinesView::refresh() {
  if (!canExport()) {
    canvas_->setData({}, Tensor(), {});
    const bool pending = result_ && result_->layer_count() > 0;
    layer_->setEnabled(pending);
    caption_->setText(pending ? layer_pending_text(*result_, layer()) : explanation_);
    if (pending) emit layerNeeded(layer());
    return;
  }
  caption_->setText(explanation_);
  layer_->setEnabled(true);
  canvas_->setData(labels(), result_->forward.attentions[static_cast<size_t>(layer())], selectedHeads());
}

std::unique_ptr<Figure> HeadLinesView::figure() const {
  if (!canExport()) return nullptr;
  return std::make_unique<HeadLinesFigure>(labels(), result_->forward.attentions[static_cast<size_t>(layer())],
                                           layer(), selectedHeads());
}

}  // namespace as::ui
