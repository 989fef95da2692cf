#include "ui/heatmap_view.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QComboBox>
#include <QLabel>
#include <QMouseEvent>
#include <QShortcut>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>
#include <stdexcept>

#include "ui/attention_export.h"
#include "ui/figure.h"
#include "ui/flow_layout.h"
#include "ui/heatmap_figure.h"
#include "ui/heatmap_plot.h"
#include "ui/heatmap_text.h"

namespace as::ui {
namespace {

std::vector<std::string> to_std(const QStringList& labels) {
  std::vector<std::string> out;
  out.reserve(static_cast<size_t>(labels.size()));
  for (const QString& label : labels) out.push_back(label.toStdString());
  return out;
}

QString cell_value_text(const HeatmapData& data, float value) {
  if (!std::isfinite(value)) {
    return QObject::tr("masked: this token cannot attend to that one (GPT-2 sees only earlier tokens)");
  }
  return QObject::tr("%1 %2").arg(display_value_name(data.value_name)).arg(static_cast<double>(value), 0, 'f', 6);
}

}  // namespace

HeatmapView::HeatmapView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  buildControls();
  layout->addWidget(controls_);

  stack_ = new QStackedWidget(this);
  empty_ = new QLabel(tr("Load a model and type a sentence to see where each token looks."), stack_);
  empty_->setAlignment(Qt::AlignCenter);
  empty_->setWordWrap(true);
  plot_ = new HeatmapPlot(stack_);
  plot_->setMouseTracking(true);
  stack_->addWidget(empty_);
  stack_->addWidget(plot_);
  layout->addWidget(stack_, 1);

  caption_ = new QLabel(this);
  caption_->setWordWrap(true);
  caption_->setStyleSheet(QStringLiteral("color: #505050;"));
  layout->addWidget(caption_);

  connect(plot_, &QCustomPlot::mouseMove, this, &HeatmapView::onMouseMove);
  plot_->installEventFilter(this);
  buildShortcuts();
  clear();
}

void HeatmapView::buildControls() {
  controls_ = new QWidget(this);
  // Wraps onto a second line when the view is narrow (large text on a projector).
  auto* row = new FlowLayout(controls_, 6);
  row->setContentsMargins(0, 0, 0, 0);

  layer_ = new QSpinBox(controls_);
  layer_->setToolTip(tr("Layer, 0 = first (Alt+Up / Alt+Down)"));
  head_ = new QSpinBox(controls_);
  head_->setToolTip(tr("Head within the layer (Alt+Left / Alt+Right)"));
  mode_ = new QComboBox(controls_);
  mode_->addItem(tr("One head"), static_cast<int>(HeatmapMode::SingleHead));
  mode_->addItem(tr("Mean of heads"), static_cast<int>(HeatmapMode::MeanOfHeads));
  mode_->addItem(tr("Max of heads"), static_cast<int>(HeatmapMode::MaxOfHeads));
  mode_->addItem(tr("Rollout (layers 0…L)"), static_cast<int>(HeatmapMode::Rollout));
  mode_->setToolTip(tr("Alt+1 one head · Alt+2 mean · Alt+3 max · Alt+4 attention rollout through the layer"));
  values_ = new QComboBox(controls_);
  values_->addItem(tr("Probabilities"), static_cast<int>(ValueKind::Probabilities));
  values_->addItem(tr("Pre-softmax scores"), static_cast<int>(ValueKind::Scores));
  values_->setToolTip(tr("Softmax probabilities, or the scaled q·k scores before softmax (Alt+S)"));
  fixed_range_ = new QCheckBox(tr("Fixed 0–1 scale"), controls_);
  fixed_range_->setToolTip(tr("Colour scale from 0 to 1 instead of the shown values' range (Alt+U)"));

  row->addWidget(new QLabel(tr("Layer"), controls_));
  row->addWidget(layer_);
  row->addWidget(new QLabel(tr("Head"), controls_));
  row->addWidget(head_);
  row->addWidget(mode_);
  row->addWidget(values_);
  row->addWidget(fixed_range_);

  const auto changed = [this] { readControls(); };
  connect(layer_, &QSpinBox::valueChanged, this, changed);
  connect(head_, &QSpinBox::valueChanged, this, changed);
  connect(mode_, &QComboBox::currentIndexChanged, this, changed);
  connect(values_, &QComboBox::currentIndexChanged, this, changed);
  connect(fixed_range_, &QCheckBox::toggled, this, changed);
}

