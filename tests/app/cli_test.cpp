// attentionscope-cli run as a user runs it: JSON on stdout, one line on stderr and a non-zero exit
// code on error. Numbers written by `run --out` are compared with ../shared/golden.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli_runner.h"
#include "io/safetensors.h"
#include "support/golden.h"
#include "support/test_support.h"

namespace as {
namespace {

namespace fs = std::filesystem;
using test::CliResult;
using test::quote;
using test::run_cli;
using test::run_shell;

std::string model(const std::string& name) { return quote((test::models_dir() / name).string()); }

TEST(Cli, InfoReportsTheCheckpoint) {
  AS_REQUIRE_SHARED();
  const CliResult r = run_cli("info --model " + model("random-bert-uncased-L4-H256"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["family"], "bert");
  EXPECT_EQ(j["layers"], 4);
  EXPECT_EQ(j["heads"], 4);
  EXPECT_EQ(j["hidden"], 256);
  EXPECT_EQ(j["vocab_size"], 30522);
  EXPECT_EQ(j["max_positions"], 512);
  EXPECT_EQ(j["parameters"], 11267900);  // ../shared/models/README.md
  EXPECT_EQ(j["dtype"], "F32");
}

TEST(Cli, InfoOfTheF16Gpt2) {
  AS_REQUIRE_SHARED();
  const CliResult r = run_cli("info --model " + model("random-gpt2-L4-H256-f16"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["family"], "gpt2");
  EXPECT_EQ(j["dtype"], "F16");
  EXPECT_EQ(j["parameters"], 16287488);  // ../shared/models/README.md
  EXPECT_EQ(j["max_positions"], 1024);
}

TEST(Cli, RunWritesGoldenNamedTensorsThatMatchTransformers) {
  AS_REQUIRE_SHARED();
  const auto golden_json = test::read_json(test::golden_dir() / "random-bert-uncased-L4-H256" / "pair.json");
  std::string ids, types;
  for (const auto& v : golden_json["input_ids"]) ids += (ids.empty() ? "" : ",") + v.dump();
  for (const auto& v : golden_json["token_type_ids"]) types += (types.empty() ? "" : ",") + v.dump();
  const fs::path out = test::temp_dir() / "cli-run-pair.safetensors";
  const CliResult r = run_cli("run --model " + model("random-bert-uncased-L4-H256") + " --ids " + ids +
                              " --token-type-ids " + types + " --out " + quote(out.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["backend"], "cpu");
  EXPECT_EQ(j["seq_len"], 17);
  EXPECT_GT(j["millis"].get<double>(), 0.0);
  auto ours = SafetensorsFile::open(out);
  auto golden = SafetensorsFile::open(test::golden_dir() / "random-bert-uncased-L4-H256" / "pair.safetensors");
  for (int l = 0; l < 4; ++l) {
    const std::string name = "attentions." + std::to_string(l);
    test::expect_close(ours->load_f32(name), golden->load_f32(name), test::kAttentionTol, name);
    EXPECT_EQ(ours->info("scores." + std::to_string(l)).shape, (Shape{4, 17, 17}));
  }
  for (int i = 0; i <= 4; ++i) {
    const std::string name = "hidden_states." + std::to_string(i);
    test::expect_close(ours->load_f32(name), golden->load_f32(name), test::kHiddenTol, name);
  }
  // logits [T, vocab]; golden stores rows 0 and T-1.
  const Tensor logits = ours->load_f32("logits");
  ASSERT_EQ(logits.shape(), (Shape{17, 30522}));
  const Tensor g = golden->load_f32("logits");
  const auto row_of = [](const Tensor& t, int64_t row) {
    return Tensor({1, t.dim(1)}, t.data() + row * t.dim(1), nullptr);
  };
  test::expect_rows_close(logits, 0, row_of(g, 0), test::kLogitTol, "logits [CLS]");
  test::expect_rows_close(logits, 16, row_of(g, 1), test::kLogitTol, "logits [SEP]");
}

TEST(Cli, ErrorsAreOneLineOnStderrWithNonZeroExit) {
  AS_REQUIRE_SHARED();
  const struct {
    std::string args;
    std::string fragment;
  } cases[] = {
      {"info --model /nonexistent/folder", "not a folder"},
      {"run --model " + model("random-bert-uncased-L4-H256") + " --ids 101,99999999,102", "outside the vocabulary"},
      {"run --model " + model("random-bert-uncased-L4-H256") + " --ids 101,abc", "expected an integer"},
      {"run --model " + model("random-bert-uncased-L4-H256"), "missing --ids or --text"},
      {"run --model " + model("random-bert-uncased-L4-H256") + " --ids 101 --backend vulkan", "unknown backend"},
      {"info --model " + model("random-bert-uncased-L4-H256") + " --bogus 1", "unknown option --bogus"},
      {"bench --model random:llama", "unknown random model"},
      {"frobnicate", "unknown command"},
  };
  for (const auto& c : cases) {
    const CliResult r = run_cli(c.args);
    EXPECT_NE(r.exit_code, 0) << c.args;
    EXPECT_TRUE(r.out.empty()) << c.args << " printed on stdout: " << r.out;
    EXPECT_NE(r.err.find(c.fragment), std::string::npos) << c.args << "\nstderr: " << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "stderr must be exactly one line: " << r.err;
  }
}

TEST(Cli, BenchReportsTimings) {
  AS_REQUIRE_SHARED();
  const CliResult r = run_cli("bench --model " + model("random-gpt2-L4-H256") + " --seq-len 32 --repeat 3 --threads 1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["seq_len"], 32);
  EXPECT_EQ(j["repeat"], 3);
  EXPECT_GT(j["median_ms"].get<double>(), 0.0);
  EXPECT_LE(j["min_ms"].get<double>(), j["median_ms"].get<double>());
  EXPECT_NEAR(j["tokens_per_s"].get<double>(), 32 * 1000.0 / j["median_ms"].get<double>(), 1e-6);
}

}  // namespace
}  // namespace as

namespace as {
namespace {

TEST(CliPipelines, FillMaskMatchesTheGoldenTopK) {
  AS_REQUIRE_SHARED();
  const auto g = test::read_json(test::golden_dir() / "random-bert-uncased-L4-H256" / "mask_martin.json");
  const CliResult r = run_cli("fill-mask --model " + model("random-bert-uncased-L4-H256") + " --text " +
                              quote(g["text"].get<std::string>()) + " --top-k 5");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["masks"].size(), 1u);
  EXPECT_EQ(j["masks"][0]["position"], g["fill_mask"][0]["position"]);
  for (size_t k = 0; k < 5; ++k) {
    const auto& c = j["masks"][0]["candidates"][k];
    EXPECT_EQ(c["id"], g["fill_mask"][0]["top_k"][k]["id"]);
    EXPECT_EQ(c["token"], g["fill_mask"][0]["top_k"][k]["token_str"]);
    EXPECT_NEAR(c["probability"].get<double>(), g["fill_mask"][0]["top_k"][k]["prob"].get<double>(), test::kProbTol);
    EXPECT_TRUE(c.contains("sequence"));
  }
}

TEST(CliPipelines, NspMatchesTransformers) {
  AS_REQUIRE_SHARED();
  const auto g = test::read_json(test::golden_dir() / "random-bert-uncased-L4-H256" / "pair.json");
  const CliResult r = run_cli("nsp --model " + model("random-bert-uncased-L4-H256") + " --text " +
                              quote(g["text"].get<std::string>()) + " --text-pair " + quote(g["text_pair"].get<std::string>()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NEAR(nlohmann::json::parse(r.out)["is_next_probability"].get<double>(), g["nsp"]["is_next_probability"].get<double>(),
              test::kProbTol);
}

TEST(CliPipelines, GreedyGenerateMatchesTransformersAndStreams) {
  AS_REQUIRE_SHARED();
  const auto g = test::read_json(test::golden_dir() / "random-gpt2-L4-H256" / "transformer_intro.json");
  const CliResult r = run_cli("generate --model " + model("random-gpt2-L4-H256") + " --prompt " +
                              quote(g["text"].get<std::string>()) + " --max-new-tokens 20 --greedy --stream");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // 20 streamed step lines, then the summary line.
  std::vector<nlohmann::json> lines;
  size_t start = 0;
  for (size_t nl = r.out.find('\n'); nl != std::string::npos; start = nl + 1, nl = r.out.find('\n', start))
    lines.push_back(nlohmann::json::parse(r.out.substr(start, nl - start)));
  ASSERT_EQ(lines.size(), 21u);
  const auto& summary = lines.back();
  EXPECT_EQ(summary["prompt_ids"], g["input_ids"]);
  EXPECT_EQ(summary["ids"], g["generation"]["new_ids"]);
  EXPECT_EQ(summary["text"], g["generation"]["new_text"]);
  for (size_t s = 0; s < 20; ++s) {
    EXPECT_EQ(lines[s]["step"]["id"], g["generation"]["new_ids"][s]);
    EXPECT_EQ(summary["steps"][s]["top"][0]["id"], g["generation"]["steps"][s]["top5"][0]["id"]);
  }
}

TEST(CliPipelines, SampledGenerateIsReproducibleWithASeed) {
  AS_REQUIRE_SHARED();
  const std::string cmd = "generate --model " + model("random-gpt2-L4-H256") +
                          " --prompt 'In this course, we will' --max-new-tokens 8 --temperature 1.2 --top-k 40 --top-p 0.9 --seed 7";
  const CliResult a = run_cli(cmd), b = run_cli(cmd);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(nlohmann::json::parse(a.out)["ids"], nlohmann::json::parse(b.out)["ids"]);
}

TEST(CliPipelines, ClearErrors) {
  AS_REQUIRE_SHARED();
  const CliResult no_mask = run_cli("fill-mask --model " + model("random-bert-uncased-L4-H256") + " --text 'no mask here'");
  EXPECT_EQ(no_mask.exit_code, 1);
  EXPECT_NE(no_mask.err.find("no [MASK]"), std::string::npos) << no_mask.err;
  const CliResult no_head = run_cli("nsp --model " + model("random-gpt2-L4-H256") + " --text a --text-pair b");
  EXPECT_EQ(no_head.exit_code, 1);
  EXPECT_NE(no_head.err.find("no next-sentence head"), std::string::npos) << no_head.err;
  const CliResult bad = run_cli("generate --model " + model("random-gpt2-L4-H256") + " --prompt hi --temperature 0");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("temperature must be greater than 0"), std::string::npos) << bad.err;
}

// --attention-layers: only the listed layers' attention is captured and written (issue 10 item 5);
// they still match transformers, and the others are simply absent from the file.
TEST(Cli, RunWritesOnlyTheSelectedAttentionLayers) {
  AS_REQUIRE_SHARED();
  const auto golden_json = test::read_json(test::golden_dir() / "random-bert-uncased-L4-H256" / "pair.json");
  std::string ids, types;
  for (const auto& v : golden_json["input_ids"]) ids += (ids.empty() ? "" : ",") + v.dump();
  for (const auto& v : golden_json["token_type_ids"]) types += (types.empty() ? "" : ",") + v.dump();
  const fs::path out = test::temp_dir() / "cli-run-layer-2.safetensors";
  const CliResult r = run_cli("run --model " + model("random-bert-uncased-L4-H256") + " --ids " + ids +
                              " --token-type-ids " + types + " --attention-layers 2 --out " + quote(out.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto ours = SafetensorsFile::open(out);
  auto golden = SafetensorsFile::open(test::golden_dir() / "random-bert-uncased-L4-H256" / "pair.safetensors");
  test::expect_close(ours->load_f32("attentions.2"), golden->load_f32("attentions.2"), test::kAttentionTol, "attentions.2");
  EXPECT_TRUE(ours->contains("scores.2"));
  for (int l : {0, 1, 3}) {
    EXPECT_FALSE(ours->contains("attentions." + std::to_string(l))) << l;
    EXPECT_FALSE(ours->contains("scores." + std::to_string(l))) << l;
  }
  test::expect_close(ours->load_f32("hidden_states.4"), golden->load_f32("hidden_states.4"), test::kHiddenTol,
                     "hidden_states.4");

  const CliResult bad = run_cli("run --model " + model("random-bert-uncased-L4-H256") + " --ids 101,102" +
                                " --attention-layers 4 --out " + quote(out.string()));
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("attention layer 4 does not exist (the model has layers 0..3)"), std::string::npos) << bad.err;
}

// `run --out` that fails half-way (here: the file size limit, as a full disk would) reports it and
// leaves neither a truncated file under the name asked for nor a temporary one; a file that was
// there before keeps its contents.
TEST(Cli, RunOutFailingHalfWayLeavesNoPartialFile) {
  AS_REQUIRE_SHARED();
  const fs::path dir = test::temp_dir() / "cli-failing-out";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path out = dir / "out.safetensors";
  test::write_file(out, "old contents");
  // `trap '' XFSZ` ignores the signal so the write fails with EFBIG instead of killing the CLI.
  const CliResult r = run_shell("trap '' XFSZ; ulimit -f 16; " + std::string(AS_CLI_PATH) + " run --model " +
                                model("random-bert-uncased-L4-H256") + " --ids 101,7592,102 --out " + quote(out.string()));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("write failed"), std::string::npos) << r.err;
  EXPECT_EQ(test::read_file(out), "old contents");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1) << "a temporary file was left";
}

// Invalid UTF-8 in a text file is replaced (U+FFFD, as HF's tokenizers do on decoding bytes) and
// reported, not fatal.
TEST(Cli, TokenizeAFileWithInvalidUtf8WarnsAndGoesOn) {
  AS_REQUIRE_SHARED();
  const fs::path file = test::temp_dir() / "invalid-utf8.txt";
  test::write_file(file, std::string("caf\xe9 ok \xff\xfe end\n"));
  const CliResult r = run_cli("tokenize --model " + model("random-bert-uncased-L4-H256") + " --file " + quote(file.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("invalid UTF-8"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace as
