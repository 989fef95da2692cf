#include "cli/args.h"

#include <algorithm>
#include <charconv>

#include "core/error.h"

namespace as::cli {

namespace {
bool is_flag_only(const std::string& key) {
  static const std::vector<std::string> flags = {"explain", "stats", "no-attention", "help", "greedy", "stream"};
  return std::find(flags.begin(), flags.end(), key) != flags.end();
}

long long parse_int(const std::string& key, const std::string& text) {
  long long v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || ptr != end) throw Error("--" + key + ": expected an integer, got '" + text + "'");
  return v;
}
}  // namespace

Args::Args(int argc, char** argv, int first) {
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) != 0) throw Error("unexpected argument '" + a + "' (options start with --)");
    std::string key = a.substr(2);
    if (is_flag_only(key)) {
      values_[key] = "1";
      continue;
    }
    if (i + 1 >= argc) throw Error("option --" + key + " needs a value");
    values_[key] = argv[++i];
  }
}

std::optional<std::string> Args::get(const std::string& key) const {
  auto it = values_.find(key);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Args::require(const std::string& key) const {
  auto v = get(key);
  if (!v) throw Error("missing required option --" + key);
  return *v;
}

std::string Args::get_or(const std::string& key, const std::string& fallback) const {
  return get(key).value_or(fallback);
}

long long Args::get_int(const std::string& key, long long fallback) const {
  auto v = get(key);
  return v ? parse_int(key, *v) : fallback;
}

std::vector<int> Args::get_int_list(const std::string& key) const {
  std::vector<int> out;
  std::string text = require(key);
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t comma = text.find(',', pos);
    if (comma == std::string::npos) comma = text.size();
    std::string item = text.substr(pos, comma - pos);
    if (item.empty()) throw Error("--" + key + ": empty item in '" + text + "'");
    out.push_back(static_cast<int>(parse_int(key, item)));
    pos = comma + 1;
  }
  return out;
}

void Args::allow_only(const std::vector<std::string>& keys) const {
  for (const auto& [key, value] : values_) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end())
      throw Error("unknown option --" + key + " for this command");
  }
}

}  // namespace as::cli