void HeatmapView::buildShortcuts() {
  const auto add = [this](QKeySequence keys, auto action) {
    auto* shortcut = new QShortcut(keys, this);
    shortcut->setContext(Qt::WindowShortcut);  // also while typing in the sentence field
    connect(shortcut, &QShortcut::activated, this, action);
  };
  add(QKeySequence(Qt::ALT | Qt::Key_Up), [this] { layer_->stepDown(); });
  add(QKeySequence(Qt::ALT | Qt::Key_Down), [this] { layer_->stepUp(); });
  add(QKeySequence(Qt::ALT | Qt::Key_Left), [this] { head_->stepDown(); });
  add(QKeySequence(Qt::ALT | Qt::Key_Right), [this] { head_->stepUp(); });
  add(QKeySequence(Qt::ALT | Qt::Key_1), [this] { mode_->setCurrentIndex(0); });
  add(QKeySequence(Qt::ALT | Qt::Key_2), [this] { mode_->setCurrentIndex(1); });
  add(QKeySequence(Qt::ALT | Qt::Key_3), [this] { mode_->setCurrentIndex(2); });
  add(QKeySequence(Qt::ALT | Qt::Key_4), [this] { mode_->setCurrentIndex(3); });
  add(QKeySequence(Qt::ALT | Qt::Key_S), [this] { values_->setCurrentIndex(1 - values_->currentIndex()); });
  add(QKeySequence(Qt::ALT | Qt::Key_U), [this] { fixed_range_->toggle(); });
}

void HeatmapView::setResult(const RunResultPtr& result) {
  result_ = result;
  syncControls();
  refresh();
}

void HeatmapView::clear() {
  result_.reset();
  data_.reset();
  plot_->clearHeatmap();
  stack_->setCurrentWidget(empty_);
  caption_->clear();
  controls_->setEnabled(false);
}

void HeatmapView::setSelection(HeatmapSelection selection) {
  selection_ = selection;
  syncControls();
  refresh();
  emit selectionChanged();
}

void HeatmapView::showHead(int layer, int head) {
  HeatmapSelection selection = selection_;
  selection.layer = layer;
  selection.head = head;
  selection.mode = HeatmapMode::SingleHead;
  setSelection(selection);
}

void HeatmapView::readControls() {
  if (syncing_) return;
  selection_.layer = layer_->value();
  selection_.head = head_->value();
  selection_.mode = static_cast<HeatmapMode>(mode_->currentData().toInt());
  selection_.values = static_cast<ValueKind>(values_->currentData().toInt());
  selection_.fixed_unit_range = fixed_range_->isChecked();
  syncControls();  // enables / disables what the new choice makes meaningless
  refresh();
  emit selectionChanged();
}

// Puts the selection into the controls, clamped to the current model's layers and heads.
void HeatmapView::syncControls() {
  syncing_ = true;
  const int layers = result_ ? static_cast<int>(result_->layer_count()) : 0;
  const int heads = result_ ? static_cast<int>(result_->head_count()) : 0;
  layer_->setRange(0, std::max(0, layers - 1));
  head_->setRange(0, std::max(0, heads - 1));
  if (layers > 0) {  // without a result, keep the choice for the first one (e.g. from the command line)
    selection_.layer = std::clamp<int64_t>(selection_.layer, 0, layers - 1);
    selection_.head = std::clamp<int64_t>(selection_.head, 0, std::max(0, heads - 1));
  }
  layer_->setValue(static_cast<int>(selection_.layer));
  head_->setValue(static_cast<int>(selection_.head));
  mode_->setCurrentIndex(mode_->findData(static_cast<int>(selection_.mode)));
  values_->setCurrentIndex(values_->findData(static_cast<int>(selection_.values)));
  fixed_range_->setChecked(selection_.fixed_unit_range);

  const HeatmapSelection effective = effective_selection(selection_);
  head_->setEnabled(selection_.mode == HeatmapMode::SingleHead);
  values_->setEnabled(selection_.mode != HeatmapMode::Rollout);
  fixed_range_->setEnabled(effective.values == ValueKind::Probabilities);
  controls_->setEnabled(layers > 0);
  syncing_ = false;
}

QStringList HeatmapView::labels() const {
  QStringList labels;
  if (!result_) return labels;
  for (const TokenLabel& label : result_->labels) labels << QString::fromStdString(label.text());
  return labels;
}

