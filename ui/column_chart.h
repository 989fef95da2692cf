#pragma once
// A small vertical bar (column) chart (QCustomPlot) for the teaching panels: one bar per value, optional text
// labels under the bars, a title. Used for a query vector, one row of weights, a weighted sum.
#include <QStringList>

#include <vector>

#include <qcustomplot.h>

namespace as::ui {

class ColumnChart : public QCustomPlot {
  Q_OBJECT

 public:
  explicit ColumnChart(const QString& title, QWidget* parent = nullptr);

  // `labels` (one per value) name the bars; empty: the bars are numbered 0, 1, ...
  void setValues(const std::vector<double>& values, const QStringList& labels = {});
  void clearValues();
  std::vector<double> values() const { return values_; }
  void setBarColour(const QColor& colour);
  // The value axis runs 0..1 (probabilities) instead of following the data.
  void setUnitRange(bool unit) { unit_range_ = unit; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void applyFonts();

  QCPBars* bars_ = nullptr;
  QCPTextElement* title_ = nullptr;
  std::vector<double> values_;
  bool unit_range_ = false;
};

}  // namespace as::ui
