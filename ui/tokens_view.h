#pragma once
// The tokens view: one chip per token, in order, with word starts, continuation pieces ("##…",
// BPE pieces inside a word) and special tokens visibly different; the id and the vocabulary
// string on hover; the token count against the model's maximum. Pointing at a chip reports the
// token (the window highlights it everywhere); right-clicking explains how its word was split.
#include <QVector>
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

  void setResult(const RunResultPtr& result);
  void clear();
  int chipCount() const;
  QLabel* chip(int index) const;
  // Marks token `index` (-1: none) and scrolls it into view.
  void setHoveredToken(int index);
  // Opens the explanation of token `index`'s word; returns the popup (nullptr if there is none).
  QWidget* explainToken(int index);

 signals:
  void tokenHovered(int index);  // -1 when the pointer leaves the chips

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QLabel* makeChip(const RunResult& result, size_t index);
  void fitHeightToChips();
  void showContextMenu(int index, QPoint global);
  bool chipEvent(int index, QEvent* event);

  RunResultPtr result_;
  QLabel* header_ = nullptr;
  QScrollArea* scroll_ = nullptr;
  QWidget* chips_ = nullptr;
  FlowLayout* flow_ = nullptr;
  QVector<QLabel*> chip_list_;
  int hovered_ = -1;
};

}  // namespace as::ui