void HeatmapView::refresh() {
  if (!result_ || result_->layer_count() == 0) {
    data_.reset();
    stack_->setCurrentWidget(empty_);
    empty_->setText(result_ ? tr("Type a sentence to see where each token looks.")
                            : tr("Load a model and type a sentence to see where each token looks."));
    caption_->clear();
    controls_->setEnabled(false);
    return;
  }
  try {
    data_ = heatmap_data(result_->forward, selection_, result_->overview.get());
  } catch (const LayerNotKept& missing) {
    data_.reset();
    empty_->setText(layer_pending_text(*result_, missing.layer()));
    stack_->setCurrentWidget(empty_);
    caption_->clear();
    emit layerNeeded(static_cast<int>(missing.layer()));
    return;
  } catch (const std::exception& e) {
    data_.reset();
    empty_->setText(tr("Cannot show this selection: %1").arg(QString::fromUtf8(e.what())));
    stack_->setCurrentWidget(empty_);
    return;
  }
  const QStringList token_labels = labels();
  plot_->setHeatmap(*data_, token_labels, token_labels);
  stack_->setCurrentWidget(plot_);

  QString caption = tr("Row: the token attending (query). Column: the token it attends to (key). "
                       "Hover a cell for the exact value.");
  const bool any_masked = std::any_of(data_->matrix.values.begin(), data_->matrix.values.end(),
                                      [](float v) { return std::isnan(v); });
  if (any_masked) caption += tr(" Hatched cells are masked: a GPT-2 token cannot attend to later tokens.");
  if (selection_.mode == HeatmapMode::Rollout) {
    caption += tr(" Rollout multiplies the layers' head-averaged attention, with the residual connection "
                  "counted as 0.5·I.");
  }
  caption_->setText(caption);
}

QString layer_pending_text(const RunResult& result, int64_t layer) {
  return QCoreApplication::translate("as::ui::HeatmapView",
                                     "Computing layer %1…\n\nThis input has %2 tokens: to keep memory small, the "
                                     "attention of every layer is kept only for the layers on screen.")
      .arg(layer)
      .arg(result.token_count());
}

void HeatmapView::showCellTip(QMouseEvent* event) {
  const auto cell = plot_->cellAt(event->position());
  const QString tip = cell ? cellTip(cell->row, cell->col) : QString();
  if (tip.isEmpty()) {
    QToolTip::hideText();
    return;
  }
  QToolTip::showText(event->globalPosition().toPoint(), tip, plot_);
}

QString HeatmapView::cellTip(int row, int col) const {
  if (!data_ || row < 0 || col < 0 || row >= data_->matrix.rows || col >= data_->matrix.cols) return {};
  const QStringList token_labels = labels();
  const float value = data_->matrix.at(row, col);
  return tr("from <b>%1</b> (#%2)<br>to <b>%3</b> (#%4)<br>%5")
      .arg(token_labels.value(row).toHtmlEscaped())
      .arg(row)
      .arg(token_labels.value(col).toHtmlEscaped())
      .arg(col)
      .arg(cell_value_text(*data_, value));
}

std::unique_ptr<Figure> HeatmapView::figure() const {
  if (!data_) return nullptr;
  return std::make_unique<HeatmapFigure>(*data_, labels(), colours_);
}

std::string HeatmapView::csv() const {
  if (!data_) return {};
  const auto token_labels = to_std(labels());
  return matrix_csv(data_->matrix, token_labels, token_labels);
}

QString HeatmapView::exportTo(const QString& file, const ExportSize& size) {
  if (!data_) return tr("There is no heatmap to export yet.");
  if (export_format_for(file) == ExportFormat::Csv) return write_text_file(file, csv());
  return write_figure(*figure(), file, size);
}

void HeatmapView::setColourMap(ColourMap colours) {
  colours_ = colours;
  plot_->setColourMap(colours);
}

void HeatmapView::setHoveredToken(int index) {
  hovered_ = index;
  plot_->setHoveredToken(index);
}

void HeatmapView::onMouseMove(QMouseEvent* event) {
  showCellTip(event);
  const auto cell = plot_->cellAt(event->position());
  const auto label = cell ? std::nullopt : plot_->labelAt(event->position());
  const int token = cell ? cell->row : label.value_or(-1);
  if (token == hovered_) return;
  setHoveredToken(token);
  emit tokenHovered(token);
}

bool HeatmapView::eventFilter(QObject* watched, QEvent* event) {
  if (watched == plot_ && event->type() == QEvent::Leave && hovered_ >= 0) {
    setHoveredToken(-1);
    emit tokenHovered(-1);
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace as::ui
