#include "ui/qt_colours.h"

#include <QMap>

namespace as::ui {

QCPColorGradient attention_gradient(ColourMap map) {
  QMap<double, QColor> stops;
  for (const auto& stop : colour_stops(map)) stops.insert(stop.position, to_qcolor(stop.colour));
  QCPColorGradient gradient;
  gradient.setColorStops(stops);
  gradient.setColorInterpolation(QCPColorGradient::ciRGB);  // as colour_at() interpolates
  gradient.setLevelCount(256);
  gradient.setNanHandling(QCPColorGradient::nhTransparent);
  return gradient;
}

QString colour_map_title(ColourMap map) {
  switch (map) {
    case ColourMap::Magma: return QObject::tr("Magma");
    case ColourMap::Greys: return QObject::tr("Greys");
    case ColourMap::Diverging: return QObject::tr("Blue–white–red");
    case ColourMap::Viridis: break;
  }
  return QObject::tr("Viridis");
}

}  // namespace as::ui
