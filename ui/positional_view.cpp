#include "ui/positional_view.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QThreadPool>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

#include "ui/curves_figure.h"
#include "ui/flow_layout.h"
#include "ui/heatmap_figure.h"
#include "ui/heatmap_plot.h"

namespace as::ui {
namespace {

constexpr int kMaxPositions = 2048;
constexpr int kMaxDimension = 4096;

QStringList numbered(int64_t count) {
  QStringList labels;
  for (int64_t i = 0; i < count; ++i) labels << QString::number(i);
  return labels;
}

std::shared_ptr<const PositionalSide> make_side(QString name, Matrix table, bool similarity, Similarity kind) {
  auto side = std::make_shared<PositionalSide>();
  side->name = std::move(name);
  side->table = std::move(table);
  if (similarity) side->similarity = row_similarity(side->table, kind);
  return side;
}

float max_abs(const Matrix& m) {
  float top = 0.0f;
  for (float v : m.values)
    if (std::isfinite(v)) top = std::max(top, std::abs(v));
  return top > 0.0f ? top : 1.0f;
}

// A label and its field, kept together when the controls wrap.
QWidget* labelled(const QString& label, QWidget* field, QWidget* parent) {
  auto* pair = new QWidget(parent);
  auto* row = new QHBoxLayout(pair);
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(new QLabel(label, pair));
  row->addWidget(field);
  field->setParent(pair);
  return pair;
}

}  // namespace

QString default_columns(int d) {
  // Falling frequencies: the fastest pair (periods 2π), then sines at d/8, d/4 and d/2, whose
  // wavelengths grow by 10000^(1/8), 10000^(1/4), 10000^(1/2).
  const auto even = [](int c) { return c - c % 2; };
  return QStringLiteral("0, 1, %1, %2, %3").arg(even(d / 8)).arg(even(d / 4)).arg(even(d / 2));
}

std::vector<int64_t> parse_columns(const QString& text) {
  std::vector<int64_t> columns;
  for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    const QStringList range = part.trimmed().split(QLatin1Char('-'));
    bool ok_a = false, ok_b = false;
    const int a = range.value(0).trimmed().toInt(&ok_a);
    const int b = range.size() == 2 ? range[1].trimmed().toInt(&ok_b) : a;
    if (!ok_a || (range.size() == 2 && !ok_b) || range.size() > 2 || b < a || b - a > 64) continue;
    for (int c = a; c <= b; ++c) columns.push_back(c);
  }
  return columns;
}

PositionalView::PositionalView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  buildControls();
  auto* sides = new QGridLayout;
  const QString titles[2] = {tr("<b>Sinusoidal</b>: PE(pos, 2i) = sin(pos / 10000<sup>2i/d</sup>), "
                                "PE(pos, 2i+1) = cos(pos / 10000<sup>2i/d</sup>)"),
                             tr("<b>Learned</b>: the loaded model's position table")};
  for (int side = 0; side < 2; ++side) {
    auto* title = new QLabel(titles[side], this);
    title->setWordWrap(true);
    if (side == 1) learned_title_ = title;
    stacks_[side] = new QStackedWidget(this);
    curves_[side] = new QCustomPlot(stacks_[side]);
    heatmaps_[side] = new HeatmapPlot(stacks_[side]);
    stacks_[side]->addWidget(curves_[side]);
    stacks_[side]->addWidget(heatmaps_[side]);
    sides->addWidget(title, 0, side);
    sides->addWidget(stacks_[side], 1, side);
  }
  learned_note_ = new QLabel(tr("Load a model to see its learned position embeddings here."), this);
  learned_note_->setWordWrap(true);
  sides->addWidget(learned_note_, 2, 1);
  sides->setRowStretch(1, 1);
  layout->addLayout(sides, 1);
  caption_ = new QLabel(this);
  caption_->setWordWrap(true);
  caption_->setStyleSheet(QStringLiteral("color: #505050;"));
  layout->addWidget(caption_);
  recompute();
}

