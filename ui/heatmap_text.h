#pragma once
// The heatmap's Qt-free title and value name ("Layer 1 · mean of heads · attention
// probabilities", "probability") in the UI language, for the plot on screen and in PNG/PDF
// exports. The English strings stay the data's own (file names, CSV/JSON/SVG).
#include <QString>

#include <string>

namespace as::ui {

QString display_heatmap_title(const std::string& english);
QString display_value_name(const std::string& english);

}  // namespace as::ui
