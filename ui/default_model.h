#pragma once
// Which model opens at start: the folder named on the command line, else the last one used,
// else the first default model found: a checkpoint a user or packager put in
// $XDG_DATA_HOME/attentionscope/models/default (or another XDG data folder), else the demo BERT
// trained by packaging/train/ — installed beside the program (<prefix>/share/attentionscope/models)
// or, in a build tree, resources/models in the sources (-DAS_DEFAULT_MODEL_DIR=... overrides).
#include <QString>
#include <QStringList>

namespace as::ui {

// The demo model's folder name under resources/models and share/attentionscope/models.
inline constexpr const char* kDemoModelName = "attentionscope-bert-wordnet";

// Candidate default-model folders, in the order they are tried.
QStringList default_model_candidates();

// A folder that looks like a checkpoint: it holds config.json.
bool looks_like_model(const QString& dir);

// `given` if set; else `last` if it still looks like a model; else the first candidate that does;
// else empty (the window then shows how to open one).
QString startup_model(const QString& given, const QString& last, const QStringList& candidates);

}  // namespace as::ui
