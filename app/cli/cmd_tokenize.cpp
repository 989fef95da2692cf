// attentionscope-cli tokenize: the model folder's tokenizer on a text, as JSON.
//   --model DIR (--text T [--text-pair T2] | --file PATH|-) [--explain] [--max-length N]
//   --stats: only {"tokens","bytes","seconds","mb_per_s"} for the whole text (no special tokens,
//            no truncation), to measure tokenizer throughput.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/error.h"
#include "tokenizers/encoding_json.h"
#include "tokenizers/tokenizer.h"
#include "tokenizers/tokenizer_settings.h"

namespace as::cli {

namespace {

std::string read_text_source(const std::string& path) {
  std::ostringstream buffer;
  if (path == "-") {
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("--file: cannot open " + path);
  buffer << in.rdbuf();
  return buffer.str();
}

std::string text_from_args(const Args& args) {
  if (args.has("text") && args.has("file")) throw Error("give either --text or --file, not both");
  if (args.has("file")) return read_text_source(args.require("file"));
  if (args.has("text")) return args.require("text");
  throw Error("missing --text or --file");
}

void print(const nlohmann::json& out) {
  std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

int print_stats(const Tokenizer& tokenizer, const std::string& text) {
  EncodeOptions options;
  options.add_special_tokens = false;
  tokenizer.encode("warm-up", options);  // builds the lazily computed character tables outside the timing
  const auto start = std::chrono::steady_clock::now();
  const Encoding encoding = tokenizer.encode(text, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  nlohmann::json out;
  out["tokens"] = encoding.tokens.size();
  out["bytes"] = text.size();
  out["seconds"] = seconds;
  out["mb_per_s"] = seconds > 0 ? static_cast<double>(text.size()) / 1e6 / seconds : 0.0;
  print(out);
  return 0;
}

}  // namespace

int cmd_tokenize(const Args& args) {
  args.allow_only({"model", "text", "text-pair", "file", "explain", "stats", "max-length"});
  const std::string dir = args.require("model");
  const auto tokenizer = load_tokenizer(dir, model_type_of(dir));
  const std::string text = text_from_args(args);
  if (args.has("stats")) {
    if (args.has("text-pair") || args.has("explain")) throw Error("--stats takes a single text, without --text-pair or --explain");
    return print_stats(*tokenizer, text);
  }
  EncodeOptions options;
  options.max_length = args.get_int("max-length", 0);
  if (options.max_length < 0) throw Error("--max-length must be 0 (no limit) or positive");
  const Encoding encoding = args.has("text-pair") ? tokenizer->encode_pair(text, args.require("text-pair"), options)
                                                  : tokenizer->encode(text, options);
  nlohmann::json out = encoding_to_json(encoding);
  if (args.has("explain")) {
    nlohmann::json explained = explanation_to_json(tokenizer->explain(text), tokenizer->kind());
    if (args.has("text-pair")) {
      nlohmann::json second = explanation_to_json(tokenizer->explain(args.require("text-pair")), tokenizer->kind());
      explained.insert(explained.end(), second.begin(), second.end());
    }
    out["explain"] = std::move(explained);
  }
  print(out);
  return 0;
}

}  // namespace as::cli
