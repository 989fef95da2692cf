#include "ui/figure.h"

#include <QSaveFile>
#include <QImage>
#include <QPageSize>
#include <QPdfWriter>

#include <cmath>

#include <qcustomplot.h>

namespace as::ui {
namespace {

int dots_per_metre(int dpi) { return static_cast<int>(std::lround(dpi / 0.0254)); }

// Every export goes through a QSaveFile: it writes to a temporary file beside the target and
// renames it over the target only when everything was written, so a failed, cancelled or
// interrupted export never leaves a truncated file (or a clobbered old one) under the name asked for.
QString open_for_saving(QSaveFile& out) {
  if (out.open(QIODevice::WriteOnly)) return {};
  return QObject::tr("Could not write %1: %2").arg(out.fileName(), out.errorString());
}

QString commit(QSaveFile& out) {
  if (out.commit()) return {};
  return QObject::tr("Could not write %1: %2").arg(out.fileName(), out.errorString());
}

QString write_png(const Figure& figure, const QString& file, const ExportSize& size) {
  QImage image(png_pixels(size), QImage::Format_ARGB32_Premultiplied);
  if (image.isNull()) return QObject::tr("A %1 × %2 pixel image is too large.").arg(image.width()).arg(image.height());
  // Fonts are sized in points against the image's DPI: paint at screen DPI, scaled up, and only
  // then record the requested DPI, or text would be scaled twice.
  image.setDotsPerMeterX(dots_per_metre(kLogicalDpi));
  image.setDotsPerMeterY(dots_per_metre(kLogicalDpi));
  image.fill(Qt::white);
  {
    QCPPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const double scale = static_cast<double>(size.dpi) / kLogicalDpi;
    painter.scale(scale, scale);
    figure.paint(painter, size.size);
  }
  image.setDotsPerMeterX(dots_per_metre(size.dpi));
  image.setDotsPerMeterY(dots_per_metre(size.dpi));
  QSaveFile out(file);
  if (QString error = open_for_saving(out); !error.isEmpty()) return error;
  if (!image.save(&out, "PNG")) {
    out.cancelWriting();
    return QObject::tr("Could not write %1: %2").arg(file, out.errorString());
  }
  return commit(out);
}

QString write_pdf(const Figure& figure, const QString& file, const ExportSize& size) {
  QSaveFile out(file);
  if (QString error = open_for_saving(out); !error.isEmpty()) return error;
  QPdfWriter writer(&out);
  writer.setCreator(QStringLiteral("AttentionScope"));
  writer.setTitle(figure.title());
  writer.setResolution(kLogicalDpi);  // one device unit = one logical pixel, fonts as on screen
  writer.setPageSize(QPageSize(pdf_points(size.size), QPageSize::Point, QString(), QPageSize::ExactMatch));
  writer.setPageMargins(QMarginsF(0, 0, 0, 0));
  QCPPainter painter;
  if (!painter.begin(&writer)) {
    out.cancelWriting();
    return QObject::tr("Could not write %1.").arg(file);
  }
  painter.setMode(QCPPainter::pmVectorized);
  painter.setMode(QCPPainter::pmNoCaching);
  figure.paint(painter, size.size);
  if (!painter.end()) {
    out.cancelWriting();
    return QObject::tr("Could not finish %1.").arg(file);
  }
  return commit(out);
}

}  // namespace

QString write_text_file(const QString& file, const std::string& bytes) {
  QSaveFile out(file);
  if (QString error = open_for_saving(out); !error.isEmpty()) return error;
  if (out.write(bytes.data(), static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size())) {
    const QString error = QObject::tr("Could not write %1: %2").arg(file, out.errorString());
    out.cancelWriting();
    return error;
  }
  return commit(out);
}

QString write_figure(const Figure& figure, const QString& file, const ExportSize& size) {
  const auto format = export_format_for(file);
  if (!format || !is_figure_format(*format)) {
    return QObject::tr("Cannot save a figure as '%1': use .png, .svg or .pdf.").arg(file);
  }
  switch (*format) {
    case ExportFormat::Svg: return write_text_file(file, figure.svg(size.size));
    case ExportFormat::Pdf: return write_pdf(figure, file, size);
    default: break;
  }
  return write_png(figure, file, size);
}

}  // namespace as::ui
