#include "ui/step_through_view.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "ui/column_chart.h"
#include "ui/colour_scale.h"
#include "ui/figure.h"
#include "ui/heatmap_view.h"
#include "ui/qt_colours.h"

namespace as::ui {
namespace {

enum Column { kKey, kDot, kScaled, kMask, kWeight, kColumns };

QString number(double value) {
  if (std::isinf(value)) return value < 0 ? QStringLiteral("−∞") : QStringLiteral("∞");
  return QString::number(value, 'f', 4);
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment = Qt::AlignRight | Qt::AlignVCenter) {
  auto* item = new QTableWidgetItem(text);
  item->setTextAlignment(alignment);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  return item;
}

std::vector<double> widen(const std::vector<float>& values) { return {values.begin(), values.end()}; }

}  // namespace

StepThroughView::StepThroughView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  buildControls(this);
  layout->addWidget(controls_);
  stack_ = new QStackedWidget(this);
  empty_ = new QLabel(stack_);
  empty_->setWordWrap(true);
  empty_->setAlignment(Qt::AlignCenter);
  stack_->addWidget(empty_);
  stack_->addWidget(buildSteps(stack_));
  layout->addWidget(stack_, 1);
}

void StepThroughView::buildControls(QWidget* parent) {
  controls_ = new QWidget(parent);
  auto* row = new QHBoxLayout(controls_);
  row->setContentsMargins(0, 0, 0, 0);
  layer_ = new QSpinBox(controls_);
  head_ = new QSpinBox(controls_);
  query_ = new QComboBox(controls_);
  query_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  auto* csv = new QPushButton(tr("Export CSV…"), controls_);
  row->addWidget(new QLabel(tr("Layer"), controls_));
  row->addWidget(layer_);
  row->addWidget(new QLabel(tr("Head"), controls_));
  row->addWidget(head_);
  row->addWidget(new QLabel(tr("Query token"), controls_));
  row->addWidget(query_);
  row->addStretch(1);
  row->addWidget(csv);
  const auto changed = [this] {
    if (!syncing_) refresh();
  };
  connect(layer_, &QSpinBox::valueChanged, this, changed);
  connect(head_, &QSpinBox::valueChanged, this, changed);
  connect(query_, &QComboBox::currentIndexChanged, this, changed);
  connect(csv, &QPushButton::clicked, this, &StepThroughView::chooseCsvFile);
}

QWidget* StepThroughView::buildSteps(QWidget* parent) {
  auto* page = new QWidget(parent);
  auto* layout = new QVBoxLayout(page);
  layout->setContentsMargins(0, 0, 0, 0);
  formula_ = new QLabel(page);
  formula_->setWordWrap(true);
  formula_->setTextFormat(Qt::RichText);
  layout->addWidget(formula_);
  split_ = new QSplitter(Qt::Horizontal, page);
  table_ = new QTableWidget(0, kColumns, split_);
  table_->setHorizontalHeaderLabels({tr("key token j"), tr("① Q·Kⱼ"), tr("② ÷ √d"), tr("③ mask"), tr("④ softmax")});
  table_->verticalHeader()->setVisible(false);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  auto* charts = new QWidget(split_);
  auto* column = new QVBoxLayout(charts);
  column->setContentsMargins(0, 0, 0, 0);
  query_vector_ = new ColumnChart(tr("Q of the query token (this head's d dimensions)"), charts);
  weights_ = new ColumnChart(tr("④ attention weights over the keys"), charts);
  weights_->setUnitRange(true);
  weights_->setBarColour(QColor(0xd6, 0x60, 0x4d));
  output_ = new ColumnChart(tr("⑤ output = Σⱼ weightⱼ · Vⱼ (d dimensions)"), charts);
  output_->setBarColour(QColor(0x2c, 0xa0, 0x2c));
  column->addWidget(query_vector_);
  column->addWidget(weights_);
  column->addWidget(output_);
  split_->addWidget(table_);
  split_->addWidget(charts);
  split_->setStretchFactor(1, 1);
  layout->addWidget(split_, 1);
  return page;
}

void StepThroughView::setResult(const RunResultPtr& result) {
  result_ = result;
  syncControls();
  refresh();
}

void StepThroughView::setHead(int layer, int head) {
  syncing_ = true;
  layer_->setValue(layer);
  head_->setValue(head);
  syncing_ = false;
  refresh();
}

void StepThroughView::setQuery(int token) { query_->setCurrentIndex(token); }

QStringList StepThroughView::tokenLabels() const {
  QStringList labels;
  if (result_)
    for (const TokenLabel& label : result_->labels) labels << QString::fromStdString(label.text());
  return labels;
}

