#include "ui/startup_actions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "ui/diff_view.h"
#include "ui/export_types.h"
#include "ui/heatmap_view.h"
#include "ui/main_window.h"
#include "ui/positional_view.h"
#include "ui/presentation_mode.h"
#include "ui/sentence_editor.h"
#include "ui/session_controller.h"
#include "ui/teaching_panels.h"
#include "ui/tokens_view.h"

namespace as::ui {
namespace {

std::optional<int> parse_int(const QString& text) {
  bool ok = false;
  const int value = text.toInt(&ok);
  return ok ? std::optional<int>(value) : std::nullopt;
}

// Where `dialog` goes in a picture of `window`: where it is on screen if that lies inside the
// window (a popup placed under a token), else centred (a message box).
QPoint dialog_place(const QWidget& window, const QWidget& dialog, QSize picture) {
  const QPoint inside = dialog.pos() - window.mapToGlobal(QPoint(0, 0));
  if (QRect(QPoint(0, 0), window.size()).contains(QRect(inside, picture))) return inside;
  return QRect(QPoint(0, 0), window.size()).center() - QPoint(picture.width() / 2, picture.height() / 2);
}

// The window plus any dialog it shows (a load error), so the picture is what a user would see.
QImage grab_with_dialogs(QWidget& window) {
  QImage image = window.grab().toImage();
  QPainter painter(&image);
  for (QWidget* widget : QApplication::topLevelWidgets()) {
    auto* dialog = qobject_cast<QDialog*>(widget);
    if (dialog == nullptr || !dialog->isVisible()) continue;
    const QPixmap picture = dialog->grab();
    const QPoint place = dialog_place(window, *dialog, picture.size());
    painter.fillRect(QRect(place, picture.size()).adjusted(-1, -1, 1, 1), Qt::darkGray);
    painter.drawPixmap(place, picture);
  }
  return image;
}

}  // namespace

std::shared_ptr<StartupActions::Options> StartupActions::addOptions(QCommandLineParser& parser) {
  auto options = std::make_shared<Options>();
  parser.addOptions({options->text, options->text_b, options->layer, options->head, options->scores,
                     options->unit_range, options->screenshot, options->size,
                     options->export_heatmap, options->export_size, options->export_dpi, options->view,
                     options->hover, options->explain, options->colour_map, options->generate,
                     options->generate_tokens, options->step});
  return options;
}

std::unique_ptr<StartupActions> StartupActions::fromParser(const QCommandLineParser& parser, const Options& options) {
  auto actions = std::make_unique<StartupActions>();
  actions->has_text_ = parser.isSet(options.text);
  actions->text_ = parser.value(options.text);
  actions->text_b_ = parser.value(options.text_b);
  if (parser.isSet(options.layer)) actions->layer_ = parser.value(options.layer).toInt();
  actions->head_ = parser.value(options.head);
  actions->scores_ = parser.isSet(options.scores);
  actions->unit_range_ = parser.isSet(options.unit_range);
  actions->screenshot_ = parser.value(options.screenshot);
  if (parser.isSet(options.size)) {
    actions->size_ = parse_size(parser.value(options.size), 200);
    if (!actions->size_) std::fprintf(stderr, "attentionscope: --size wants WxH, e.g. 1600x1000\n");
  }
  actions->export_file_ = parser.value(options.export_heatmap);
  if (parser.isSet(options.export_size)) {
    if (const auto size = parse_size(parser.value(options.export_size), 200)) actions->export_size_.size = *size;
    else std::fprintf(stderr, "attentionscope: --export-size wants WxH, e.g. 1600x1200\n");
  }
  if (parser.isSet(options.export_dpi)) actions->export_size_.dpi = std::clamp(parser.value(options.export_dpi).toInt(), 48, 1200);
  actions->view_ = parser.value(options.view);
  if (parser.isSet(options.hover)) actions->hover_ = parse_int(parser.value(options.hover));
  if (parser.isSet(options.explain)) actions->explain_ = parse_int(parser.value(options.explain));
  if (parser.isSet(options.colour_map)) {
    actions->colour_map_ = colour_map_from_name(parser.value(options.colour_map).toLower().toStdString());
    if (!actions->colour_map_) std::fprintf(stderr, "attentionscope: --colour-map wants viridis, magma or greys\n");
  }
  actions->readTeachingOptions(parser, options);
  const bool anything = actions->asksForTeaching() || actions->has_text_ || actions->layer_ || !actions->head_.isEmpty() || actions->scores_ ||
                         actions->unit_range_ || !actions->screenshot_.isEmpty() || actions->size_ ||
                         !actions->export_file_.isEmpty() || !actions->view_.isEmpty() || actions->hover_ || actions->explain_ ||
                         actions->colour_map_;
  return anything ? std::move(actions) : nullptr;
}

void StartupActions::start(MainWindow& window) {
  window_ = &window;
  if (size_) window.resize(*size_);
  if (colour_map_) window.setColourMap(*colour_map_);
  SessionController* controller = window.controller();
  startTeaching();
  connect(controller, &SessionController::modelLoaded, this, [this] {
    applyInputs();
    if (!has_text_) scheduleScreenshot(0);
  }, Qt::SingleShotConnection);
  connect(controller, &SessionController::runFinished, this, [this](const RunResultPtr& result) {
    if (!screenshot_.isEmpty()) {
      // A line for logs: what the picture shows and how long the model took.
      std::printf("attentionscope: %lld tokens, tokenize %.1f ms, forward %.1f ms, total %.1f ms\n",
                  static_cast<long long>(result->token_count()), result->tokenize_millis, result->forward.millis,
                  result->total_millis);
      std::fflush(stdout);
    }
    const bool exported = export_file_.isEmpty() || exportHeatmap();
    showRequestedView();
    if (hover_) window_->setHoveredToken(*hover_);
    if (explain_) {
      // Once the chips are laid out, so the popup opens under its token.
      QTimer::singleShot(100, this, [this, index = *std::exchange(explain_, std::nullopt)] {
        window_->tokensView()->explainToken(index);
      });
    }
    if (awaitTeachingPanel()) return;
    scheduleScreenshot(exported ? 0 : 4);
  });
  connect(controller, &SessionController::runFailed, this, [this] { scheduleScreenshot(1); });
  connect(controller, &SessionController::loadFailed, this, [this] { scheduleScreenshot(1); });
  if (!screenshot_.isEmpty()) {
    // Never hang a CI job: whatever is on screen after two minutes is saved.
    QTimer::singleShot(120'000, this, [this] { saveScreenshotAndQuit(2); });
  }
}

void StartupActions::applyInputs() {
  HeatmapView* heatmap = window_->heatmapView();
  HeatmapSelection selection = heatmap->selection();
  if (layer_) selection.layer = *layer_;
  if (head_ == QLatin1String("mean")) {
    selection.mode = HeatmapMode::MeanOfHeads;
  } else if (head_ == QLatin1String("max")) {
    selection.mode = HeatmapMode::MaxOfHeads;
  } else if (head_ == QLatin1String("rollout")) {
    selection.mode = HeatmapMode::Rollout;
  } else if (!head_.isEmpty()) {
    selection.mode = HeatmapMode::SingleHead;
    selection.head = head_.toInt();
  }
  if (scores_) selection.values = ValueKind::Scores;
  if (unit_range_) selection.fixed_unit_range = true;
  // Stored now, clamped to the model's layers and heads when the first result arrives.
  heatmap->setSelection(selection);
  if (has_text_) window_->sentenceEditor()->setTexts(text_, text_b_);
}

bool StartupActions::exportHeatmap() {
  const QString file = std::exchange(export_file_, QString());  // once, for the first result
  const QString error = window_->heatmapView()->exportTo(file, export_size_);
  if (!error.isEmpty()) std::fprintf(stderr, "attentionscope: %s\n", qPrintable(error));
  return error.isEmpty();
}

void StartupActions::showRequestedView() {
  if (view_ == QLatin1String("lines")) window_->showView(MainWindow::View::HeadLines);
  else if (view_ == QLatin1String("grid")) window_->showView(MainWindow::View::Grid);
  else if (view_ == QLatin1String("step")) window_->teachingPanels()->showPanel(TeachingPanels::Panel::StepThrough);
  else if (view_ == QLatin1String("difference")) window_->teachingPanels()->showPanel(TeachingPanels::Panel::Difference);
  else if (view_.startsWith(QLatin1String("positional"))) showPositional();
  else if (!view_.isEmpty()) window_->showView(MainWindow::View::Heatmap);
}

// "positional", "positional:matrix" or "positional:similarity".
void StartupActions::showPositional() {
  window_->teachingPanels()->showPanel(TeachingPanels::Panel::Positional);
  PositionalView* view = window_->teachingPanels()->positional();
  if (view_.endsWith(QLatin1String(":matrix"))) view->setShow(PositionalShow::Matrix);
  if (view_.endsWith(QLatin1String(":similarity"))) view->setShow(PositionalShow::Similarity);
}

bool StartupActions::awaitTeachingPanel() {
  if (screenshot_.isEmpty() || screenshot_scheduled_) return false;
  if (view_ == QLatin1String("difference")) {  // its own two runs come after the window's
    connect(window_->teachingPanels()->difference(), &DiffView::updated, this, [this] { scheduleScreenshot(0); },
            Qt::SingleShotConnection);
    return true;
  }
  PositionalView* positional = window_->teachingPanels()->positional();
  if (view_.startsWith(QLatin1String("positional")) && positional->isComputing()) {
    connect(positional, &PositionalView::updated, this, [this] { scheduleScreenshot(0); }, Qt::SingleShotConnection);
    return true;
  }
  PresentationMode* presentation = window_->teachingPanels()->presentation();
  if (view_ == QLatin1String("present") && !presentation->isActive()) {
    presentation->enter();  // runs its first example: the picture is taken after that result
    return true;
  }
  return false;
}

void StartupActions::scheduleScreenshot(int exit_code) {
  if (screenshot_.isEmpty() || screenshot_scheduled_) return;
  if (waiting_generation_ || waiting_fill_mask_) {
    deferred_exit_ = exit_code;
    return;
  }
  screenshot_scheduled_ = true;
  // Let the views lay out and replot with the result before grabbing.
  QTimer::singleShot(400, this, [this, exit_code] { saveScreenshotAndQuit(exit_code); });
}

void StartupActions::saveScreenshotAndQuit(int exit_code) {
  if (!grab_with_dialogs(*window_).save(screenshot_, nullptr, 0)) {  // 0: smallest PNG, for docs
    std::fprintf(stderr, "attentionscope: could not write %s\n", qPrintable(screenshot_));
    exit_code = 3;
  }
  QApplication::exit(exit_code);
}

}  // namespace as::ui
