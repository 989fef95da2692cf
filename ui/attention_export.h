#pragma once
// The numbers behind the pictures, for spreadsheets and scripts: one matrix as CSV, and every
// layer's and head's attention probabilities as JSON. Qt-free, unit-tested.
#include <atomic>
#include <string>
#include <vector>

#include "ui/attention_math.h"
#include "ui/run_types.h"

namespace as::ui {

// A header row of key labels, then one row per query: its label and its values. Masked (NaN)
// cells are empty. Fields are quoted as RFC 4180 asks when they hold a comma, quote or newline.
std::string matrix_csv(const Matrix& matrix, const std::vector<std::string>& row_labels,
                       const std::vector<std::string>& col_labels);

// {"model", "family", "text", "text_pair", "tokens" (vocabulary strings), "labels" (as the views
// write them), "token_ids", "layers", "heads", "attentions": [layer][head][query][key]}.
// Floats are written in their shortest exact form. A raised `cancel` (checked per head) stops it
// with as::Cancelled: 512 tokens × 144 heads take seconds, longer than closing a window may wait.
std::string attentions_json(const RunResult& result, const std::atomic<bool>* cancel = nullptr);

std::string csv_field(const std::string& text);

}  // namespace as::ui
