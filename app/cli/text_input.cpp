#include "cli/text_input.h"

#include "core/error.h"
#include "tokenizers/tokenizer.h"

namespace as::cli {

ModelInput input_from_args(const Args& args, const Model& model) {
  ModelInput in;
  if (args.has("ids")) {
    if (args.has("text")) throw Error("give either --ids or --text, not both");
    for (int id : args.get_int_list("ids")) in.forward.ids.push_back(id);
    if (args.has("token-type-ids"))
      for (int t : args.get_int_list("token-type-ids")) in.forward.token_type_ids.push_back(t);
    return in;
  }
  if (!args.has("text")) throw Error("missing --ids or --text");
  const std::string model_path = args.require("model");
  if (model_path.rfind("random:", 0) == 0) throw Error("--text needs a model folder with tokenizer files");
  auto tokenizer = load_tokenizer(model_path, model.info().family);
  EncodeOptions options;
  options.max_length = model.info().max_positions;
  const std::string text = args.require("text");
  Encoding enc = args.has("text-pair") ? tokenizer->encode_pair(text, args.require("text-pair"), options)
                                       : tokenizer->encode(text, options);
  in.forward.ids = enc.ids();
  if (model.info().family == "bert") in.forward.token_type_ids = enc.token_type_ids;
  in.warnings = enc.warnings;
  return in;
}

}  // namespace as::cli
