// fill-mask, nsp and generate: the HuggingFace pipelines from the command line.
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/model_args.h"
#include "core/error.h"
#include "pipelines/fill_mask.h"
#include "pipelines/generation.h"

namespace as::cli {

namespace {

std::unique_ptr<Tokenizer> tokenizer_for(const Args& args, const Model& model) {
  const std::string dir = args.require("model");
  if (dir.rfind("random:", 0) == 0) throw Error("this command needs a model folder with tokenizer files");
  return load_tokenizer(dir, model.info().family);
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

double get_double(const Args& args, const std::string& key, double fallback) {
  auto v = args.get(key);
  if (!v) return fallback;
  try {
    size_t used = 0;
    const double d = std::stod(*v, &used);
    if (used != v->size()) throw std::invalid_argument(*v);
    return d;
  } catch (const std::exception&) {
    throw Error("--" + key + ": expected a number, got '" + *v + "'");
  }
}

nlohmann::ordered_json token_json(const TokenProbability& t) {
  return {{"id", t.id}, {"token", t.token}, {"probability", t.probability}};
}

nlohmann::ordered_json step_json(const GenerationStep& s) {
  nlohmann::ordered_json top = nlohmann::json::array();
  for (const auto& t : s.top) top.push_back(token_json(t));
  return {{"id", s.id}, {"token", s.token}, {"text", s.text}, {"probability", s.probability}, {"top", top}};
}

}  // namespace

int cmd_fill_mask(const Args& args) {
  args.allow_only({"model", "text", "top-k", "targets", "backend", "threads"});
  auto model = model_from_args(args);
  auto tok = tokenizer_for(args, *model);
  FillMaskOptions options;
  options.top_k = args.get_int("top-k", 5);
  if (auto t = args.get("targets")) options.targets = split_commas(*t);
  const FillMaskResult r = fill_mask(*model, *tok, args.require("text"), options);
  nlohmann::ordered_json masks = nlohmann::json::array();
  for (const auto& m : r.masks) {
    nlohmann::ordered_json cands = nlohmann::json::array();
    for (const auto& c : m.candidates)
      cands.push_back({{"id", c.id}, {"token", c.token_str}, {"probability", c.probability}, {"sequence", c.sequence}});
    masks.push_back({{"position", m.position}, {"candidates", cands}});
  }
  nlohmann::ordered_json out = {{"masks", masks}};
  if (!r.warnings.empty()) out["warnings"] = r.warnings;
  std::cout << out.dump() << "\n";
  return 0;
}

int cmd_nsp(const Args& args) {
  args.allow_only({"model", "text", "text-pair", "backend", "threads"});
  auto model = model_from_args(args);
  auto tok = tokenizer_for(args, *model);
  const double p = next_sentence_probability(*model, *tok, args.require("text"), args.require("text-pair"));
  std::cout << nlohmann::ordered_json{{"is_next_probability", p}}.dump() << "\n";
  return 0;
}

int cmd_generate(const Args& args) {
  args.allow_only({"model", "prompt", "max-new-tokens", "greedy", "temperature", "top-k", "top-p",
                   "repetition-penalty", "no-repeat-ngram-size", "seed", "stop", "stream", "backend", "threads"});
  auto model = model_from_args(args);
  auto tok = tokenizer_for(args, *model);
  GenerationOptions o;
  o.max_new_tokens = args.get_int("max-new-tokens", 20);
  const bool sampling = args.has("temperature") || args.has("top-k") || args.has("top-p") || args.has("seed");
  if (args.has("greedy") && sampling) throw Error("--greedy cannot be combined with sampling options");
  o.sampling.greedy = !sampling;
  o.sampling.temperature = static_cast<float>(get_double(args, "temperature", 1.0));
  o.sampling.top_k = args.get_int("top-k", 0);
  o.sampling.top_p = static_cast<float>(get_double(args, "top-p", 1.0));
  o.sampling.repetition_penalty = static_cast<float>(get_double(args, "repetition-penalty", 1.0));
  o.sampling.no_repeat_ngram_size = args.get_int("no-repeat-ngram-size", 0);
  o.sampling.seed = static_cast<uint64_t>(args.get_int("seed", 0));
  if (auto s = args.get("stop")) o.stop_strings = {*s};
  o.capture_attention = false;
  const bool stream = args.has("stream");
  const GenerationResult r = generate(*model, *tok, args.require("prompt"), o, [&](const GenerationStep& s) {
    if (stream) std::cout << nlohmann::ordered_json{{"step", step_json(s)}}.dump() << std::endl;
    return true;
  });
  nlohmann::ordered_json steps = nlohmann::json::array();
  for (const auto& s : r.steps) steps.push_back(step_json(s));
  nlohmann::ordered_json out = {{"prompt_ids", r.prompt_ids}, {"ids", r.ids}, {"text", r.text},
                                {"stop_reason", stop_reason_name(r.stop_reason)}, {"steps", steps},
                                {"prompt_ms", r.prompt_millis}, {"generation_ms", r.generation_millis}};
  if (!r.warnings.empty()) out["warnings"] = r.warnings;
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace as::cli
