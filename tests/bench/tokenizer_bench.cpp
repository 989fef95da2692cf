// Tokenizer throughput, single-threaded: WordPiece (bert-base-uncased vocab) and byte-level BPE
// (GPT-2, with its per-word cache warm after the first iteration) on ~1 MB of English prose and
// ~1 MB of mixed-script text. Both texts are built deterministically from the golden files in
// ../shared (no downloads): prose from the long English golden inputs, re-sampled into sentences;
// mixed text from the 458 tokenizer golden lines (20+ scripts, emoji, odd whitespace).
// AS_BENCH_TEXT=FILE adds both tokenizers on that file (any text of your own).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tokenizers/tokenizer.h"

namespace {

namespace fs = std::filesystem;
constexpr size_t kTargetBytes = 1 << 20;

fs::path shared_dir() { return AS_SHARED_DIR; }

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string() + " (the benchmark needs ../shared)");
  return nlohmann::json::parse(in);
}

// A small fixed-seed generator, so that every run builds the same text.
struct Lcg {
  uint64_t state = 0x9E3779B97F4A7C15ULL;
  size_t below(size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>((state >> 33) % n);
  }
};

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

// Sentences of 6-24 words drawn from the golden English paragraphs, paragraphs of 3-7 sentences.
std::string english_prose() {
  std::vector<std::string> words;
  for (const char* c : {"random-bert-uncased-L4-H256/overlong_truncated_512.json", "random-gpt2-L4-H256/near_max_1024.json",
                        "random-bert-uncased-L4-H256/long_500.json", "random-gpt2-L4-H256/long_400.json"}) {
    const auto w = words_of(read_json(shared_dir() / "golden" / c)["text"].get<std::string>());
    words.insert(words.end(), w.begin(), w.end());
  }
  Lcg rng;
  std::string text;
  while (text.size() < kTargetBytes) {
    const size_t sentences = 3 + rng.below(5);
    for (size_t s = 0; s < sentences; ++s) {
      const size_t length = 6 + rng.below(19);
      for (size_t i = 0; i < length; ++i) {
        std::string w = words[rng.below(words.size())];
        if (i == 0 && !w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
        text += w;
        text += i + 1 < length ? " " : ". ";
      }
    }
    text += "\n\n";
  }
  return text;
}

// The golden tokenizer inputs (Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari, Thai, CJK,
// Hangul, emoji, control and space characters) in a fixed pseudo-random order.
std::string mixed_script() {
  std::vector<std::string> lines;
  std::ifstream in(shared_dir() / "golden" / "tokenizers" / "bert-base-uncased.jsonl");
  std::string line;
  while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line)["text"].get<std::string>());
  if (lines.empty()) throw std::runtime_error("no golden tokenizer lines found under " + shared_dir().string());
  Lcg rng;
  std::string text;
  while (text.size() < kTargetBytes) {
    text += lines[rng.below(lines.size())];
    text += rng.below(3) == 0 ? "\n" : " ";
  }
  return text;
}

std::string file_text() {
  const char* path = std::getenv("AS_BENCH_TEXT");
  std::ifstream in(path ? path : "", std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot read AS_BENCH_TEXT=") + (path ? path : ""));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// which: 0 = English prose, 1 = mixed script, 2 = the AS_BENCH_TEXT file.
const std::string& text_for(int which) {
  static const std::string english = english_prose();
  static const std::string mixed = mixed_script();
  if (which == 2) {
    static const std::string file = file_text();
    return file;
  }
  return which == 0 ? english : mixed;
}

const as::Tokenizer& tokenizer_for(int which) {
  static const auto wordpiece = as::load_tokenizer(shared_dir() / "models" / "random-bert-uncased-L4-H256");
  static const auto bpe = as::load_tokenizer(shared_dir() / "models" / "random-gpt2-L4-H256");
  return which == 0 ? *wordpiece : *bpe;
}

// which_tokenizer: 0 = WordPiece, 1 = BPE; which_text: 0 = English, 1 = mixed script.
void BM_Encode(benchmark::State& state, int which_tokenizer, int which_text) {
  const as::Tokenizer& tokenizer = tokenizer_for(which_tokenizer);
  const std::string& text = text_for(which_text);
  as::EncodeOptions options;
  options.add_special_tokens = false;
  size_t tokens = 0;
  for (auto _ : state) {
    const as::Encoding encoding = tokenizer.encode(text, options);
    tokens = encoding.tokens.size();
    benchmark::DoNotOptimize(encoding.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["tokens"] = static_cast<double>(tokens);
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(text.size()) * static_cast<double>(state.iterations()) / 1e6,
                                              benchmark::Counter::kIsRate);
}

BENCHMARK_CAPTURE(BM_Encode, wordpiece_english, 0, 0)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_CAPTURE(BM_Encode, wordpiece_mixed, 0, 1)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_CAPTURE(BM_Encode, bpe_english, 1, 0)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_CAPTURE(BM_Encode, bpe_mixed, 1, 1)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

int main(int argc, char** argv) {
  if (std::getenv("AS_BENCH_TEXT")) {
    benchmark::RegisterBenchmark("BM_Encode/wordpiece_file", BM_Encode, 0, 2)->Unit(benchmark::kMillisecond)->MinTime(2.0);
    benchmark::RegisterBenchmark("BM_Encode/bpe_file", BM_Encode, 1, 2)->Unit(benchmark::kMillisecond)->MinTime(2.0);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
