#include "app/cli_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>

#include "support/test_support.h"

namespace as::test {

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

CliResult run_shell(const std::string& command) {
  const std::filesystem::path err_file = temp_dir() / ("cli-stderr-" + std::to_string(::getpid()));
  const std::string cmd = command + " 2>" + quote(err_file.string());
  CliResult r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = read_file(err_file);
  return r;
}

CliResult run_cli(const std::string& args, const std::string& env) {
  return run_shell(env + " " + std::string(AS_CLI_PATH) + " " + args);
}

}  // namespace as::test