// Keeps the chosen layer, head and token when a new run still has them.
void StepThroughView::syncControls() {
  syncing_ = true;
  const bool have = result_ && result_->layer_count() > 0 && !result_->forward.queries.empty();
  layer_->setRange(0, have ? static_cast<int>(result_->layer_count()) - 1 : 0);
  head_->setRange(0, have ? static_cast<int>(result_->head_count()) - 1 : 0);
  const int previous = query_->currentIndex();
  query_->clear();
  const QStringList labels = tokenLabels();
  for (int i = 0; i < labels.size(); ++i) query_->addItem(QStringLiteral("%1: %2").arg(i).arg(labels[i]));
  if (!labels.isEmpty()) query_->setCurrentIndex(std::clamp(previous, 0, static_cast<int>(labels.size()) - 1));
  controls_->setEnabled(have);
  syncing_ = false;
}

void StepThroughView::refresh() {
  steps_.reset();
  if (!result_ || result_->forward.queries.empty() || query_->currentIndex() < 0) {
    empty_->setText(tr("Load a model and type a sentence: this panel then computes one head's attention for one "
                       "token, step by step."));
    stack_->setCurrentWidget(empty_);
    return;
  }
  if (!result_->keeps_layer(layer_->value())) {
    empty_->setText(layer_pending_text(*result_, layer_->value()));
    stack_->setCurrentWidget(empty_);
    emit layerNeeded(layer_->value());
    return;
  }
  HeadStepsRequest request;
  request.layer = layer_->value();
  request.head = head_->value();
  request.query = query_->currentIndex();
  request.causal = result_->model && result_->model->info.family == "gpt2";
  steps_ = head_steps(result_->forward, request);
  formula_->setText(
      tr("<b>Attention(Q, K, V) = softmax(Q·Kᵀ / √d + mask) · V</b> — layer %1, head %2, query token <b>%3</b>. "
         "d = %4 numbers per head, so ② divides by √%4 = %5. ③ masked keys get −∞ (weight 0)%6.")
          .arg(request.layer)
          .arg(request.head)
          .arg(tokenLabels().value(static_cast<int>(request.query)).toHtmlEscaped())
          .arg(steps_->head_dim)
          .arg(steps_->divisor, 0, 'g', 6)
          .arg(request.causal ? tr(": GPT-2 lets a token see only itself and earlier tokens") : QString()));
  fillTable();
  fitTable();
  fillCharts();
  stack_->setCurrentIndex(1);
}

void StepThroughView::fillTable() {
  const HeadSteps& s = *steps_;
  const QStringList labels = tokenLabels();
  table_->setRowCount(static_cast<int>(s.key_count()));
  for (int j = 0; j < s.key_count(); ++j) {
    const auto k = static_cast<size_t>(j);
    table_->setItem(j, kKey, cell(QStringLiteral("%1: %2").arg(j).arg(labels.value(j)), Qt::AlignLeft | Qt::AlignVCenter));
    table_->setItem(j, kDot, cell(number(s.dots[k])));
    table_->setItem(j, kScaled, cell(number(s.scaled[k])));
    table_->setItem(j, kMask, cell(s.masked[k] ? tr("−∞") : tr("+0")));
    auto* weight = cell(number(s.weights[k]));
    // The weight column doubles as a bar: the stronger the attention, the darker the cell.
    weight->setBackground(to_qcolor(colour_at(0.15 + 0.6 * s.weights[k], ColourMap::Greys)));
    if (s.weights[k] > 0.5) weight->setForeground(Qt::white);
    table_->setItem(j, kWeight, weight);
  }
}

void StepThroughView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (steps_) QTimer::singleShot(0, this, &StepThroughView::fitTable);  // once the splitter has its width
}

void StepThroughView::fitTable() {
  table_->resizeColumnsToContents();
  int width = 2 * table_->frameWidth() + table_->verticalScrollBar()->sizeHint().width();
  for (int c = 0; c < kColumns; ++c) width += table_->columnWidth(c);
  const int total = split_->width();
  if (total > width) split_->setSizes({width, total - width});
}

void StepThroughView::fillCharts() {
  const HeadSteps& s = *steps_;
  query_vector_->setValues(widen(s.query));
  weights_->setValues(s.weights, tokenLabels());
  output_->setValues(s.output);
}

QString StepThroughView::exportCsv(const QString& file) const {
  if (!steps_) return tr("Nothing to export yet.");
  std::vector<std::string> labels;
  for (const QString& label : tokenLabels()) labels.push_back(label.toStdString());
  return write_text_file(file, head_steps_csv(*steps_, labels));
}

void StepThroughView::chooseCsvFile() {
  const QString file = QFileDialog::getSaveFileName(this, tr("Export the step-through as CSV"),
                                                    QStringLiteral("head-steps.csv"), tr("CSV (*.csv)"));
  if (file.isEmpty()) return;
  const QString error = exportCsv(file);
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Export failed"), error);
}

}  // namespace as::ui
