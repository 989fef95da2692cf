#include "ui/welcome_page.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/model_name.h"

namespace as::ui {
namespace {

QLabel* paragraph(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setWordWrap(true);
  label->setTextFormat(Qt::RichText);
  label->setAlignment(Qt::AlignHCenter);
  return label;
}

QPushButton* link_button(const QString& text, const QString& tooltip, QWidget* parent) {
  auto* button = new QPushButton(text, parent);
  button->setToolTip(tooltip);
  button->setFlat(true);
  button->setStyleSheet(QStringLiteral("color: #1a5fb4; text-decoration: underline;"));
  return button;
}

void clear_layout(QVBoxLayout* layout) {
  while (QLayoutItem* item = layout->takeAt(0)) {
    delete item->widget();
    delete item;
  }
}

// Long lists would push the rest of the page off screen; the File menu has them all.
constexpr int kMaxCachedShown = 8;

}  // namespace

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent) {
  auto* outer = new QVBoxLayout(this);
  auto* column = new QWidget(this);
  column->setFixedWidth(column->fontMetrics().averageCharWidth() * 80);  // a readable line length
  auto* layout = new QVBoxLayout(column);
  layout->setSpacing(14);
  auto* title = paragraph(tr("<h1>AttentionScope</h1>"), column);
  layout->addWidget(title);
  layout->addWidget(paragraph(
      tr("See where BERT and GPT-2 look: every layer and head of attention, token by token.<br><br>"
         "Open a HuggingFace checkpoint folder: <code>config.json</code>, the weights "
         "(<code>model.safetensors</code> or <code>pytorch_model.bin</code>) and the tokenizer files "
         "(<code>vocab.txt</code>, or <code>vocab.json</code> + <code>merges.txt</code>)."),
      column));
  open_ = new QPushButton(tr("Open model folder…"), column);
  open_->setObjectName(QStringLiteral("welcomeOpen"));
  open_->setDefault(true);
  open_->setMinimumHeight(open_->sizeHint().height() * 3 / 2);
  auto* get_models = new QPushButton(tr("Get models from Hugging Face…"), column);
  get_models->setObjectName(QStringLiteral("welcomeGetModels"));
  get_models->setMinimumHeight(open_->minimumHeight());
  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  buttons->addWidget(open_);
  buttons->addWidget(get_models);
  buttons->addStretch(1);
  layout->addLayout(buttons);
  layout->addWidget(paragraph(tr("<span style=\"color:#606060\">…or drop a checkpoint folder onto this window.</span>"),
                              column));
  recent_box_ = new QWidget(column);
  recent_list_ = new QVBoxLayout(recent_box_);
  recent_list_->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(recent_box_);
  cached_box_ = new QWidget(column);
  cached_box_->setObjectName(QStringLiteral("welcomeCached"));
  cached_list_ = new QVBoxLayout(cached_box_);
  cached_list_->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(cached_box_);
  default_hint_ = paragraph(QString(), column);
  layout->addWidget(default_hint_);
  auto* row = new QHBoxLayout;
  row->addStretch(1);
  row->addWidget(column);
  row->addStretch(1);
  outer->addStretch(1);
  outer->addLayout(row);
  outer->addStretch(2);
  connect(open_, &QPushButton::clicked, this, &WelcomePage::openRequested);
  connect(get_models, &QPushButton::clicked, this, &WelcomePage::getModelsRequested);
  setRecent({});
  setCached({});
}

void WelcomePage::setRecent(const QStringList& folders) {
  clear_layout(recent_list_);
  recent_box_->setVisible(!folders.isEmpty());
  if (folders.isEmpty()) return;
  recent_list_->addWidget(paragraph(tr("<b>Recent models</b>"), recent_box_));
  for (const QString& dir : folders) {
    auto* button = link_button(model_display_name(dir), dir, recent_box_);
    connect(button, &QPushButton::clicked, this, [this, dir] { emit recentChosen(dir); });
    recent_list_->addWidget(button, 0, Qt::AlignHCenter);
  }
}

void WelcomePage::setCached(const QList<CachedModelEntry>& models) {
  clear_layout(cached_list_);
  cached_box_->setVisible(!models.isEmpty());
  if (models.isEmpty()) return;
  cached_list_->addWidget(paragraph(tr("<b>In the Hugging Face cache</b>"), cached_box_));
  for (const CachedModelEntry& m : models.mid(0, kMaxCachedShown)) {
    auto* button = link_button(m.title, m.details, cached_box_);
    connect(button, &QPushButton::clicked, this, [this, folder = m.folder] { emit recentChosen(folder); });
    cached_list_->addWidget(button, 0, Qt::AlignHCenter);
  }
  if (models.size() > kMaxCachedShown)
    cached_list_->addWidget(paragraph(tr("<span style=\"color:#606060\">%1 more in File › Open from Hugging Face cache</span>")
                                          .arg(models.size() - kMaxCachedShown),
                                      cached_box_));
}

void WelcomePage::setDefaultLocation(const QString& folder) {
  QString shown = QDir::toNativeSeparators(folder);
  const QString home = QDir::homePath();
  if (shown.startsWith(home + QLatin1Char('/'))) shown = QLatin1Char('~') + shown.mid(home.size());
  default_hint_->setText(
      tr("<span style=\"color:#606060\">Tip: a checkpoint copied to <code>%1</code> opens by itself at start.</span>")
          .arg(shown.toHtmlEscaped()));
}

}  // namespace as::ui
