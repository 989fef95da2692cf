#pragma once
// Command-line actions that run once the window is up: type a sentence, pick what the heatmap
// shows, and save a screenshot of the window after the first result and quit (for docs and CI).
#include <QCommandLineOption>
#include <QObject>
#include <QSize>
#include <QString>

#include <memory>
#include <optional>

#include "ui/colour_scale.h"
#include "ui/export_types.h"

class QCommandLineParser;

namespace as::ui {

class MainWindow;

class StartupActions : public QObject {
  Q_OBJECT

 public:
  struct Options {
    QCommandLineOption text{QStringLiteral("text"), QStringLiteral("Sentence to run once the model has loaded."),
                            QStringLiteral("TEXT")};
    QCommandLineOption text_b{QStringLiteral("text-b"), QStringLiteral("Second sentence (BERT sentence pairs)."),
                              QStringLiteral("TEXT")};
    QCommandLineOption layer{QStringLiteral("layer"), QStringLiteral("Heatmap layer (0-based)."), QStringLiteral("N")};
    QCommandLineOption head{QStringLiteral("head"),
                            QStringLiteral("Heatmap head (0-based), or mean / max of the heads, or rollout."),
                            QStringLiteral("N|mean|max|rollout")};
    QCommandLineOption scores{QStringLiteral("scores"), QStringLiteral("Show pre-softmax scores instead of probabilities.")};
    QCommandLineOption unit_range{QStringLiteral("fixed-scale"), QStringLiteral("Heatmap colour scale fixed to 0..1.")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QStringLiteral("Save the window as PNG after the first result, then quit."),
                                  QStringLiteral("FILE.png")};
    QCommandLineOption export_heatmap{QStringLiteral("export-heatmap"),
                                      QStringLiteral("Also export the heatmap after the first result (.png, .svg, .pdf "
                                                     "or .csv)."),
                                      QStringLiteral("FILE")};
    QCommandLineOption export_size{QStringLiteral("export-size"),
                                   QStringLiteral("Size of the exported heatmap (default 1600x1200)."),
                                   QStringLiteral("WxH")};
    QCommandLineOption export_dpi{QStringLiteral("export-dpi"), QStringLiteral("PNG resolution of the export (default 96)."),
                                  QStringLiteral("N")};
    QCommandLineOption view{QStringLiteral("view"),
                            QStringLiteral("View in front: heatmap, lines (the head view), grid (the model view), "
                                           "step (step-through of one head), difference, positional[:matrix|:similarity], or present "
                                           "(presentation mode on its first example)."),
                            QStringLiteral("heatmap|lines|grid|step|difference|positional|present")};
    QCommandLineOption hover{QStringLiteral("hover"),
                             QStringLiteral("Point at token N once the result is shown (it is highlighted everywhere)."),
                             QStringLiteral("N")};
    QCommandLineOption explain{QStringLiteral("explain"),
                               QStringLiteral("Open the explanation of how token N's word was split."),
                               QStringLiteral("N")};
    QCommandLineOption colour_map{QStringLiteral("colour-map"), QStringLiteral("viridis, magma or greys."),
                                  QStringLiteral("NAME")};
    QCommandLineOption size{QStringLiteral("size"), QStringLiteral("Window size for --screenshot, e.g. 1600x1000."),
                            QStringLiteral("WxH")};
    QCommandLineOption generate{QStringLiteral("generate"),
                                QStringLiteral("Generate from PROMPT in the generation panel (GPT-2) once the model has "
                                               "loaded; --screenshot waits for it."),
                                QStringLiteral("PROMPT")};
    QCommandLineOption generate_tokens{QStringLiteral("generate-tokens"),
                                       QStringLiteral("New tokens for --generate (default 20)."), QStringLiteral("N")};
    QCommandLineOption step{QStringLiteral("step"),
                            QStringLiteral("After --generate, show generated token N (0-based) in detail."),
                            QStringLiteral("N")};
  };

  static std::shared_ptr<Options> addOptions(QCommandLineParser& parser);
  // nullptr when the command line asks for nothing beyond opening a folder.
  static std::unique_ptr<StartupActions> fromParser(const QCommandLineParser& parser, const Options& options);

  void start(MainWindow& window);
  // No model will load (the welcome page stays): a screenshot is taken of that.
  void nothingToLoad() { scheduleScreenshot(0); }

 private:
  void applyInputs();
  void scheduleScreenshot(int exit_code);
  bool exportHeatmap();
  void saveScreenshotAndQuit(int exit_code);
  void showRequestedView();
  // Teaching panels that finish after the run: true when the screenshot waits for them.
  bool awaitTeachingPanel();
  void showPositional();
  // startup_teaching.cpp: --generate, and waiting for the fill-mask panel before a screenshot.
  void readTeachingOptions(const QCommandLineParser& parser, const Options& options);
  bool asksForTeaching() const;
  void startTeaching();
  void teachingDone(bool& waiting);

  MainWindow* window_ = nullptr;
  QString text_;
  QString text_b_;
  bool has_text_ = false;
  std::optional<int> layer_;
  QString head_;
  bool scores_ = false;
  bool unit_range_ = false;
  QString screenshot_;
  std::optional<QSize> size_;
  QString export_file_;
  ExportSize export_size_;
  QString view_;
  std::optional<int> hover_;
  std::optional<int> explain_;
  std::optional<ColourMap> colour_map_;
  bool screenshot_scheduled_ = false;
  QString generate_prompt_;
  int generate_tokens_ = 20;
  std::optional<int> step_;
  bool waiting_generation_ = false;
  bool waiting_fill_mask_ = false;
  std::optional<int> deferred_exit_;  // a screenshot asked for while the panels were still busy
};

}  // namespace as::ui
