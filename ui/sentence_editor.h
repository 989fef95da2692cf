#pragma once
// The input strip: a sentence (and, for BERT, an optional second sentence), re-run as the user
// types. Edits are debounced so a forward pass starts once typing pauses, not on every key.
#include <QTimer>
#include <QWidget>

#include "ui/run_types.h"

class QLabel;
class QLineEdit;

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

 signals:
  // The texts to run, after typing paused for kDebounceMillis.
  void inputChanged(const QString& text_a, const QString& text_b);

 private:
  void emitInput();

  QLineEdit* text_a_ = nullptr;
  QLabel* label_b_ = nullptr;
  QLineEdit* text_b_ = nullptr;
  QLabel* stats_ = nullptr;
  QLabel* running_ = nullptr;
  QLabel* warning_ = nullptr;
  QTimer debounce_;
  bool pairs_ = false;
};

}  // namespace as::ui
