#include "ui/attention_export.h"

#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace as::ui {
namespace {

void append_float(std::string& out, float value) {
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;  // shortest round-trip form
  out.append(buffer, end);
}

// One head as [[row], [row], ...].
void append_head(std::string& out, const Tensor& layer, int64_t head) {
  const int64_t rows = layer.dim(1);
  const int64_t cols = layer.dim(2);
  out += '[';
  for (int64_t r = 0; r < rows; ++r) {
    out += r == 0 ? "[" : ",\n    [";
    for (int64_t c = 0; c < cols; ++c) {
      if (c > 0) out += ',';
      append_float(out, layer.at(head, r, c));
    }
    out += ']';
  }
  out += ']';
}

std::string header_json(const RunResult& result) {
  nlohmann::json header;
  header["model"] = result.model ? result.model->info.path : "";
  header["family"] = result.model ? result.model->info.family : "";
  header["text"] = result.request.text_a;
  header["text_pair"] = result.request.text_b;
  nlohmann::json tokens = nlohmann::json::array();
  nlohmann::json labels = nlohmann::json::array();
  nlohmann::json ids = nlohmann::json::array();
  for (size_t i = 0; i < result.encoding.tokens.size(); ++i) {
    tokens.push_back(result.encoding.tokens[i].text);
    labels.push_back(i < result.labels.size() ? result.labels[i].text() : "");
    ids.push_back(result.encoding.tokens[i].id);
  }
  header["tokens"] = tokens;
  header["labels"] = labels;
  header["token_ids"] = ids;
  header["layers"] = result.layer_count();
  header["heads"] = result.head_count();
  return header.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string field = "\"";
  for (char c : text) {
    if (c == '"') field += '"';
    field += c;
  }
  return field + '"';
}

std::string matrix_csv(const Matrix& matrix, const std::vector<std::string>& row_labels,
                       const std::vector<std::string>& col_labels) {
  std::string out = csv_field("query \\ key");
  for (int64_t c = 0; c < matrix.cols; ++c) out += ',' + csv_field(col_labels.at(static_cast<size_t>(c)));
  out += "\r\n";
  for (int64_t r = 0; r < matrix.rows; ++r) {
    out += csv_field(row_labels.at(static_cast<size_t>(r)));
    for (int64_t c = 0; c < matrix.cols; ++c) {
      out += ',';
      const float value = matrix.at(r, c);
      if (std::isfinite(value)) append_float(out, value);
    }
    out += "\r\n";
  }
  return out;
}

std::string attentions_json(const RunResult& result, const std::atomic<bool>* cancel) {
  std::string out = header_json(result);
  out.pop_back();  // the closing brace: the attentions follow
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  out += ",\n \"attentions\": [";
  for (size_t l = 0; l < result.forward.attentions.size(); ++l) {
    const Tensor& layer = result.forward.attentions[l];
    out += l == 0 ? "\n  [" : ",\n  [";
    for (int64_t h = 0; h < layer.dim(0); ++h) {
      if (cancel && cancel->load()) throw Cancelled();
      out += h == 0 ? "\n   " : ",\n   ";
      append_head(out, layer, h);
    }
    out += "]";
  }
  out += "]\n}\n";
  return out;
}

}  // namespace as::ui
