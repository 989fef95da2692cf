#include "ui/batch_export.h"

#include <QDir>

#include "ui/attention_export.h"
#include "ui/figure.h"
#include "ui/heatmap_figure.h"

namespace as::ui {
namespace {

int digits(int count) { return static_cast<int>(QString::number(std::max(0, count - 1)).size()); }

std::vector<std::string> label_texts(const RunResult& result) {
  std::vector<std::string> labels;
  for (const TokenLabel& label : result.labels) labels.push_back(label.text());
  return labels;
}

}  // namespace

BatchExport::BatchExport(Job job, QObject* parent) : QObject(parent), job_(std::move(job)) {
  timer_.setInterval(0);
  connect(&timer_, &QTimer::timeout, this, &BatchExport::step);
}

int BatchExport::total() const {
  return job_.result ? static_cast<int>(job_.result->layer_count() * job_.result->head_count()) : 0;
}

QString BatchExport::fileName(int layer, int head, int layers, int heads, ExportFormat format) {
  return QStringLiteral("layer-%1-head-%2.%3")
      .arg(layer, digits(layers), 10, QLatin1Char('0'))
      .arg(head, digits(heads), 10, QLatin1Char('0'))
      .arg(suffix_of(format));
}

void BatchExport::start() {
  if (!QDir().mkpath(job_.folder)) {
    emit finished(tr("Could not create the folder %1.").arg(job_.folder), 0);
    return;
  }
  emit progress(0, total());
  timer_.start();
}

void BatchExport::cancel() { cancelled_ = true; }

void BatchExport::step() {
  if (cancelled_ || next_ >= total()) {
    timer_.stop();
    emit finished(QString(), next_);
    return;
  }
  const int heads = static_cast<int>(job_.result->head_count());
  const QString error = exportOne(next_ / heads, next_ % heads);
  if (!error.isEmpty()) {
    timer_.stop();
    emit finished(error, next_);
    return;
  }
  ++next_;
  emit progress(next_, total());
}

QString BatchExport::exportOne(int layer, int head) const {
  const RunResult& result = *job_.result;
  HeatmapSelection selection{layer, head, HeatmapMode::SingleHead, job_.values, job_.fixed_unit_range};
  HeatmapData data = heatmap_data(result.forward, selection);
  const QString file = QDir(job_.folder).filePath(fileName(layer, head, static_cast<int>(result.layer_count()),
                                                           static_cast<int>(result.head_count()), job_.format));
  if (job_.format == ExportFormat::Csv) {
    const auto labels = label_texts(result);
    return write_text_file(file, matrix_csv(data.matrix, labels, labels));
  }
  QStringList labels;
  for (const std::string& label : label_texts(result)) labels << QString::fromStdString(label);
  return write_figure(HeatmapFigure(std::move(data), labels, job_.colours), file, job_.size);
}

}  // namespace as::ui
