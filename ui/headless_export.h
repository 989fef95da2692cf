#pragma once
// attentionscope-export: the workbench's figures without a window. Loads a model, runs one input
// and writes the heatmap of a layer and head (or their mean, max, rollout), the model grid, the
// head view, the matrix as CSV or every attention as JSON. `attentionscope-cli export` runs it.
#include <QSize>
#include <QString>
#include <QStringList>

#include <variant>

#include "ui/colour_scale.h"

namespace as::ui {

struct HeadlessOptions {
  QString model;
  QString text;
  QString text_pair;
  int layer = 0;
  QString head = QStringLiteral("0");  // N, mean, max, rollout, grid or lines
  QString out;
  int dpi = 96;
  QSize size{1600, 1200};
  bool scores = false;
  bool fixed_scale = false;
  ColourMap colours = ColourMap::Viridis;
  int threads = 0;
};

// `arguments` as QCoreApplication::arguments() gives them (program name first). Returns the
// options or a message for the user.
std::variant<HeadlessOptions, QString> parse_headless_args(const QStringList& arguments);

// Runs the export; prints one JSON line on stdout on success, the error on stderr otherwise.
// Returns the process exit code (0, 1 for a failed run, 2 for bad arguments).
int run_headless_export(const HeadlessOptions& options);
int headless_export_main(const QStringList& arguments);

extern const char* const kHeadlessUsage;

}  // namespace as::ui
