#pragma once
// The tokens view: one chip per token, in order, with word starts, continuation pieces ("##…",
// BPE pieces inside a word) and special tokens visibly different; the id and the vocabulary
// string on hover; and the token count against the model's maximum.
#include <QWidget>

#include "ui/run_types.h"

class QLabel;
class QScrollArea;

namespace as::ui {

class FlowLayout;

class TokensView : public QWidget {
  Q_OBJECT

 public:
  explicit TokensView(QWidget* parent = nullptr);

  void setResult(const RunResult& result);
  void clear();
  int chipCount() const;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QLabel* makeChip(const RunResult& result, size_t index);
  void fitHeightToChips();

  QLabel* header_ = nullptr;
  QScrollArea* scroll_ = nullptr;
  QWidget* chips_ = nullptr;
  FlowLayout* flow_ = nullptr;
};

}  // namespace as::ui
