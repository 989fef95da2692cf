#pragma once
// One generation step in detail: the five most likely next tokens (the chosen one marked) and the
// attention of the position that predicted it over the prompt and the tokens generated before.
#include <QWidget>

#include <vector>

#include "ui/pipeline_types.h"

class QComboBox;
class QLabel;

namespace as::ui {

class BarChart;

class GenerationStepView : public QWidget {
  Q_OBJECT

 public:
  explicit GenerationStepView(QWidget* parent = nullptr);

  void clear();
  // `prompt_count` tells prompt keys from generated ones; `layers`/`heads` fill the choosers.
  void showStep(const GenerationUpdatePtr& update, int prompt_count);
  void setLayer(int layer);
  void setHead(int head);  // -1 = mean of the heads

  const std::vector<double>& attentionRow() const { return row_; }
  BarChart* alternativesChart() const { return alternatives_; }
  BarChart* attentionChart() const { return attention_; }

 private:
  void refreshAttention();
  void fillChoosers(int layers, int heads);

  GenerationUpdatePtr update_;
  int prompt_count_ = 0;
  std::vector<double> row_;
  QLabel* heading_ = nullptr;
  QComboBox* layer_ = nullptr;
  QComboBox* head_ = nullptr;
  BarChart* alternatives_ = nullptr;
  BarChart* attention_ = nullptr;
};

// A vocabulary string as a reader sees it ("Ġthe" → "␣the", byte pieces decoded).
QString readable_token(const std::string& vocabulary_string, bool byte_level);

}  // namespace as::ui
