// Temporary until the tokenizer work lands (issue 3): reports that the command is not available yet.
#include "cli/commands.h"
#include "core/error.h"

namespace as::cli {
int cmd_tokenize(const Args&) { throw Error("tokenize: not available in this build yet"); }
}  // namespace as::cli
