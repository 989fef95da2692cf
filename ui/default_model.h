#pragma once
// Which model opens at start: the folder named on the command line, else the last one used,
// else the first default model installed. No weights ship with the program; a packager or user
// puts a checkpoint in $XDG_DATA_HOME/attentionscope/models/default (or another XDG data folder,
// or the folder the build names with -DAS_DEFAULT_MODEL_DIR=...).
#include <QString>
#include <QStringList>

namespace as::ui {

// Candidate default-model folders, in the order they are tried.
QStringList default_model_candidates();

// A folder that looks like a checkpoint: it holds config.json.
bool looks_like_model(const QString& dir);

// `given` if set; else `last` if it still looks like a model; else the first candidate that does;
// else empty (the window then shows how to open one).
QString startup_model(const QString& given, const QString& last, const QStringList& candidates);

}  // namespace as::ui
