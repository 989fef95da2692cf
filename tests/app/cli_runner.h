#pragma once
// Runs attentionscope-cli as a user does, for the CLI tests: a shell command line, its stdout,
// its stderr and its exit code.
#include <string>

namespace as::test {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `s` single-quoted for the shell.
std::string quote(const std::string& s);

// Runs a shell command line whose last command's stderr is captured.
CliResult run_shell(const std::string& command);

// The CLI with `args`; `env` ("HF_HUB_CACHE=/x") goes before the program.
CliResult run_cli(const std::string& args, const std::string& env = "");

}  // namespace as::test