void PositionalView::buildControls() {
  auto* controls = new QWidget(this);
  auto* row = new FlowLayout(controls, 6);
  d_ = new QSpinBox(this);
  d_->setRange(2, kMaxDimension);
  d_->setValue(128);
  positions_ = new QSpinBox(this);
  positions_->setRange(1, kMaxPositions);
  positions_->setValue(100);
  show_ = new QComboBox(this);
  show_->addItems({tr("Curves of chosen dimensions"), tr("Position × dimension matrix"), tr("Position × position similarity")});
  similarity_ = new QComboBox(this);
  similarity_->addItems({tr("dot product"), tr("cosine")});
  auto_columns_ = default_columns(d_->value());
  columns_ = new QLineEdit(auto_columns_, this);
  columns_->setMinimumWidth(160);
  columns_->setToolTip(tr("Dimensions to draw as curves, e.g. 0, 1, 6-9 (even: sine, odd: cosine)"));
  auto* exports = new QPushButton(tr("Export…"), this);
  auto* menu = new QMenu(exports);
  menu->addAction(tr("Sinusoidal side…"), this, [this] { chooseExport(0); });
  menu->addAction(tr("Learned side…"), this, [this] { chooseExport(1); });
  exports->setMenu(menu);
  row->addWidget(labelled(tr("d (sinusoidal)"), d_, controls));
  row->addWidget(labelled(tr("Positions"), positions_, controls));
  row->addWidget(show_);
  row->addWidget(similarity_);
  row->addWidget(labelled(tr("Dimensions"), columns_, controls));
  row->addWidget(exports);
  layout()->addWidget(controls);
  connect(d_, &QSpinBox::valueChanged, this, [this](int d) {
    // The curves follow d unless the user chose dimensions of their own.
    if (columns_->text() == auto_columns_) columns_->setText(auto_columns_ = default_columns(d));
    recompute();
  });
  connect(positions_, &QSpinBox::valueChanged, this, &PositionalView::recompute);
  connect(show_, &QComboBox::currentIndexChanged, this, &PositionalView::recompute);
  connect(similarity_, &QComboBox::currentIndexChanged, this, &PositionalView::recompute);
  connect(columns_, &QLineEdit::editingFinished, this, [this] {
    drawSide(0);
    drawSide(1);
  });
}

void PositionalView::setModel(const ModelSummaryPtr& summary) {
  summary_ = summary;
  if (summary && summary->position_embeddings) {
    const Tensor& table = *summary->position_embeddings;
    learned_title_->setText(tr("<b>Learned</b>: the model's %1 [%2 × %3]")
                                .arg(summary->info.family == "gpt2" ? QStringLiteral("wpe") : QStringLiteral("position_embeddings"))
                                .arg(table.dim(0))
                                .arg(table.dim(1)));
  }
  // The sinusoidal side starts at the model's width, so the two sides compare like for like.
  if (summary && summary->info.hidden > 0) d_->setValue(static_cast<int>(summary->info.hidden));
  recompute();
}

void PositionalView::setDimension(int d) { d_->setValue(d); }
void PositionalView::setPositions(int positions) { positions_->setValue(positions); }
void PositionalView::setShow(PositionalShow show) { show_->setCurrentIndex(static_cast<int>(show)); }
void PositionalView::setSimilarity(Similarity kind) { similarity_->setCurrentIndex(static_cast<int>(kind)); }
void PositionalView::setCurveColumns(const QString& columns) {
  columns_->setText(columns);
  drawSide(0);
  drawSide(1);
}

std::vector<int64_t> PositionalView::curveColumns() const { return parse_columns(columns_->text()); }

void PositionalView::recompute() {
  const int generation = ++generation_;
  similarity_->setEnabled(show_->currentIndex() == static_cast<int>(PositionalShow::Similarity));
  columns_->setEnabled(show_->currentIndex() == static_cast<int>(PositionalShow::Curves));
  const int64_t positions = positions_->value(), d = d_->value();
  const bool similarity = show_->currentIndex() == static_cast<int>(PositionalShow::Similarity);
  const auto kind = static_cast<Similarity>(similarity_->currentIndex());
  const QString sin_name = tr("Sinusoidal, d = %1").arg(d);
  std::shared_ptr<const Tensor> learned = summary_ ? summary_->position_embeddings : nullptr;
  const QString learned_name = summary_ ? tr("Learned, d = %1").arg(summary_->info.hidden) : QString();
  QPointer<PositionalView> self(this);
  QThreadPool::globalInstance()->start([=] {
    auto sin_side = make_side(sin_name, sinusoidal_encoding(positions, d), similarity, kind);
    std::shared_ptr<const PositionalSide> learned_side;
    if (learned) learned_side = make_side(learned_name, leading_rows(*learned, positions), similarity, kind);
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [=] {
          if (self) self->present(generation, sin_side, learned_side);
        },
        Qt::QueuedConnection);
  });
}

