#include "ui/qt_colours.h"

#include <QMap>

namespace as::ui {

QCPColorGradient attention_gradient() {
  QMap<double, QColor> stops;
  for (const auto& stop : viridis_stops()) stops.insert(stop.position, to_qcolor(stop.colour));
  QCPColorGradient gradient;
  gradient.setColorStops(stops);
  gradient.setColorInterpolation(QCPColorGradient::ciRGB);  // as colour_at() interpolates
  gradient.setLevelCount(256);
  gradient.setNanHandling(QCPColorGradient::nhTransparent);
  return gradient;
}

}  // namespace as::ui
