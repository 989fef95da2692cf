// `attentionscope-cli models` and `download` as a user runs them, against a local imitation of
// the hub (support/fake_hub_server.h) serving a checkpoint of ../shared/models.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli_runner.h"
#include "support/fake_hub_server.h"
#include "support/test_support.h"

namespace as {
namespace {

namespace fs = std::filesystem;
using test::CliResult;
using test::quote;
using test::run_cli;

constexpr const char* kCommit = "9b2e4c6a8d0f1e3c5a7b9d1f3e5c7a9b1d3f5e7c";

class CliHub : public ::testing::Test {
 protected:
  void SetUp() override {
    AS_REQUIRE_SHARED();
    cache_ = test::temp_dir() / ("cli-hub-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(cache_);
    server_.add_repo("test-org/tiny-gpt2", kCommit, {"main"});
    server_.add_folder("test-org/tiny-gpt2", test::models_dir() / "random-gpt2-L2-H64-sharded");
  }
  std::string cache_arg() const { return " --cache-dir " + quote(cache_.string()); }

  fs::path cache_;
  test::FakeHubServer server_;
};

TEST_F(CliHub, DownloadPrintsTheSnapshotAndTheModelOpens) {
  const CliResult r = run_cli("download test-org/tiny-gpt2 --endpoint " + server_.endpoint() + cache_arg());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["repo_id"], "test-org/tiny-gpt2");
  EXPECT_EQ(j["revision"], "main");
  EXPECT_EQ(j["commit"], kCommit);
  const fs::path snapshot = j["path"].get<std::string>();
  EXPECT_EQ(snapshot, cache_ / "models--test-org--tiny-gpt2" / "snapshots" / kCommit);
  // config, index, 3 shards, vocab.json, merges.txt, tokenizer_config.json, special_tokens_map.json
  EXPECT_EQ(j["files"].size(), 9u);
  EXPECT_NE(r.err.find("download: model-00001-of-00003.safetensors"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("100%"), std::string::npos) << r.err;

  const CliResult info = run_cli("info --model " + quote(snapshot.string()));
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_EQ(nlohmann::json::parse(info.out)["family"], "gpt2");
}

TEST_F(CliHub, ModelsListsWhatIsInTheCacheNamedByHfHubCache) {
  ASSERT_EQ(run_cli("download test-org/tiny-gpt2", "HF_ENDPOINT=" + server_.endpoint() + " HF_HUB_CACHE=" + quote(cache_.string())).exit_code, 0);
  const CliResult r = run_cli("models", "HF_HUB_CACHE=" + quote(cache_.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["repo_id"], "test-org/tiny-gpt2");
  EXPECT_EQ(j[0]["commit"], kCommit);
  EXPECT_EQ(j[0]["refs"], nlohmann::json::array({"main"}));
  EXPECT_EQ(j[0]["model_type"], "gpt2");
  EXPECT_EQ(j[0]["weights"], "model.safetensors.index.json");
  uint64_t size = 0;
  for (const auto& entry : fs::directory_iterator(test::models_dir() / "random-gpt2-L2-H64-sharded"))
    if (entry.path().filename() != "README.md" && entry.path().filename() != "generation_config.json") size += entry.file_size();
  EXPECT_EQ(j[0]["size_bytes"], size);

  const CliResult empty = run_cli("models" + std::string(" --cache-dir ") + quote((cache_ / "nothing").string()));
  ASSERT_EQ(empty.exit_code, 0) << empty.err;
  EXPECT_EQ(empty.out, "[]\n");
}

TEST_F(CliHub, ErrorsAreOneLineAndNonZero) {
  const CliResult missing_id = run_cli("download --revision main" + cache_arg());
  EXPECT_EQ(missing_id.exit_code, 1);
  EXPECT_NE(missing_id.err.find("needs a model id"), std::string::npos) << missing_id.err;
  const CliResult unknown = run_cli("download nobody/nothing --endpoint " + server_.endpoint() + cache_arg());
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("repository not found"), std::string::npos) << unknown.err;
  EXPECT_EQ(unknown.out, "");
  const CliResult typo = run_cli("download test-org/tiny-gpt2 --revison v2" + cache_arg());
  EXPECT_EQ(typo.exit_code, 1);
  EXPECT_NE(typo.err.find("unknown option --revison"), std::string::npos) << typo.err;
}

}  // namespace
}  // namespace as
