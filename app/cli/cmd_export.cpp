// `attentionscope-cli export ...`: figures are drawn with Qt, which this CLI must not link, so it
// hands over to attentionscope-export, built next to it with the GUI, with the same arguments.
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <unistd.h>

#include "cli/commands.h"

namespace as::cli {
namespace {

std::filesystem::path sibling_exporter() {
  char self[PATH_MAX];
  const ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
  if (length <= 0) return {};
  self[length] = '\0';
  return std::filesystem::path(self).parent_path() / "attentionscope-export";
}

}  // namespace

int cmd_export(int argc, char** argv) {
  std::string exporter = sibling_exporter().string();
  if (exporter.empty() || access(exporter.c_str(), X_OK) != 0) {
    std::cerr << "error: 'export' draws with the GUI's libraries, but " << (exporter.empty() ? "attentionscope-export" : exporter)
              << " is missing: build with -DAS_BUILD_GUI=ON (needs Qt 6 and QCustomPlot)\n";
    return 1;
  }
  std::vector<char*> args{exporter.data()};
  for (int i = 2; i < argc; ++i) args.push_back(argv[i]);  // argv[1] is "export"
  args.push_back(nullptr);
  execv(exporter.c_str(), args.data());
  std::cerr << "error: cannot run " << exporter << ": " << std::strerror(errno) << "\n";
  return 1;
}

}  // namespace as::cli
