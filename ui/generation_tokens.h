#pragma once
// The generated text as tokens: the prompt in grey, then each generated token shaded by the
// probability the model gave it. A click on a generated token selects its step; tokens after the
// replay position are faded.
#include <QWidget>

#include <limits>
#include <vector>

#include "ui/token_labels.h"

class QToolButton;

namespace as::ui {

class FlowLayout;

class GenerationTokens : public QWidget {
  Q_OBJECT

 public:
  explicit GenerationTokens(QWidget* parent = nullptr);

  void clear();
  // All tokens so far (prompt first); `probabilities` has one entry per generated token.
  void setTokens(const std::vector<TokenLabel>& labels, int prompt_count, const std::vector<double>& probabilities);
  void setSelectedStep(int step);     // -1: none
  void setReplayPosition(int step);   // steps after it are faded; -1: the prompt alone; INT_MAX: none
  int generatedCount() const { return static_cast<int>(probabilities_.size()); }
  QString tokenText(int step) const;  // what the chip of generated token `step` shows
  QColor shadeOf(int step) const;

  // White for probability 0 through to a saturated green for 1.
  static QColor shade(double probability);

 signals:
  void stepClicked(int step);

 private:
  void restyle(int index);

  FlowLayout* flow_ = nullptr;
  std::vector<QToolButton*> chips_;
  int prompt_count_ = 0;
  std::vector<double> probabilities_;
  int selected_ = -1;
  int replay_ = std::numeric_limits<int>::max();
};

}  // namespace as::ui
