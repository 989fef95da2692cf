#pragma once
// Shared by the GUI tests: synthetic runs of any size (exact, known weights, no model needed),
// waiting for a real model in a MainWindow, and scratch folders.
#include <QString>

#include <filesystem>

#include "ui/run_types.h"

namespace as::ui {
class MainWindow;
}

namespace as::ui::test {

// `tokens` tokens "t0".."tN", `layers` × `heads` of row-normalised pseudo-random weights (a
// different pattern per head), causal-masked like GPT-2 when `causal`.
RunResultPtr synthetic_run(int tokens, int layers, int heads, bool causal);

// A fresh empty folder under the test build's scratch space.
std::filesystem::path scratch(const std::string& name);
QString qpath(const std::filesystem::path& path);
QString model_dir(const char* name);

// Opens `model` in `window`, runs `text` (and `text_b`), waits for that result; nullptr on timeout.
RunResultPtr load_and_run(MainWindow& window, const char* model, const QString& text, const QString& text_b = {});

}  // namespace as::ui::test
