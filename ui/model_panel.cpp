#include "ui/model_panel.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "ui/model_facts.h"

namespace as::ui {
namespace {

QString family_name(const ModelSummary& summary) {
  const QString tokenizer = summary.tokenizer_kind == "bpe" ? QObject::tr("byte-level BPE")
                                                             : QObject::tr("WordPiece");
  const std::string& f = summary.info.family;
  const QString family = f == "gpt2"         ? QStringLiteral("GPT-2")
                         : f == "bert"       ? QStringLiteral("BERT")
                         : f == "distilbert" ? QStringLiteral("DistilBERT")
                         : f == "roberta"    ? QStringLiteral("RoBERTa")
                                             : QString::fromStdString(f);
  return QObject::tr("%1 (%2 tokenizer)").arg(family, tokenizer);
}

QString backend_text(const ModelSummary& summary) {
  if (!summary.fallback_reason.empty()) return QObject::tr("CPU (OpenCL failed: fell back)");
  if (summary.backend == "opencl")
    return summary.backend_device.empty()
               ? QStringLiteral("OpenCL")
               : QObject::tr("OpenCL on %1").arg(QString::fromStdString(summary.backend_device));
  if (summary.backend == "cpu") return QObject::tr("CPU (oneDNN)");
  return QString::fromStdString(summary.backend);
}

QString duration_text(double millis) {
  if (millis < 1000.0) return QObject::tr("%1 ms").arg(millis, 0, 'f', 0);
  return QObject::tr("%1 s").arg(millis / 1000.0, 0, 'f', 2);
}

// Lets a long path wrap after each separator instead of widening the panel.
QString wrappable_path(const QString& path) {
  QString text = path.toHtmlEscaped();
  text.replace(QLatin1Char('/'), QStringLiteral("/&#8203;"));
  return text;
}

}  // namespace

ModelPanel::ModelPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);

  placeholder_ = new QLabel(tr("No model loaded.\n\nOpen a HuggingFace checkpoint folder with "
                               "File ▸ Open… (Ctrl+O)."), this);
  placeholder_->setWordWrap(true);
  layout->addWidget(placeholder_);

  random_badge_ = new QLabel(tr("⚠ RANDOM test model — predictions are meaningless"), this);
  random_badge_->setObjectName(QStringLiteral("randomBadge"));
  random_badge_->setWordWrap(true);
  random_badge_->setStyleSheet(QStringLiteral(
      "#randomBadge { background: #b3261e; color: white; font-weight: bold; padding: 8px;"
      " border-radius: 4px; }"));
  layout->addWidget(random_badge_);

  facts_ = new QWidget(this);
  form_ = new QFormLayout(facts_);
  form_->setContentsMargins(0, 0, 0, 0);
  form_->setRowWrapPolicy(QFormLayout::DontWrapRows);
  form_->setLabelAlignment(Qt::AlignLeft);
  family_ = addRow(tr("Family"));
  architecture_ = addRow(tr("Architecture"));
  layers_ = addRow(tr("Layers"));
  heads_ = addRow(tr("Heads"));
  hidden_ = addRow(tr("Hidden size"));
  max_tokens_ = addRow(tr("Max tokens"));
  vocabulary_ = addRow(tr("Vocabulary"));
  parameters_ = addRow(tr("Parameters"));
  dtype_ = addRow(tr("Weights dtype"));
  backend_ = addRow(tr("Backend"));
  load_time_ = addRow(tr("Load time"));
  layout->addWidget(facts_);
  // The path gets the panel's full width under the table: it is the longest value by far.
  path_ = new QLabel(this);
  path_->setTextFormat(Qt::RichText);
  path_->setWordWrap(true);
  path_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(path_);
  layout->addStretch(1);

  showNoModel();
}

QLabel* ModelPanel::addRow(const QString& name) {
  auto* value = new QLabel(facts_);
  value->setTextInteractionFlags(Qt::TextSelectableByMouse);
  value->setWordWrap(true);
  form_->addRow(name + QLatin1Char(':'), value);
  return value;
}

void ModelPanel::showNoModel() {
  placeholder_->show();
  random_badge_->hide();
  facts_->hide();
  path_->hide();
}

void ModelPanel::showModel(const ModelSummary& summary) {
  const ModelInfo& info = summary.info;
  placeholder_->hide();
  facts_->show();
  random_badge_->setVisible(summary.is_random());
  random_badge_->setToolTip(summary.random_note ? tr("config.json says: %1")
                                                      .arg(QString::fromStdString(*summary.random_note))
                                                : QString());
  family_->setText(family_name(summary));
  architecture_->setText(QString::fromStdString(info.architecture));
  layers_->setText(QString::number(info.layers));
  heads_->setText(info.heads > 0 ? tr("%1 per layer (%2 dims each)").arg(info.heads).arg(info.hidden / info.heads)
                                 : QString::number(info.heads));
  hidden_->setText(QString::number(info.hidden));
  max_tokens_->setText(QString::number(info.max_positions));
  vocabulary_->setText(tr("%1 tokens").arg(QString::fromStdString(format_count(info.vocab_size))));
  parameters_->setText(QString::fromStdString(format_parameter_count(info.parameters)));
  dtype_->setText(QString::fromStdString(info.dtype));
  backend_->setText(backend_text(summary));
  backend_->setToolTip(summary.fallback_reason.empty()
                           ? QString()
                           : tr("OpenCL was chosen but could not be used: %1")
                                 .arg(QString::fromStdString(summary.fallback_reason)));
  load_time_->setText(duration_text(summary.load_millis));
  path_->setText(tr("<b>Path:</b> %1").arg(wrappable_path(QString::fromStdString(info.path))));
  path_->show();
  path_->setToolTip(QString::fromStdString(info.path));
}

}  // namespace as::ui
