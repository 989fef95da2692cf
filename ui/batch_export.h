#pragma once
// Exports every layer × head of one result as separate files into a folder. One file per turn of
// the event loop, so the window stays responsive, the progress shows and Cancel works.
#include <QObject>
#include <QString>
#include <QTimer>

#include "ui/colour_scale.h"
#include "ui/export_types.h"
#include "ui/heatmap_data.h"
#include "ui/run_types.h"

namespace as::ui {

class BatchExport : public QObject {
  Q_OBJECT

 public:
  struct Job {
    RunResultPtr result;
    QString folder;
    ExportFormat format = ExportFormat::Png;
    ExportSize size;
    ValueKind values = ValueKind::Probabilities;
    bool fixed_unit_range = false;
    ColourMap colours = ColourMap::Viridis;
  };

  explicit BatchExport(Job job, QObject* parent = nullptr);

  void start();
  void cancel();
  int total() const;
  // "layer-02-head-11.png": zero-padded so that file managers sort them in model order.
  static QString fileName(int layer, int head, int layers, int heads, ExportFormat format);

 signals:
  void progress(int done, int total);
  void finished(const QString& error, int written);  // error empty on success; "" also when cancelled

 private:
  void step();
  QString exportOne(int layer, int head) const;

  Job job_;
  QTimer timer_;
  int next_ = 0;
  bool cancelled_ = false;
};

}  // namespace as::ui
