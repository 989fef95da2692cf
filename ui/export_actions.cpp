#include "ui/export_actions.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QThread>

#include "core/error.h"
#include "ui/app_settings.h"
#include "ui/attention_export.h"
#include "ui/batch_export.h"
#include "ui/figure.h"
#include "ui/grid_figure.h"
#include "ui/head_grid_view.h"
#include "ui/head_lines_view.h"
#include "ui/heatmap_view.h"
#include "ui/model_name.h"

namespace as::ui {

ExportActions::ExportActions(QWidget* window, Views views, AppSettings& settings)
    : QObject(window), window_(window), views_(views), settings_(settings) {
  figure_ = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("&Export figure…"), this);
  figure_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  figure_->setToolTip(tr("Save the heatmap, the model grid or the head view as PNG, SVG or PDF (Ctrl+E)"));
  csv_ = new QAction(tr("Export heatmap numbers as &CSV…"), this);
  json_ = new QAction(tr("Export all attentions as &JSON…"), this);
  batch_ = new QAction(tr("Export every layer × &head to a folder…"), this);
  connect(figure_, &QAction::triggered, this, &ExportActions::chooseFigure);
  connect(csv_, &QAction::triggered, this, &ExportActions::chooseCsv);
  connect(json_, &QAction::triggered, this, &ExportActions::chooseJson);
  connect(batch_, &QAction::triggered, this, &ExportActions::chooseBatch);
  updateEnabled();
}

ExportActions::~ExportActions() {
  // Files are written atomically (write_text_file), so stopping a writer leaves no partial file;
  // one already past building its text finishes the write, which is short.
  cancel_writers_->store(true);
  for (const QPointer<QThread>& writer : writers_) {
    if (!writer) continue;
    writer->wait();
    delete writer.data();  // its finished() handler died with this object
  }
}

void ExportActions::setResult(const RunResultPtr& result) {
  result_ = result;
  updateEnabled();
}

void ExportActions::updateEnabled() {
  const bool any = result_ && result_->layer_count() > 0;
  figure_->setEnabled(any);
  csv_->setEnabled(views_.heatmap->canExport());
  // A long input keeps only the layers on screen (RunResult::overview): the all-layer exports
  // would need every layer's full matrices, which is what the overview exists to avoid.
  const bool every_layer = any && !result_->overview;
  json_->setEnabled(every_layer);
  batch_->setEnabled(every_layer && !running_batch_);
  const QString why = any && result_->overview
                          ? tr(" — not for this input: it has %1 tokens, so only the layers on screen are kept "
                               "(attentionscope-cli run --out exports every layer of any input)")
                                .arg(result_->token_count())
                          : QString();
  for (QAction* action : {json_, batch_}) {
    action->setToolTip(action->text().remove(QLatin1Char('&')) + why);
    action->setStatusTip(action->toolTip());
  }
}

bool ExportActions::available(ExportTarget target) const {
  switch (target) {
    case ExportTarget::Grid: return !views_.grid->thumbnails().empty();
    case ExportTarget::HeadLines: return views_.lines->canExport();
    case ExportTarget::Heatmap: break;
  }
  return views_.heatmap->canExport();
}

QString ExportActions::title(ExportTarget target) const {
  switch (target) {
    case ExportTarget::Grid: {
      const QString model = result_ && result_->model
                                ? model_display_name(QString::fromStdString(result_->model->info.path))
                                : QString();
      return tr("%1 · all layers × heads").arg(model);
    }
    case ExportTarget::HeadLines: {
      const auto figure = views_.lines->figure();
      return figure ? figure->title() : QString();
    }
    case ExportTarget::Heatmap: break;
  }
  const auto& data = views_.heatmap->shownData();
  return data ? QString::fromStdString(data->title) : QString();
}

std::unique_ptr<Figure> ExportActions::figureFor(ExportTarget target) const {
  if (!available(target)) return nullptr;
  switch (target) {
    case ExportTarget::Grid: return std::make_unique<GridFigure>(views_.grid->thumbnails(), title(target), colours_);
    case ExportTarget::HeadLines: return views_.lines->figure();
    case ExportTarget::Heatmap: break;
  }
  return views_.heatmap->figure();
}

QString ExportActions::exportTo(ExportTarget target, const QString& file, const ExportSize& size) const {
  if (target == ExportTarget::Heatmap) return views_.heatmap->exportTo(file, size);
  const auto figure = figureFor(target);
  if (!figure) return tr("There is nothing to export yet.");
  return write_figure(*figure, file, size);
}

void ExportActions::report(const QString& error, const QString& done) {
  if (error.isEmpty()) {
    emit message(done);
  } else {
    QMessageBox::warning(window_, tr("Export failed"), error);
  }
}