void PositionalView::present(int generation, std::shared_ptr<const PositionalSide> sinusoidal,
                             std::shared_ptr<const PositionalSide> learned) {
  if (generation != generation_) return;  // the controls changed meanwhile: a newer one is coming
  shown_ = generation;
  sides_[0] = std::move(sinusoidal);
  sides_[1] = std::move(learned);
  const bool short_table = sides_[1] && sides_[1]->table.rows < positions_->value();
  if (short_table) learned_note_->setText(tr("The model has only %1 positions.").arg(sides_[1]->table.rows));
  learned_note_->setVisible(!sides_[1] || short_table);
  drawSide(0);
  drawSide(1);
  caption_->setText(tr("Sinusoidal encodings need no training and extend to any length; nearby positions get "
                       "similar vectors (the red band along the diagonal of the similarity). Learned tables "
                       "are trained with the model and stop at its maximum length. Colour: blue negative, "
                       "white 0, red positive."));
  emit updated();
}

void PositionalView::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  // draw_curves hands the widget's font to the plot's texts; the heatmaps follow by themselves.
  if (event->type() == QEvent::FontChange && show_->currentIndex() == static_cast<int>(PositionalShow::Curves)) {
    drawSide(0);
    drawSide(1);
  }
}

HeatmapData PositionalView::heatmapOf(const PositionalSide& side) const {
  HeatmapData heatmap;
  const bool similarity = show_->currentIndex() == static_cast<int>(PositionalShow::Similarity);
  heatmap.matrix = similarity ? side.similarity : side.table;
  const float range = max_abs(heatmap.matrix);
  heatmap.colour_range = {-range, range, true};
  const bool cosine = similarity_->currentIndex() == static_cast<int>(Similarity::Cosine);
  // Short: the plots are half the panel wide, and the controls already say d and the positions.
  const QString kind = similarity ? (cosine ? tr("cosine") : tr("dot product")) : tr("values");
  heatmap.title = tr("%1 · %2").arg(side.name.section(QLatin1Char(','), 0, 0), kind).toStdString();
  heatmap.value_name = similarity ? (cosine ? "cosine" : "dot product") : "value";
  heatmap.x_name = (similarity ? tr("position →") : tr("dimension →")).toStdString();
  heatmap.y_name = tr("position →").toStdString();
  return heatmap;
}

void PositionalView::drawSide(int side) {
  const auto& shown = sides_[side];
  stacks_[side]->setVisible(shown != nullptr);
  if (!shown) return;
  // The page is made current first, so the plot lays its labels out at its real size.
  if (show_->currentIndex() == static_cast<int>(PositionalShow::Curves)) {
    stacks_[side]->setCurrentWidget(curves_[side]);
    draw_curves(*curves_[side], curves_of(shown->table, curveColumns(), shown->name));
    return;
  }
  stacks_[side]->setCurrentWidget(heatmaps_[side]);
  HeatmapData heatmap = heatmapOf(*shown);
  heatmaps_[side]->setColourMap(ColourMap::Diverging);
  heatmaps_[side]->setHeatmap(heatmap, numbered(heatmap.matrix.rows), numbered(heatmap.matrix.cols));
}

std::unique_ptr<Figure> PositionalView::figure(int side) const {
  const auto& shown = sides_[side];
  if (!shown) return nullptr;
  if (show_->currentIndex() == static_cast<int>(PositionalShow::Curves))
    return std::make_unique<CurvesFigure>(curves_of(shown->table, curveColumns(), shown->name));
  HeatmapData heatmap = heatmapOf(*shown);
  const QStringList rows = numbered(heatmap.matrix.rows), cols = numbered(heatmap.matrix.cols);
  return std::make_unique<HeatmapFigure>(std::move(heatmap), rows, cols, ColourMap::Diverging);
}

QString PositionalView::exportTo(int side, const QString& file, const ExportSize& size) const {
  const auto figure_of_side = figure(side);
  if (!figure_of_side) return tr("Nothing to export on that side yet.");
  return write_figure(*figure_of_side, file, size);
}

void PositionalView::chooseExport(int side) {
  const QString file = QFileDialog::getSaveFileName(this, tr("Export positional encoding"),
                                                    side == 0 ? QStringLiteral("sinusoidal.png") : QStringLiteral("learned.png"),
                                                    tr("Figures (*.png *.svg *.pdf)"));
  if (file.isEmpty()) return;
  const QString error = exportTo(side, file, ExportSize{});
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Export failed"), error);
}

}  // namespace as::ui
