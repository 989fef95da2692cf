#pragma once
// The shared colour scale (colour_scale.h) in Qt's types.
#include <QColor>

#include <qcustomplot.h>

#include "ui/colour_scale.h"

namespace as::ui {

inline QColor to_qcolor(Rgb colour) { return {colour.r, colour.g, colour.b}; }

// Viridis with NaN (masked) cells transparent, so the hatched background shows through.
QCPColorGradient attention_gradient();

}  // namespace as::ui
