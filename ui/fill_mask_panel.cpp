#include "ui/fill_mask_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/bar_chart.h"
#include "ui/mask_text.h"
#include "ui/session_controller.h"

namespace as::ui {
namespace {

enum Column { kRank, kToken, kProbability, kSentence };

QString percent(double p) { return QStringLiteral("%1 %").arg(p * 100.0, 0, 'f', p < 0.001 ? 4 : 2); }

}  // namespace

FillMaskPanel::FillMaskPanel(SessionController* controller, QWidget* parent)
    : QWidget(parent), controller_(controller) {
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(tr("What the model predicts in place of each mask token of the sentence "
                              "(probability: softmax over the whole vocabulary). Click a candidate to put it in "
                              "the sentence."),
                           this);
  intro->setWordWrap(true);
  auto* form = new QFormLayout;
  top_k_ = new QSpinBox(this);
  top_k_->setRange(1, 100);
  top_k_->setValue(5);
  targets_ = new QLineEdit(this);
  targets_->setPlaceholderText(tr("optional: words to score, separated by commas"));
  targets_->setClearButtonEnabled(true);
  masks_ = new QComboBox(this);
  form->addRow(tr("Top k:"), top_k_);
  form->addRow(tr("Target words:"), targets_);
  form->addRow(tr("Mask:"), masks_);
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  status_->setObjectName(QStringLiteral("fillMaskStatus"));
  nsp_ = new QLabel(this);
  nsp_->setWordWrap(true);
  nsp_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  chart_ = new BarChart(this);
  chart_->setMinimumHeight(220);
  list_ = new QTreeWidget(this);
  list_->setColumnCount(4);
  list_->setHeaderLabels({tr("#"), tr("Token"), tr("Probability"), tr("Sentence")});
  list_->setRootIsDecorated(false);
  list_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  list_->setToolTip(tr("Click a candidate to put it in the sentence"));
  layout->addWidget(intro);
  layout->addLayout(form);
  layout->addWidget(status_);
  layout->addWidget(nsp_);
  layout->addWidget(chart_, 3);
  layout->addWidget(list_, 1);
  layout->addStretch(0);

  connect(top_k_, &QSpinBox::valueChanged, this, &FillMaskPanel::request);
  connect(targets_, &QLineEdit::editingFinished, this, &FillMaskPanel::request);
  connect(masks_, &QComboBox::currentIndexChanged, this, &FillMaskPanel::showMask);
  connect(list_, &QTreeWidget::itemClicked, this,
          [this](QTreeWidgetItem* item) { chooseCandidate(list_->indexOfTopLevelItem(item)); });
  connect(chart_, &BarChart::barClicked, this, &FillMaskPanel::chooseCandidate);
  connect(controller_, &SessionController::fillMaskFinished, this, &FillMaskPanel::onFinished);
  connect(controller_, &SessionController::fillMaskFailed, this,
          [this](quint64, const QString& message) { onFailed(message); });
  nsp_->hide();
  showStatus(tr("Load a BERT-style model to predict masked words."));
  setEnabled(false);
}

void FillMaskPanel::setModel(const ModelSummary& summary) {
  enabled_ = summary.fills_masks();
  mask_token_ = QString::fromStdString(summary.mask_token);
  outcome_.reset();
  showMask(-1);
  setEnabled(enabled_);
  if (!enabled_) {
    showStatus(tr("%1 has no masked-language-model head: fill-mask needs BERT, DistilBERT or RoBERTa with one.")
                   .arg(QString::fromStdString(summary.info.architecture)));
  }
}

void FillMaskPanel::setInput(const QString& text_a, const QString& text_b) {
  text_a_ = text_a;
  text_b_ = text_b;
  request();
}

void FillMaskPanel::setTopK(int k) { top_k_->setValue(k); }

void FillMaskPanel::setTargets(const QString& comma_separated) {
  targets_->setText(comma_separated);
  request();
}

void FillMaskPanel::request() {
  if (!enabled_) return;
  if (!text_a_.contains(mask_token_) && text_b_.isEmpty()) {
    // After a candidate was put in, its chart stays: the learner compares it with the new attention.
    const QString hint = outcome_ ? tr("Predictions for “%1”. Put %2 in the sentence again (select a word and press "
                                       "Ctrl+M) to predict anew.")
                                        .arg(QString::fromStdString(outcome_->request.text_a), mask_token_)
                                  : tr("Put %1 in the sentence (select a word and press Ctrl+M) to see what the "
                                       "model predicts there.")
                                        .arg(mask_token_);
    showStatus(hint);
    return;
  }
  QStringList targets;
  for (const QString& word : targets_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    if (!word.trimmed().isEmpty()) targets << word.trimmed();
  }
  showStatus(tr("predicting…"));
  controller_->requestFillMask(text_a_, text_b_, top_k_->value(), targets);
}

void FillMaskPanel::onFinished(const FillMaskOutcomePtr& outcome) {
  outcome_ = outcome;
  QStringList notes;
  for (const auto& warning : outcome->warnings) notes << QStringLiteral("⚠ ") + QString::fromStdString(warning);
  showStatus(notes.join(QLatin1Char('\n')));
  {
    const QSignalBlocker quiet(masks_);
    masks_->clear();
    for (size_t m = 0; m < outcome->masks.size(); ++m) {
      masks_->addItem(tr("%1 %2 (token %3)")
                          .arg(QString::fromStdString(outcome->mask_token))
                          .arg(m + 1)
                          .arg(outcome->masks[m].position));
    }
  }
  masks_->setEnabled(outcome->masks.size() > 1);
  showMask(outcome->masks.empty() ? -1 : 0);
  if (outcome->masks.empty() && notes.isEmpty()) {
    showStatus(tr("Put %1 in the first sentence (select a word and press Ctrl+M) to see what the model predicts "
                  "there.")
                   .arg(mask_token_));
  }
  if (outcome->is_next_probability) {
    nsp_->setText(tr("<b>Next sentence:</b> P(sentence 2 follows sentence 1) = %1")
                      .arg(percent(*outcome->is_next_probability)));
    nsp_->show();
  } else if (!outcome->nsp_unavailable.empty()) {
    nsp_->setText(tr("No next-sentence probability: %1").arg(QString::fromStdString(outcome->nsp_unavailable)));
    nsp_->show();
  } else {
    nsp_->hide();
  }
}

void FillMaskPanel::onFailed(const QString& message) {
  outcome_.reset();
  masks_->clear();
  showMask(-1);
  showStatus(tr("⚠ Fill-mask failed: %1").arg(message));
}

int FillMaskPanel::shownMask() const { return outcome_ ? masks_->currentIndex() : -1; }

void FillMaskPanel::showMask(int index) {
  list_->clear();
  const bool shown = outcome_ && index >= 0 && static_cast<size_t>(index) < outcome_->masks.size();
  // An empty chart would only show a meaningless axis.
  chart_->setVisible(shown);
  list_->setVisible(shown);
  if (!shown) {
    chart_->setTitle(QString());
    chart_->setBars({}, tr("probability"));
    return;
  }
  const MaskPrediction& mask = outcome_->masks[static_cast<size_t>(index)];
  QVector<Bar> bars;
  for (size_t i = 0; i < mask.candidates.size(); ++i) {
    const MaskCandidate& candidate = mask.candidates[i];
    const QString token = QString::fromStdString(candidate.token_str);
    bars.push_back({token, candidate.probability, QColor(70, 120, 180)});
    auto* item = new QTreeWidgetItem(list_);
    item->setText(kRank, QString::number(i + 1));
    item->setText(kToken, token);
    item->setText(kProbability, percent(candidate.probability));
    item->setData(kProbability, Qt::UserRole, candidate.probability);
    item->setText(kSentence, QString::fromStdString(candidate.sequence));
    item->setTextAlignment(kProbability, Qt::AlignRight | Qt::AlignVCenter);
  }
  chart_->setTitle(tr("Top %1 for %2 at token %3").arg(mask.candidates.size()).arg(mask_token_).arg(mask.position));
  chart_->setBars(bars, tr("probability"));
}

void FillMaskPanel::chooseCandidate(int row) {
  const int mask = shownMask();
  if (mask < 0) return;
  const auto& candidates = outcome_->masks[static_cast<size_t>(mask)].candidates;
  if (row < 0 || static_cast<size_t>(row) >= candidates.size()) return;
  const QString source = QString::fromStdString(outcome_->request.text_a);
  const QString filled =
      fill_mask_in(source, mask_token_, mask, QString::fromStdString(candidates[static_cast<size_t>(row)].token_str));
  emit fillRequested(filled);
}

QString FillMaskPanel::nextSentenceText() const { return nsp_->isVisibleTo(this) ? nsp_->text() : QString(); }

QString FillMaskPanel::statusText() const { return status_->text(); }

void FillMaskPanel::showStatus(const QString& text) {
  status_->setText(text);
  status_->setVisible(!text.isEmpty());
}

}  // namespace as::ui
