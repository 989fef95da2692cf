#include "ui/export_types.h"

#include <QFileInfo>
#include <QStringList>

#include <cmath>

namespace as::ui {

std::optional<ExportFormat> export_format_for(const QString& file) {
  const QString suffix = QFileInfo(file).suffix().toLower();
  for (ExportFormat format : {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf, ExportFormat::Csv,
                              ExportFormat::Json}) {
    if (suffix == suffix_of(format)) return format;
  }
  return std::nullopt;
}

QString suffix_of(ExportFormat format) {
  switch (format) {
    case ExportFormat::Svg: return QStringLiteral("svg");
    case ExportFormat::Pdf: return QStringLiteral("pdf");
    case ExportFormat::Csv: return QStringLiteral("csv");
    case ExportFormat::Json: return QStringLiteral("json");
    case ExportFormat::Png: break;
  }
  return QStringLiteral("png");
}

bool is_figure_format(ExportFormat format) {
  return format == ExportFormat::Png || format == ExportFormat::Svg || format == ExportFormat::Pdf;
}

QSize png_pixels(const ExportSize& size) {
  const double scale = static_cast<double>(size.dpi) / kLogicalDpi;
  return {static_cast<int>(std::lround(size.size.width() * scale)),
          static_cast<int>(std::lround(size.size.height() * scale))};
}

QSizeF pdf_points(QSize size) {
  constexpr double kPointsPerPixel = 72.0 / kLogicalDpi;
  return {size.width() * kPointsPerPixel, size.height() * kPointsPerPixel};
}

std::optional<QSize> parse_size(const QString& text, int min_side) {
  const QStringList parts = text.toLower().split(QLatin1Char('x'));
  if (parts.size() != 2) return std::nullopt;
  bool ok_w = false;
  bool ok_h = false;
  const int w = parts[0].trimmed().toInt(&ok_w);
  const int h = parts[1].trimmed().toInt(&ok_h);
  constexpr int kMaxSide = 20000;
  if (!ok_w || !ok_h || w < min_side || h < min_side || w > kMaxSide || h > kMaxSide) return std::nullopt;
  return QSize(w, h);
}

}  // namespace as::ui
