#include "ui/diff_view.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <stdexcept>

#include "ui/attention_export.h"
#include "ui/heatmap_figure.h"
#include "ui/heatmap_plot.h"
#include "ui/heatmap_view.h"
#include "ui/session_controller.h"

namespace as::ui {
namespace {

std::vector<std::string> labels_of(const RunResult& r) {
  std::vector<std::string> labels;
  for (const TokenLabel& label : r.labels) labels.push_back(label.text());
  return labels;
}

}  // namespace

DiffView::DiffView(int threads, QWidget* parent) : QWidget(parent), threads_(threads) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  buildControls();
  stack_ = new QStackedWidget(this);
  message_ = new QLabel(tr("Type two sentences that differ by a word, or choose a second model of the same shape."), stack_);
  message_->setWordWrap(true);
  message_->setAlignment(Qt::AlignCenter);
  plot_ = new HeatmapPlot(stack_);
  plot_->setColourMap(ColourMap::Diverging);
  stack_->addWidget(message_);
  stack_->addWidget(plot_);
  layout->addWidget(stack_, 1);
  caption_ = new QLabel(this);
  caption_->setWordWrap(true);
  caption_->setStyleSheet(QStringLiteral("color: #505050;"));
  layout->addWidget(caption_);
}

DiffView::~DiffView() = default;

void DiffView::buildControls() {
  auto* form = new QFormLayout;
  mode_ = new QComboBox(this);
  mode_->addItems({tr("Two sentences, one model"), tr("One sentence, two models")});
  text_[0] = new QLineEdit(QStringLiteral("The cat sat on the mat."), this);
  text_[1] = new QLineEdit(QStringLiteral("The dog sat on the mat."), this);
  second_ = new QPushButton(tr("Second model…"), this);
  layer_ = new QSpinBox(this);
  head_ = new QSpinBox(this);
  auto* exports = new QPushButton(tr("Export…"), this);
  auto* row = new QHBoxLayout;
  row->addWidget(mode_);
  row->addWidget(second_);
  row->addWidget(new QLabel(tr("Layer"), this));
  row->addWidget(layer_);
  row->addWidget(new QLabel(tr("Head"), this));
  row->addWidget(head_);
  row->addStretch(1);
  row->addWidget(exports);
  form->addRow(row);
  form->addRow(tr("Sentence A"), text_[0]);
  form->addRow(tr("Sentence B"), text_[1]);
  static_cast<QVBoxLayout*>(layout())->addLayout(form);
  connect(mode_, &QComboBox::currentIndexChanged, this, [this](int mode) { setMode(static_cast<Mode>(mode)); });
  for (QLineEdit* field : text_) connect(field, &QLineEdit::editingFinished, this, &DiffView::compare);
  connect(second_, &QPushButton::clicked, this, &DiffView::chooseSecondModel);
  connect(layer_, &QSpinBox::valueChanged, this, &DiffView::redraw);
  connect(head_, &QSpinBox::valueChanged, this, &DiffView::redraw);
  connect(exports, &QPushButton::clicked, this, &DiffView::chooseExport);
  setMode(Mode::TwoSentences);
}

void DiffView::setMainModel(const ModelSummaryPtr& summary) {
  main_model_ = summary;
  if (used_) compare();
}

void DiffView::setMode(Mode mode) {
  if (mode_->currentIndex() != static_cast<int>(mode)) mode_->setCurrentIndex(static_cast<int>(mode));  // re-enters
  const bool two_models = mode == Mode::TwoModels;
  text_[1]->setEnabled(!two_models);
  second_->setEnabled(two_models);
  if (used_) compare();
}

void DiffView::setTexts(const QString& a, const QString& b) {
  text_[0]->setText(a);
  text_[1]->setText(b);
  compare();
}

void DiffView::setSecondModel(const QString& dir) {
  second_model_ = dir.isEmpty() ? QString() : QDir(dir).absolutePath();
  second_->setToolTip(second_model_);
  setMode(Mode::TwoModels);
  compare();
}

void DiffView::setHead(int layer, int head) {
  layer_->setValue(layer);
  head_->setValue(head);
}

void DiffView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (!used_) compare();
}

SessionController* DiffView::session(int side) {
  if (!sessions_[side]) {
    sessions_[side] = new SessionController(threads_, this);
    connect(sessions_[side], &SessionController::modelLoaded, this,
            [this, side](const ModelSummaryPtr& summary) { onLoaded(side, summary); });
    connect(sessions_[side], &SessionController::runFinished, this,
            [this, side](const RunResultPtr& result) { onResult(side, result); });
    connect(sessions_[side], &SessionController::loadFailed, this,
            [this](const QString&, const QString& message) { onFailed(message); });
    connect(sessions_[side], &SessionController::runFailed, this,
            [this](quint64, const QString& message) { onFailed(message); });
  }
  return sessions_[side];
}

QString DiffView::wantedModel(int side) const {
  if (!main_model_) return {};
  const QString main = QDir(QString::fromStdString(main_model_->info.path)).absolutePath();
  const bool two_models = mode_->currentIndex() == static_cast<int>(Mode::TwoModels);
  return side == 1 && two_models && !second_model_.isEmpty() ? second_model_ : main;
}

