#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/model_args.h"

namespace as::cli {

int cmd_info(const Args& args) {
  args.allow_only({"model", "backend", "threads"});
  auto model = model_from_args(args);
  const ModelInfo& i = model->info();
  nlohmann::ordered_json out = {{"family", i.family},         {"architecture", i.architecture},
                                {"layers", i.layers},         {"heads", i.heads},
                                {"hidden", i.hidden},         {"vocab_size", i.vocab_size},
                                {"max_positions", i.max_positions}, {"parameters", i.parameters},
                                {"dtype", i.dtype},           {"mlm_head", i.has_mlm_head},
                                {"nsp_head", i.has_nsp_head}, {"lm_head", i.has_lm_head}};
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace as::cli
