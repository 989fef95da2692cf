#include "ui/generation_step_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "tokenizers/byte_level.h"
#include "ui/bar_chart.h"
#include "ui/token_labels.h"

namespace as::ui {
namespace {

const QColor kPromptKey(70, 120, 180);
const QColor kGeneratedKey(46, 160, 67);
const QColor kChosen(224, 83, 31);
const QColor kAlternative(150, 150, 150);

}  // namespace

QString readable_token(const std::string& vocabulary_string, bool byte_level) {
  if (!byte_level) return QString::fromStdString(vocabulary_string);
  // As the token chips write it: the leading-space marker "Ġ", then the decoded text.
  std::string bytes = ByteLevelMap::instance().decode_token(vocabulary_string);
  const bool word_start = !bytes.empty() && bytes.front() == ' ';
  if (word_start) bytes.erase(0, 1);
  return (word_start ? QStringLiteral("Ġ") : QString()) + QString::fromStdString(printable(bytes));
}

GenerationStepView::GenerationStepView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  heading_ = new QLabel(this);
  heading_->setWordWrap(true);
  heading_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layer_ = new QComboBox(this);
  head_ = new QComboBox(this);
  for (QComboBox* chooser : {layer_, head_}) chooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  auto* choosers = new QHBoxLayout;
  choosers->addWidget(new QLabel(tr("Attention of layer"), this));
  choosers->addWidget(layer_);
  choosers->addWidget(head_);
  choosers->addStretch(1);
  auto* legend = new QLabel(tr("Bars: <span style=\"color:#4678b4\">■</span> prompt · "
                               "<span style=\"color:#2ea043\">■</span> generated before this step"),
                            this);
  alternatives_ = new BarChart(this);
  attention_ = new BarChart(this);
  attention_->setValueMax(1.0);
  attention_->setMinimumHeight(240);
  // One above the other: the dock is narrow, and the attention chart needs a row per token.
  auto* charts = new QVBoxLayout;
  charts->addWidget(alternatives_, 2);
  charts->addWidget(attention_, 3);
  layout->addWidget(heading_);
  layout->addLayout(choosers);
  layout->addWidget(legend);
  layout->addLayout(charts, 1);
  connect(layer_, &QComboBox::currentIndexChanged, this, &GenerationStepView::refreshAttention);
  connect(head_, &QComboBox::currentIndexChanged, this, &GenerationStepView::refreshAttention);
  clear();
}

void GenerationStepView::clear() {
  update_.reset();
  row_.clear();
  heading_->setText(tr("Click a generated token to see the alternatives the model weighed and where it looked."));
  alternatives_->setTitle(tr("Top 5 next tokens"));
  alternatives_->setBars({}, tr("probability"));
  attention_->setTitle(tr("Attention over the earlier tokens"));
  attention_->setBars({}, tr("attention weight"));
}

void GenerationStepView::fillChoosers(int layers, int heads) {
  if (layer_->count() == layers && head_->count() == heads + 1) return;
  const QSignalBlocker quiet_layer(layer_);
  const QSignalBlocker quiet_head(head_);
  layer_->clear();
  for (int l = 0; l < layers; ++l) layer_->addItem(tr("Layer %1").arg(l));
  layer_->setCurrentIndex(layers - 1);  // the last layer is closest to the choice
  head_->clear();
  head_->addItem(tr("Mean of heads"));
  for (int h = 0; h < heads; ++h) head_->addItem(tr("Head %1").arg(h));
}

void GenerationStepView::setLayer(int layer) { layer_->setCurrentIndex(layer); }

void GenerationStepView::setHead(int head) { head_->setCurrentIndex(head + 1); }

void GenerationStepView::showStep(const GenerationUpdatePtr& update, int prompt_count) {
  update_ = update;
  prompt_count_ = prompt_count;
  const GenerationStep& step = update->step;
  const auto& attention = step.attention;
  fillChoosers(static_cast<int>(attention.size()), attention.empty() ? 0 : static_cast<int>(attention.front().dim(0)));
  const bool byte_level = !update->labels.empty() && !update->labels.front().bytes_hex.empty();
  const size_t self = static_cast<size_t>(prompt_count + update->index);
  const QString chosen = self < update->labels.size() ? QString::fromStdString(update->labels[self].text())
                                                      : readable_token(step.token, byte_level);
  heading_->setText(tr("<b>Step %1:</b> “%2” — probability %3 % (after the sampling settings: %4 %). The "
                       "attention is that of the position that predicted it.")
                        .arg(update->index + 1)
                        .arg(chosen.toHtmlEscaped())
                        .arg(step.probability * 100.0, 0, 'f', 2)
                        .arg(step.sampling_probability * 100.0, 0, 'f', 2));
  QVector<Bar> bars;
  for (const TokenProbability& alternative : step.top) {
    bars.push_back({readable_token(alternative.token, byte_level), alternative.probability,
                    alternative.id == step.id ? kChosen : kAlternative});
  }
  alternatives_->setTitle(tr("Top %1 next tokens (chosen in orange)").arg(step.top.size()));
  alternatives_->setBars(bars, tr("probability"));
  refreshAttention();
}

void GenerationStepView::refreshAttention() {
  row_.clear();
  if (!update_ || update_->step.attention.empty() || layer_->currentIndex() < 0) return;
  const Tensor& layer = update_->step.attention[static_cast<size_t>(layer_->currentIndex())];  // [heads, 1, keys]
  const int64_t heads = layer.dim(0);
  const int64_t keys = layer.dim(2);
  const int head = head_->currentIndex() - 1;
  row_.assign(static_cast<size_t>(keys), 0.0);
  for (int64_t h = 0; h < heads; ++h) {
    if (head >= 0 && h != head) continue;
    for (int64_t k = 0; k < keys; ++k) row_[static_cast<size_t>(k)] += static_cast<double>(layer.data()[h * keys + k]);
  }
  if (head < 0) {
    for (double& value : row_) value /= static_cast<double>(heads);
  }
  QVector<Bar> bars;
  for (int64_t k = 0; k < keys; ++k) {
    const auto i = static_cast<size_t>(k);
    const QString label = i < update_->labels.size() ? QString::fromStdString(update_->labels[i].text()) : QString();
    bars.push_back({label, row_[i], k < prompt_count_ ? kPromptKey : kGeneratedKey});
  }
  const QString query = keys > 0 && static_cast<size_t>(keys - 1) < update_->labels.size()
                            ? QString::fromStdString(update_->labels[static_cast<size_t>(keys - 1)].text())
                            : QString();
  attention_->setTitle(tr("Attention of “%1”").arg(query));
  attention_->setBars(bars, tr("attention weight"));
}

}  // namespace as::ui
