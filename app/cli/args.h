#pragma once
// A tiny "--key value" / "--flag" parser: every option is named, repeated keys keep the last value.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace as::cli {

class Args {
 public:
  Args(int argc, char** argv, int first);

  bool has(const std::string& key) const { return values_.count(key) != 0; }
  std::optional<std::string> get(const std::string& key) const;
  std::string require(const std::string& key) const;
  std::string get_or(const std::string& key, const std::string& fallback) const;
  long long get_int(const std::string& key, long long fallback) const;
  // Comma-separated integers, e.g. "101,7592,102".
  std::vector<int> get_int_list(const std::string& key) const;
  // Rejects options the command does not know, so a typo is an error, not silently ignored.
  void allow_only(const std::vector<std::string>& keys) const;

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace as::cli
