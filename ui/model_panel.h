#pragma once
// The model panel: what is loaded (family, shapes, size, dtype, backend, load time, path) and a
// badge that cannot be missed when the weights are random test weights.
#include <QWidget>

#include "ui/run_types.h"

class QFormLayout;
class QLabel;

namespace as::ui {

class ModelPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ModelPanel(QWidget* parent = nullptr);

  void showNoModel();
  void showModel(const ModelSummary& summary);

 private:
  QLabel* addRow(const QString& name);

  QLabel* placeholder_ = nullptr;
  QLabel* random_badge_ = nullptr;
  QWidget* facts_ = nullptr;
  QFormLayout* form_ = nullptr;
  QLabel* family_ = nullptr;
  QLabel* architecture_ = nullptr;
  QLabel* layers_ = nullptr;
  QLabel* heads_ = nullptr;
  QLabel* hidden_ = nullptr;
  QLabel* max_tokens_ = nullptr;
  QLabel* vocabulary_ = nullptr;
  QLabel* parameters_ = nullptr;
  QLabel* dtype_ = nullptr;
  QLabel* backend_ = nullptr;
  QLabel* load_time_ = nullptr;
  QLabel* path_ = nullptr;
};

}  // namespace as::ui
