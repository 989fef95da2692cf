#pragma once
// A horizontal bar chart with one labelled bar per row, first row on top, each bar's value
// written beside it: the fill-mask candidates, a generation step's alternatives and its
// attention over the earlier tokens.
#include <QColor>
#include <QStringList>
#include <QVector>

#include "qcustomplot.h"

namespace as::ui {

struct Bar {
  QString label;
  double value = 0.0;
  QColor colour;
};

class BarChart : public QCustomPlot {
  Q_OBJECT

 public:
  explicit BarChart(QWidget* parent = nullptr);

  // `value_axis` names the values ("probability"); values are drawn as percentages when
  // `percent`. The value axis spans 0..max(1e-9, largest value) unless fixed by setValueMax.
  void setBars(const QVector<Bar>& bars, const QString& value_axis, bool percent = true);
  void setValueMax(double max) { value_max_ = max; }
  void setTitle(const QString& title);
  const QVector<Bar>& bars() const { return bars_; }
  QString title() const;

 signals:
  void barClicked(int row);

 protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void applyFonts();
  void rebuild();

  QVector<Bar> bars_;
  QString value_axis_;
  bool percent_ = true;
  double value_max_ = 0.0;  // 0 = from the data
  QCPTextElement* title_ = nullptr;
};

}  // namespace as::ui
