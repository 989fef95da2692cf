#pragma once
// A picture that can be exported: the heatmap, the model grid or the head view. Each draws itself
// with a QPainter at a given logical size (PNG and PDF come from that one drawing) and writes its
// own SVG (Qt's SVG module is not a dependency).
#include <QSize>
#include <QString>

#include <string>

#include "ui/export_types.h"

class QCPPainter;

namespace as::ui {

class Figure {
 public:
  virtual ~Figure() = default;
  virtual QString title() const = 0;
  // Fills `size` logical pixels, white background included.
  virtual void paint(QCPPainter& painter, QSize size) const = 0;
  virtual std::string svg(QSize size) const = 0;
};

// Writes `figure` as PNG, SVG or PDF, chosen by the file's suffix. Returns an error message for
// the user, empty on success. Both writers are atomic: on failure no file with the final name is
// left behind (an existing one stays as it was).
QString write_figure(const Figure& figure, const QString& file, const ExportSize& size);

// Writes `bytes` to `file`; an error message, empty on success.
QString write_text_file(const QString& file, const std::string& bytes);

}  // namespace as::ui
