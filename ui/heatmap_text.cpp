#include "ui/heatmap_text.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace as::ui {
namespace {


// One " · "-separated part of a title, translated; unknown parts are kept as they are.
QString display_part(const QString& part) {
  static const QRegularExpression layer(QStringLiteral("^Layer (\\d+)$"));
  static const QRegularExpression head(QStringLiteral("^head (\\d+)$"));
  static const QRegularExpression rollout(QStringLiteral("^Attention rollout through layers 0–(\\d+)$"));
  if (const auto m = layer.match(part); m.hasMatch()) {
    return QCoreApplication::translate("HeatmapText", "Layer %1").arg(m.captured(1));
  }
  if (const auto m = head.match(part); m.hasMatch()) {
    return QCoreApplication::translate("HeatmapText", "head %1").arg(m.captured(1));
  }
  if (const auto m = rollout.match(part); m.hasMatch()) {
    return QCoreApplication::translate("HeatmapText", "Attention rollout through layers 0–%1").arg(m.captured(1));
  }
  if (part == QLatin1String("mean of heads")) return QCoreApplication::translate("HeatmapText", "mean of heads");
  if (part == QLatin1String("max of heads")) return QCoreApplication::translate("HeatmapText", "max of heads");
  if (part == QLatin1String("attention probabilities")) {
    return QCoreApplication::translate("HeatmapText", "attention probabilities");
  }
  if (part == QLatin1String("pre-softmax scores")) return QCoreApplication::translate("HeatmapText", "pre-softmax scores");
  return part;
}

}  // namespace

QString display_heatmap_title(const std::string& english) {
  const QString separator = QStringLiteral(" · ");
  QStringList parts = QString::fromStdString(english).split(separator);
  for (QString& part : parts) part = display_part(part);
  return parts.join(separator);
}

QString display_value_name(const std::string& english) {
  const QString name = QString::fromStdString(english);
  if (name == QLatin1String("probability")) return QCoreApplication::translate("HeatmapText", "probability");
  if (name == QLatin1String("score")) return QCoreApplication::translate("HeatmapText", "score");
  if (name == QLatin1String("rollout")) return QCoreApplication::translate("HeatmapText", "rollout");
  return name;
}

}  // namespace as::ui
