#pragma once
// The shared colour scales (colour_scale.h) in Qt's types.
#include <QColor>

#include <qcustomplot.h>

#include "ui/colour_scale.h"

namespace as::ui {

inline QColor to_qcolor(Rgb colour) { return {colour.r, colour.g, colour.b}; }

// The colour map with NaN (masked) cells transparent, so the hatched background shows through.
QCPColorGradient attention_gradient(ColourMap map = ColourMap::Viridis);

// A human name for menus: "Viridis", "Magma", "Greys".
QString colour_map_title(ColourMap map);

}  // namespace as::ui
