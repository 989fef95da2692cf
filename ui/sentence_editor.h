#pragma once
// The input strip: a sentence (and, for BERT, an optional second sentence), re-run as the user
// types. Edits are debounced so a forward pass starts once typing pauses, not on every key.
#include <QTimer>
#include <QWidget>

#include "ui/run_types.h"

class QAction;
class QLabel;
class QResizeEvent;
class QLineEdit;
class QToolButton;

namespace as::ui {

class SentenceEditor : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kDebounceMillis = 250;
  // Characters a field holds. A megabyte pasted by mistake is cut here, where the cut is cheap and
  // visible, instead of making the worker tokenise it and the field lay it out (laying out 32K
  // characters costs QLineEdit ~0.2 s per edit, 16K ~0.06 s). The models read at most 1024 tokens
  // (GPT-2), so this leaves 16 characters per position; the engine then truncates the tokens to
  // the model's maximum and says so.
  static constexpr int kMaxChars = 16384;

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
  void showWarnings();
  void fitWarningHeight();
  void resizeEvent(QResizeEvent* event) override;
  void setFieldHighlight(QLineEdit* field, int begin, int end);

  QLineEdit* text_a_ = nullptr;
  QLabel* label_b_ = nullptr;
  QLineEdit* text_b_ = nullptr;
  QLabel* stats_ = nullptr;
  QLabel* running_ = nullptr;
  QLabel* warning_ = nullptr;
  QStringList result_warnings_;  // from the latest result; shown with the field-limit warning
  QAction* mask_action_ = nullptr;
  QToolButton* mask_button_ = nullptr;
  QString mask_token_;
  QTimer debounce_;
  bool pairs_ = false;
  std::pair<int, int> highlight_a_{-1, -1};
  std::pair<int, int> highlight_b_{-1, -1};
};

}  // namespace as::ui
