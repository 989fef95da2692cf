#include "ui/model_facts.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

namespace as::ui {
namespace {

bool contains_case_insensitive(const std::string& text, const std::string& word) {
  const auto it = std::search(text.begin(), text.end(), word.begin(), word.end(), [](char a, char b) {
    return std::toupper(static_cast<unsigned char>(a)) == std::toupper(static_cast<unsigned char>(b));
  });
  return it != text.end();
}

std::string with_thousands_separators(int64_t value) {
  const std::string digits = std::to_string(value < 0 ? -value : value);
  std::string grouped = value < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

}  // namespace

std::optional<std::string> random_weights_note(const std::filesystem::path& model_dir) {
  std::ifstream file(model_dir / "config.json");
  if (!file) return std::nullopt;
  const auto config = nlohmann::json::parse(file, nullptr, /*allow_exceptions=*/false);
  if (!config.is_object()) return std::nullopt;
  const auto comment = config.find("_comment");
  if (comment == config.end() || !comment->is_string()) return std::nullopt;
  const auto text = comment->get<std::string>();
  if (!contains_case_insensitive(text, "RANDOM")) return std::nullopt;
  return text;
}

std::string format_count(int64_t value) { return with_thousands_separators(value); }

std::string format_parameter_count(int64_t parameters) {
  const double value = static_cast<double>(parameters);
  char rounded[32];
  if (parameters >= 1'000'000'000) {
    std::snprintf(rounded, sizeof rounded, "%.2f B", value / 1e9);
  } else if (parameters >= 1'000'000) {
    std::snprintf(rounded, sizeof rounded, "%.1f M", value / 1e6);
  } else if (parameters >= 1'000) {
    std::snprintf(rounded, sizeof rounded, "%.1f k", value / 1e3);
  } else {
    return with_thousands_separators(parameters);
  }
  return with_thousands_separators(parameters) + " (" + rounded + ")";
}

}  // namespace as::ui
