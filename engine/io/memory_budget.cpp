#include "io/memory_budget.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/error.h"

namespace as {

std::optional<uint64_t> available_memory_bytes(const std::filesystem::path& meminfo) {
  std::ifstream in(meminfo);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key, unit;
    uint64_t value = 0;
    if (!(fields >> key >> value)) continue;
    if (key != "MemAvailable:") continue;
    fields >> unit;
    return unit == "kB" ? value * 1024 : value;
  }
  return std::nullopt;
}

std::string format_bytes(uint64_t bytes) {
  char text[32];
  const double gib = static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0);
  if (gib >= 1.0) {
    std::snprintf(text, sizeof text, "%.1f GiB", gib);
  } else {
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  }
  return text;
}

void ensure_memory_for(uint64_t needed, std::optional<uint64_t> available, const std::string& what) {
  if (!available || needed <= *available) return;
  throw Error(what + ": loading needs " + format_bytes(needed) + " of memory for the weights, but only " +
              format_bytes(*available) +
              " is available (MemAvailable in /proc/meminfo); close other programs or choose a smaller model");
}

}  // namespace as
