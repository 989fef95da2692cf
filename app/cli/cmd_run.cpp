#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/model_args.h"
#include "cli/text_input.h"
#include "core/error.h"
#include "io/safetensors.h"

namespace as::cli {

namespace {

// The golden files' tensor names: attentions.<l>, scores.<l>, hidden_states.<i>, logits.
std::map<std::string, Tensor> named_outputs(const ForwardResult& r) {
  std::map<std::string, Tensor> out;
  for (size_t l = 0; l < r.attentions.size(); ++l) {
    if (r.attentions[l].empty()) continue;  // a layer left out by --attention-layers
    out["attentions." + std::to_string(l)] = r.attentions[l];
    out["scores." + std::to_string(l)] = r.scores[l];
  }
  for (size_t i = 0; i < r.hidden_states.size(); ++i) out["hidden_states." + std::to_string(i)] = r.hidden_states[i];
  if (!r.logits.empty() && r.logits.size() > 0) out["logits"] = r.logits;
  if (r.nsp_logits) {
    Tensor nsp({2});
    nsp.mutable_data()[0] = (*r.nsp_logits)[0];
    nsp.mutable_data()[1] = (*r.nsp_logits)[1];
    out["nsp_logits"] = nsp;
  }
  return out;
}

// --attention-layers all (default) | none | L1,L2,...: which layers' attention `--out` holds. At
// long sequences capturing every layer dominates memory; a viewer needs one layer at a time.
void select_attention_layers(const Args& args, ForwardOptions& options) {
  const std::string spec = args.get_or("attention-layers", "all");
  if (spec == "all") return;
  if (spec == "none") {
    options.capture_attention = false;
    return;
  }
  std::vector<int64_t> layers;
  for (int l : args.get_int_list("attention-layers")) layers.push_back(l);
  options.attention_layers = std::move(layers);
}

}  // namespace

int cmd_run(const Args& args) {
  args.allow_only({"model", "ids", "token-type-ids", "text", "text-pair", "backend", "threads", "out",
                   "attention-layers"});
  auto model = model_from_args(args);
  ModelInput input = input_from_args(args, *model);
  ForwardOptions options;
  options.capture_attention = options.capture_hidden = args.has("out");
  if (args.has("out")) select_attention_layers(args, options);
  ForwardResult r = model->forward(input.forward, options);
  if (auto path = args.get("out")) write_safetensors(*path, named_outputs(r), {{"producer", "attentionscope"}});
  nlohmann::ordered_json out = {{"backend", r.backend}, {"millis", r.millis}, {"seq_len", input.forward.ids.size()}};
  if (!r.fallback_reason.empty()) out["fallback_reason"] = r.fallback_reason;
  if (!input.warnings.empty()) out["warnings"] = input.warnings;
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace as::cli
