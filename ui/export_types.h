#pragma once
// What an export is asked for: the format (from the file's suffix), the figure's size and the
// PNG resolution. Sizes are logical pixels of 1/96 inch, as on a standard screen, so one size
// means the same picture in every format: PNG gets size × dpi / 96 pixels (and that DPI in its
// metadata), PDF a page of size × 0.75 points, SVG width and height of size user units.
#include <QSize>
#include <QSizeF>
#include <QString>

#include <optional>

namespace as::ui {

constexpr int kLogicalDpi = 96;

enum class ExportFormat { Png, Svg, Pdf, Csv, Json };

struct ExportSize {
  QSize size{1600, 1200};
  int dpi = kLogicalDpi;  // PNG only
};

std::optional<ExportFormat> export_format_for(const QString& file);
QString suffix_of(ExportFormat format);
bool is_figure_format(ExportFormat format);  // PNG, SVG, PDF

QSize png_pixels(const ExportSize& size);
QSizeF pdf_points(QSize size);

// "1600x1200" -> QSize; nullopt unless both sides are whole numbers in [min_side, 20000].
std::optional<QSize> parse_size(const QString& text, int min_side = 100);

}  // namespace as::ui