void ExportActions::chooseFigure() {
  ExportDialog dialog(window_);
  for (ExportTarget t : {ExportTarget::Heatmap, ExportTarget::Grid, ExportTarget::HeadLines}) {
    dialog.setAvailable(t, available(t));
  }
  dialog.setTarget(available(current_) ? current_ : ExportTarget::Heatmap);
  dialog.setExportSize(settings_.exportSize());
  const auto choice = ExportDialog::ask(dialog, settings_.exportFolder(), [this](ExportTarget t) { return title(t); });
  if (!choice) return;
  settings_.setExportSize(choice->size);
  settings_.setExportFolder(QFileInfo(choice->file).absolutePath());
  report(exportTo(choice->target, choice->file, choice->size), tr("Saved %1").arg(choice->file));
}

QString ExportActions::askFile(const QString& caption, const QString& name, const QString& filter) {
  const QString file = QFileDialog::getSaveFileName(window_, caption, QDir(settings_.exportFolder()).filePath(name),
                                                    filter);
  if (!file.isEmpty()) settings_.setExportFolder(QFileInfo(file).absolutePath());
  return file;
}

void ExportActions::chooseCsv() {
  if (!views_.heatmap->canExport()) return;
  QString file = askFile(tr("Export heatmap numbers"), file_name_for(title(ExportTarget::Heatmap)) + ".csv",
                         tr("CSV tables (*.csv)"));
  if (file.isEmpty()) return;
  if (!file.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) file += QLatin1String(".csv");
  report(views_.heatmap->exportTo(file, {}), tr("Saved %1").arg(file));
}

// A 512-token run of a 12 × 12 model is 38 million numbers: written on a thread of its own.
void ExportActions::chooseJson() {
  if (!result_) return;
  QString file = askFile(tr("Export all attentions"), QStringLiteral("attentions.json"), tr("JSON files (*.json)"));
  if (file.isEmpty()) return;
  if (!file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) file += QLatin1String(".json");
  startJson(file);
}

void ExportActions::startJson(const QString& file) {
  if (!result_) return;
  auto error = std::make_shared<QString>();
  QThread* thread = QThread::create([result = result_, file, error, cancel = cancel_writers_] {
    try {
      *error = write_text_file(file, attentions_json(*result, cancel.get()));
    } catch (const Cancelled&) {
      *error = tr("Export of %1 was cancelled; nothing was written.").arg(file);
    }
  });
  connect(thread, &QThread::finished, this, [this, thread, error, file] {
    thread->deleteLater();
    report(*error, tr("Saved every attention to %1").arg(file));
  });
  emit message(tr("Writing %1…").arg(file));
  writers_.removeAll(nullptr);
  writers_.append(thread);
  thread->start();
}

void ExportActions::chooseBatch() {
  if (!result_ || running_batch_) return;
  ExportDialog dialog(window_);
  dialog.setWindowTitle(tr("Export every layer × head"));
  dialog.setTarget(ExportTarget::Heatmap);
  dialog.setAvailable(ExportTarget::Grid, false);
  dialog.setAvailable(ExportTarget::HeadLines, false);
  dialog.setExportSize(settings_.exportSize());
  if (dialog.exec() != QDialog::Accepted) return;
  const QString folder = QFileDialog::getExistingDirectory(window_, tr("Folder for the files"), settings_.exportFolder());
  if (folder.isEmpty()) return;
  settings_.setExportFolder(folder);
  const HeatmapSelection selection = views_.heatmap->selection();
  startBatch({result_, folder, dialog.format(), dialog.exportSize(), selection.values, selection.fixed_unit_range,
              colours_});
}

void ExportActions::startBatch(BatchExport::Job job) {
  if (running_batch_) return;
  const QString folder = job.folder;
  auto* batch = new BatchExport(std::move(job), this);
  auto* progress = new QProgressDialog(tr("Exporting every layer × head…"), tr("Cancel"), 0, batch->total(), window_);
  progress->setWindowModality(Qt::WindowModal);
  progress->setMinimumDuration(300);
  connect(batch, &BatchExport::progress, progress, &QProgressDialog::setValue);
  connect(progress, &QProgressDialog::canceled, batch, &BatchExport::cancel);
  connect(batch, &BatchExport::finished, this, [this, batch, progress, folder](const QString& error, int written) {
    progress->deleteLater();
    batch->deleteLater();
    running_batch_ = nullptr;
    report(error, tr("Wrote %1 files to %2").arg(written).arg(folder));
    updateEnabled();
  });
  running_batch_ = batch;
  updateEnabled();
  batch->start();
}

}  // namespace as::ui
