#pragma once
// attentionscope-cli sub-commands. Each prints JSON on stdout and returns the exit code;
// errors are thrown as as::Error and reported by main() as one line on stderr.
#include <string>
#include <vector>

#include "cli/args.h"

namespace as::cli {

int cmd_info(const Args& args);
int cmd_run(const Args& args);
int cmd_bench(const Args& args);
int cmd_tokenize(const Args& args);
int cmd_fill_mask(const Args& args);
int cmd_nsp(const Args& args);
int cmd_generate(const Args& args);
int cmd_devices(const Args& args);
int cmd_models(const Args& args);
// `download ORG/NAME [options]`: the model id is the one argument without "--".
int cmd_download(const std::string& repo_id, const Args& args);
// Replaces the process with attentionscope-export (built with the GUI), passing argv[2...].
int cmd_export(int argc, char** argv);

}  // namespace as::cli