void DiffView::compare() {
  used_ = true;
  if (!main_model_) return;
  results_[0] = results_[1] = nullptr;
  const bool two_models = mode_->currentIndex() == static_cast<int>(Mode::TwoModels);
  for (int side = 0; side < 2; ++side) {
    const QString want = wantedModel(side);
    if (loaded_[side] != want) {
      if (!session(side)->isLoading()) session(side)->openModel(want);
      continue;  // runs once loaded
    }
    session(side)->requestRun(two_models ? text_[0]->text() : text_[side]->text());
  }
  message_->setText(tr("Computing…"));
}

void DiffView::onLoaded(int side, const ModelSummaryPtr& summary) {
  loaded_[side] = QDir(QString::fromStdString(summary->info.path)).absolutePath();
  if (loaded_[side] != wantedModel(side)) {
    session(side)->openModel(wantedModel(side));  // the choice changed while it loaded
    return;
  }
  const bool two_models = mode_->currentIndex() == static_cast<int>(Mode::TwoModels);
  session(side)->requestRun(two_models ? text_[0]->text() : text_[side]->text());
}

void DiffView::onResult(int side, const RunResultPtr& result) {
  results_[side] = result;
  if (results_[0] && results_[1]) showResults(results_[0], results_[1]);
}

void DiffView::onFailed(const QString& message) {
  diff_.reset();
  message_->setText(message);
  stack_->setCurrentWidget(message_);
}

void DiffView::showResults(const RunResultPtr& a, const RunResultPtr& b) {
  results_[0] = a;
  results_[1] = b;
  const int layers = static_cast<int>(std::min(a->layer_count(), b->layer_count()));
  const int heads = static_cast<int>(std::min(a->head_count(), b->head_count()));
  layer_->blockSignals(true);
  head_->blockSignals(true);
  layer_->setRange(0, std::max(0, layers - 1));
  head_->setRange(0, std::max(0, heads - 1));
  layer_->blockSignals(false);
  head_->blockSignals(false);
  redraw();
}

QStringList DiffView::labels() const {
  QStringList labels;
  if (!results_[0] || !results_[1]) return labels;
  for (const std::string& label : diff_labels(labels_of(*results_[0]), labels_of(*results_[1])))
    labels << QString::fromStdString(label);
  return labels;
}

void DiffView::redraw() {
  if (!results_[0] || !results_[1]) return;
  const RunResult& a = *results_[0];
  const RunResult& b = *results_[1];
  if (a.layer_count() != b.layer_count() || a.head_count() != b.head_count()) {
    onFailed(tr("The two models have different shapes (%1 × %2 and %3 × %4 layers × heads): choose models of the same shape.")
                 .arg(a.layer_count()).arg(a.head_count()).arg(b.layer_count()).arg(b.head_count()));
    return;
  }
  if (a.layer_count() == 0 || b.layer_count() == 0) return onFailed(tr("A sentence has no tokens."));
  const int layer = layer_->value();
  if (!a.keeps_layer(layer) || !b.keeps_layer(layer)) {  // a long input keeps only the layers on screen
    for (int side = 0; side < 2; ++side)
      if (!results_[side]->keeps_layer(layer)) session(side)->requestLayer(layer);
    diff_.reset();
    message_->setText(layer_pending_text(a.keeps_layer(layer) ? b : a, layer));
    stack_->setCurrentWidget(message_);
    return;
  }
  diff_ = attention_difference(a.forward, b.forward, layer, head_->value());
  plot_->setHeatmap(diff_->heatmap, labels(), labels());
  stack_->setCurrentWidget(plot_);
  QString lengths;
  if (diff_->tokens_a != diff_->tokens_b)
    lengths = tr(" A has %1 tokens and B %2: tokens are matched by position, so only the first %3 are compared, "
                 "and after a word that splits differently the positions hold different words.")
                  .arg(diff_->tokens_a).arg(diff_->tokens_b).arg(diff_->compared);
  caption_->setText(tr("Red: A attends more than B; blue: B attends more; white: the same. Largest difference %1. "
                       "Labels \"a ≠ b\" mark positions where the tokens differ.%2")
                        .arg(static_cast<double>(diff_->max_abs), 0, 'f', 4)
                        .arg(lengths));
  emit updated();
}

std::unique_ptr<Figure> DiffView::figure() const {
  if (!diff_) return nullptr;
  return std::make_unique<HeatmapFigure>(diff_->heatmap, labels(), ColourMap::Diverging);
}

QString DiffView::exportTo(const QString& file, const ExportSize& size) const {
  if (!diff_) return tr("Nothing to export yet.");
  if (file.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) {
    std::vector<std::string> names;
    for (const QString& label : labels()) names.push_back(label.toStdString());
    return write_text_file(file, matrix_csv(diff_->heatmap.matrix, names, names));
  }
  return write_figure(*figure(), file, size);
}

void DiffView::chooseSecondModel() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Second model (same layers and heads)"));
  if (!dir.isEmpty()) setSecondModel(dir);
}

void DiffView::chooseExport() {
  const QString file = QFileDialog::getSaveFileName(this, tr("Export the difference"), QStringLiteral("difference.png"),
                                                    tr("Figures or numbers (*.png *.svg *.pdf *.csv)"));
  if (file.isEmpty()) return;
  const QString error = exportTo(file, ExportSize{});
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Export failed"), error);
}

}  // namespace as::ui
