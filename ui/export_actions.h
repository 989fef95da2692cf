#pragma once
// The window's export commands: a figure of the heatmap, the model grid or the head view (PNG,
// SVG, PDF; Ctrl+E), the heatmap's numbers as CSV, every attention of the run as JSON, and every
// layer × head into a folder. Slow exports run without blocking the window.
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

#include "ui/batch_export.h"
#include "ui/colour_scale.h"
#include "ui/export_dialog.h"
#include "ui/run_types.h"

class QAction;
class QProgressDialog;
class QWidget;

namespace as::ui {

class AppSettings;
class BatchExport;
class Figure;
class HeadGridView;
class HeadLinesView;
class HeatmapView;

class ExportActions : public QObject {
  Q_OBJECT

 public:
  struct Views {
    HeatmapView* heatmap = nullptr;
    HeadGridView* grid = nullptr;
    HeadLinesView* lines = nullptr;
  };

  ExportActions(QWidget* window, Views views, AppSettings& settings);
  ~ExportActions() override;

  QAction* figureAction() const { return figure_; }
  QAction* csvAction() const { return csv_; }
  QAction* jsonAction() const { return json_; }
  QAction* batchAction() const { return batch_; }

  void setResult(const RunResultPtr& result);
  void setColourMap(ColourMap colours) { colours_ = colours; }
  // What the export dialog offers first: the view the user looks at.
  void setCurrentTarget(ExportTarget target) { current_ = target; }
  void updateEnabled();
  // Writes every layer × head of `job` into its folder with a progress dialog (what the menu's
  // batch export does after asking for the format and the folder).
  void startBatch(BatchExport::Job job);
  // Writes every attention of the current result to `file` as JSON on a thread of its own.
  void startJson(const QString& file);

  bool available(ExportTarget target) const;
  std::unique_ptr<Figure> figureFor(ExportTarget target) const;
  // Writes `target` to `file` (format by suffix; CSV for the heatmap); an error message or empty.
  QString exportTo(ExportTarget target, const QString& file, const ExportSize& size) const;
  QString title(ExportTarget target) const;

 signals:
  void message(const QString& text);

 private:
  void chooseFigure();
  void chooseCsv();
  void chooseJson();
  void chooseBatch();
  void report(const QString& error, const QString& done);
  QString askFile(const QString& caption, const QString& name, const QString& filter);

  QWidget* window_;
  Views views_;
  AppSettings& settings_;
  RunResultPtr result_;
  ColourMap colours_ = ColourMap::Viridis;
  ExportTarget current_ = ExportTarget::Heatmap;
  QAction* figure_ = nullptr;
  QAction* csv_ = nullptr;
  QAction* json_ = nullptr;
  QAction* batch_ = nullptr;
  QPointer<BatchExport> running_batch_;
  QList<QPointer<QThread>> writers_;  // JSON files being written; cancelled and waited for on destruction
  // Raised on destruction: a JSON export still being built stops and writes nothing.
  std::shared_ptr<std::atomic<bool>> cancel_writers_ = std::make_shared<std::atomic<bool>>(false);
};

}  // namespace as::ui
