#pragma once
// Status-bar strip shown while a checkpoint loads: phase, progress and a Cancel button.
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace as::ui {

class LoadProgress : public QWidget {
  Q_OBJECT

 public:
  explicit LoadProgress(QWidget* parent = nullptr);

  void start(const QString& dir);
  void update(double fraction, const QString& phase);
  void finish();

 signals:
  void cancelRequested();

 private:
  QLabel* label_ = nullptr;
  QProgressBar* bar_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QString folder_name_;
};

}  // namespace as::ui
