#include "ui/generation_tokens.h"

#include <QToolButton>

#include <algorithm>
#include <limits>

#include "ui/flow_layout.h"

namespace as::ui {
namespace {

constexpr int kShowAll = std::numeric_limits<int>::max();

}  // namespace

GenerationTokens::GenerationTokens(QWidget* parent) : QWidget(parent) {
  flow_ = new FlowLayout(this, 3);
  flow_->setContentsMargins(4, 4, 4, 4);
}

QColor GenerationTokens::shade(double probability) {
  const double p = std::clamp(probability, 0.0, 1.0);
  const QColor white(255, 255, 255);
  const QColor green(46, 160, 67);
  const auto mix = [p](int a, int b) { return static_cast<int>(a + (b - a) * p + 0.5); };
  return QColor(mix(white.red(), green.red()), mix(white.green(), green.green()), mix(white.blue(), green.blue()));
}

void GenerationTokens::clear() {
  for (QToolButton* chip : chips_) delete chip;
  chips_.clear();
  probabilities_.clear();
  prompt_count_ = 0;
  selected_ = -1;
  replay_ = kShowAll;
}

void GenerationTokens::setTokens(const std::vector<TokenLabel>& labels, int prompt_count,
                                 const std::vector<double>& probabilities) {
  prompt_count_ = prompt_count;
  probabilities_ = probabilities;
  while (chips_.size() < labels.size()) {
    const int index = static_cast<int>(chips_.size());
    auto* chip = new QToolButton(this);
    chip->setAutoRaise(false);
    chip->setFocusPolicy(Qt::NoFocus);
    if (index >= prompt_count_) {
      connect(chip, &QToolButton::clicked, this, [this, index] { emit stepClicked(index - prompt_count_); });
    }
    flow_->addWidget(chip);
    chips_.push_back(chip);
  }
  for (size_t i = 0; i < labels.size(); ++i) {
    // The label's body with its space marker: where words start matters when reading the text.
    chips_[i]->setText(QString::fromStdString(labels[i].text()).replace(QLatin1Char('&'), QLatin1String("&&")));
    const int step = static_cast<int>(i) - prompt_count_;
    if (step >= 0 && static_cast<size_t>(step) < probabilities_.size()) {
      chips_[i]->setToolTip(tr("Step %1 · probability %2 % — click for its alternatives and attention")
                                .arg(step + 1)
                                .arg(probabilities_[static_cast<size_t>(step)] * 100.0, 0, 'f', 2));
    } else {
      chips_[i]->setToolTip(tr("Prompt token %1").arg(i));
    }
    restyle(static_cast<int>(i));
  }
}

void GenerationTokens::setSelectedStep(int step) {
  const int old = selected_;
  selected_ = step;
  if (old >= 0) restyle(old + prompt_count_);
  if (step >= 0) restyle(step + prompt_count_);
}

void GenerationTokens::setReplayPosition(int step) {
  replay_ = step;
  for (size_t i = static_cast<size_t>(prompt_count_); i < chips_.size(); ++i) restyle(static_cast<int>(i));
}

QString GenerationTokens::tokenText(int step) const {
  const size_t i = static_cast<size_t>(step + prompt_count_);
  return step >= 0 && i < chips_.size() ? chips_[i]->text().replace(QLatin1String("&&"), QLatin1String("&")) : QString();
}

QColor GenerationTokens::shadeOf(int step) const {
  return step >= 0 && static_cast<size_t>(step) < probabilities_.size() ? shade(probabilities_[static_cast<size_t>(step)])
                                                                      : QColor();
}

void GenerationTokens::restyle(int index) {
  if (index < 0 || static_cast<size_t>(index) >= chips_.size()) return;
  const int step = index - prompt_count_;
  QString style;
  if (step < 0) {
    style = QStringLiteral("QToolButton { background: #ececec; color: #303030; border: 1px solid #c8c8c8; "
                           "border-radius: 3px; padding: 2px 4px; }");
  } else {
    const bool faded = step > replay_;
    const QColor fill = faded ? QColor(248, 248, 248) : shadeOf(step);
    const QString border = step == selected_ ? QStringLiteral("2px solid #e0531f") : QStringLiteral("1px solid #8fbf9a");
    style = QStringLiteral("QToolButton { background: %1; color: %2; border: %3; border-radius: 3px; padding: 2px 4px; }")
                .arg(fill.name(), faded ? QStringLiteral("#b0b0b0") : QStringLiteral("#101010"), border);
  }
  chips_[static_cast<size_t>(index)]->setStyleSheet(style);
}

}  // namespace as::ui
