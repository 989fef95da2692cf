// attentionscope-cli: the engine from the command line, JSON on stdout.
#include <cstdio>
#include <cstring>
#include <functional>
#include <iostream>
#include <map>
#include <string>

#include "cli/commands.h"
#include "core/error.h"

namespace {

const char* kUsage =
    "usage: attentionscope-cli <command> [options]\n"
    "commands:\n"
    "  info      --model DIR\n"
    "  run       --model DIR (--ids 101,7592,102 | --text T [--text-pair T2]) [--token-type-ids ...]\n"
    "            [--backend cpu|opencl|opencl:N] [--threads K] [--out FILE.safetensors]\n"
    "            [--attention-layers all|none|L1,L2,...]\n"
    "  bench     --model DIR|random:bert-base|random:gpt2 (--seq-len N | --text T) [--repeat R] [--threads K]\n"
    "            [--backend cpu|opencl|opencl:N]\n"
    "  tokenize  --model DIR (--text T [--text-pair T2] | --file PATH|-) [--explain] [--stats]\n"
    "  fill-mask --model DIR --text T [--top-k 5] [--targets w1,w2]\n"
    "  nsp       --model DIR --text A --text-pair B\n"
    "  generate  --model DIR --prompt P [--max-new-tokens N] [--greedy | --temperature T --top-k K --top-p P\n"
    "            --seed S] [--repetition-penalty R] [--no-repeat-ngram-size N] [--stop STR] [--stream]\n"
    "  devices   the OpenCL devices, for --backend opencl:N (run, bench, fill-mask, nsp, generate)\n"
    "  models    [--cache-dir DIR]   models in the Hugging Face cache that can be opened\n"
    "  download  ORG/NAME [--revision R] [--endpoint URL] [--cache-dir DIR]   from the Hugging Face hub\n"
    "  export    --model DIR --text T [--text-pair T2] --layer L --head H|mean|max|rollout|grid|lines\n"
    "            --out FILE.{png,svg,pdf,csv,json} [--dpi N] [--size WxH]   (needs the GUI build)\n";

}  // namespace

int main(int argc, char** argv) {
  using Command = std::function<int(const as::cli::Args&)>;
  const std::map<std::string, Command> commands = {
      {"info", as::cli::cmd_info},
      {"run", as::cli::cmd_run},
      {"bench", as::cli::cmd_bench},
      {"tokenize", as::cli::cmd_tokenize},
      {"fill-mask", as::cli::cmd_fill_mask},
      {"nsp", as::cli::cmd_nsp},
      {"generate", as::cli::cmd_generate},
      {"devices", as::cli::cmd_devices},
      {"models", as::cli::cmd_models},
      // The model id comes first, without "--": `download gpt2 --revision main`.
      {"download",
       [&](const as::cli::Args&) {
         if (argc < 3 || std::strncmp(argv[2], "--", 2) == 0)
           throw as::Error("download needs a model id first, e.g. `download openai-community/gpt2`");
         return as::cli::cmd_download(argv[2], as::cli::Args(argc, argv, 3));
       }},
  };
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "help") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  if (std::strcmp(argv[1], "export") == 0) return as::cli::cmd_export(argc, argv);
  auto it = commands.find(argv[1]);
  if (it == commands.end()) {
    std::cerr << "error: unknown command '" << argv[1] << "' (try --help)\n";
    return 2;
  }
  try {
    const int first_option = std::strcmp(argv[1], "download") == 0 ? argc : 2;  // download parses its own
    return it->second(as::cli::Args(argc, argv, first_option));
  } catch (const std::exception& e) {
    std::string message = e.what();
    for (char& c : message)
      if (c == '\n') c = ' ';
    std::cerr << "error: " << message << "\n";
    return 1;
  }
}
