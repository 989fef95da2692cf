#pragma once
// The input strip: a sentence (and, for BERT, an optional second sentence), re-run as the user
// types. Edits are debounced so a forward pass starts once typing pauses, not on every key.
#include <QTimer>
#include <QWidget>

#include "ui/run_types.h"

class QAction;
class QLabel;
class QLineEdit;
class QToolButton;

namespace as::ui {

class SentenceEditor : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kDebounceMillis = 250;

  explicit SentenceEditor(QWidget* parent = nullptr);

  void setModel(const ModelSummary& summary);
  // Sets both fields and asks for a run at once (no debounce).
  void setTexts(const QString& text_a, const QString& text_b = {});
  QString textA() const;
  QString textB() const;  // empty unless the model takes sentence pairs

  void showRunning();
  void showResult(const RunResult& result);
  void showError(const QString& message);

  // Puts the model's mask token over the selected word (or the word at the cursor, or at the
  // cursor) of the first sentence; the button and Ctrl+M do this. Runs at once.
  void insertMask();
  QAction* maskAction() const { return mask_action_; }

  // Highlights code points [start, end) of the first (or the second) sentence, when the field
  // still holds `text`, the text the token came from. An empty span clears the highlight.
  void highlightSpan(bool second, const QString& text, int64_t start, int64_t end);
  void clearHighlight();
  // The highlighted UTF-16 range [begin, end) of each field, or {-1, -1}: what tests check.
  std::pair<int, int> highlighted(bool second) const;

 signals:
  // The texts to run, after typing paused for kDebounceMillis.
  void inputChanged(const QString& text_a, const QString& text_b);

 private:
  void emitInput();
  void setFieldHighlight(QLineEdit* field, int begin, int end);

  QLineEdit* text_a_ = nullptr;
  QLabel* label_b_ = nullptr;
  QLineEdit* text_b_ = nullptr;
  QLabel* stats_ = nullptr;
  QLabel* running_ = nullptr;
  QLabel* warning_ = nullptr;
  QAction* mask_action_ = nullptr;
  QToolButton* mask_button_ = nullptr;
  QString mask_token_;
  QTimer debounce_;
  bool pairs_ = false;
  std::pair<int, int> highlight_a_{-1, -1};
  std::pair<int, int> highlight_b_{-1, -1};
};

}  // namespace as::ui
