#pragma once
// The fill-mask panel: what a masked-LM predicts for each mask token of the sentence, as a top-k
// bar chart and a list; optional target words; clicking a candidate puts it in the sentence
// (which re-runs the attention views); with a second sentence, BERT's next-sentence probability.
#include <QWidget>

#include "ui/pipeline_types.h"
#include "ui/run_types.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTreeWidget;

namespace as::ui {

class BarChart;
class SessionController;

class FillMaskPanel : public QWidget {
  Q_OBJECT

 public:
  explicit FillMaskPanel(SessionController* controller, QWidget* parent = nullptr);

  void setModel(const ModelSummary& summary);
  // The editor's sentences: predicts when the first holds a mask token.
  void setInput(const QString& text_a, const QString& text_b);

  void setTopK(int k);
  void setTargets(const QString& comma_separated);
  // Puts candidate `row` of the mask shown into the sentence (as clicking it does).
  void chooseCandidate(int row);

  FillMaskOutcomePtr outcome() const { return outcome_; }
  int shownMask() const;
  QTreeWidget* candidateList() const { return list_; }
  BarChart* chart() const { return chart_; }
  QString nextSentenceText() const;
  QString statusText() const;

 signals:
  // The first sentence with the chosen candidate in the mask's place.
  void fillRequested(const QString& text_a);

 private:
  void request();
  void onFinished(const FillMaskOutcomePtr& outcome);
  void onFailed(const QString& message);
  void showMask(int index);
  void showStatus(const QString& text);

  SessionController* controller_ = nullptr;
  QString mask_token_;
  bool enabled_ = false;
  QString text_a_;
  QString text_b_;
  FillMaskOutcomePtr outcome_;
  QSpinBox* top_k_ = nullptr;
  QLineEdit* targets_ = nullptr;
  QComboBox* masks_ = nullptr;
  QLabel* status_ = nullptr;
  QLabel* nsp_ = nullptr;
  BarChart* chart_ = nullptr;
  QTreeWidget* list_ = nullptr;
};

}  // namespace as::ui
