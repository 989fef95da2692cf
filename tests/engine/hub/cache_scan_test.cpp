// Cache discovery on a hand-made hub cache: snapshots are relative symlinks into blobs/ as
// huggingface_hub writes them; only complete snapshots of supported model types are listed.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "hub/cache_scan.h"
#include "support/test_support.h"

namespace as::hub {
namespace {

namespace fs = std::filesystem;

class CacheScan : public ::testing::Test {
 protected:
  void SetUp() override {
    AS_REQUIRE_SHARED();
    root_ = test::temp_dir() / "hub-scan";
    fs::remove_all(root_);
  }

  // Copies `files` of a checkpoint folder into blobs/ (named by a made-up etag) and links them
  // from snapshots/<commit>/; returns the total size.
  uint64_t add_snapshot(const std::string& folder, const std::string& commit, const fs::path& source,
                        const std::vector<std::string>& files) {
    uint64_t size = 0;
    const fs::path repo = root_ / folder;
    fs::create_directories(repo / "blobs");
    fs::create_directories(repo / "snapshots" / commit);
    for (const std::string& name : files) {
      const std::string etag = "etag-" + commit + "-" + name;
      fs::copy_file(source / name, repo / "blobs" / etag);
      fs::create_symlink(fs::path("../../blobs") / etag, repo / "snapshots" / commit / name);
      size += fs::file_size(source / name);
    }
    return size;
  }
  void add_ref(const std::string& folder, const std::string& ref, const std::string& commit) {
    fs::create_directories((root_ / folder / "refs" / ref).parent_path());
    test::write_file(root_ / folder / "refs" / ref, commit);
  }

  fs::path root_;
};

TEST_F(CacheScan, ListsCompleteSupportedSnapshotsOnly) {
  const fs::path bert = test::models_dir() / "random-bert-uncased-L2-H64-bf16";
  const fs::path gpt2 = test::models_dir() / "random-gpt2-L2-H64-sharded";
  const std::vector<std::string> bert_files = {"config.json", "model.safetensors", "vocab.txt", "tokenizer_config.json"};
  // Two revisions of one repository, both complete: main and an older tag.
  const uint64_t bert_size = add_snapshot("models--org--bert", "aaaa1111", bert, bert_files);
  add_snapshot("models--org--bert", "bbbb2222", bert, bert_files);
  add_ref("models--org--bert", "main", "aaaa1111");
  add_ref("models--org--bert", "refs/pr/1", "aaaa1111");
  add_ref("models--org--bert", "v0", "bbbb2222");
  // A third whose weights blob is gone (an interrupted cleanup): a dangling link.
  add_snapshot("models--org--bert", "cccc3333", bert, bert_files);
  fs::remove(root_ / "models--org--bert" / "blobs" / "etag-cccc3333-model.safetensors");
  // Sharded GPT-2 without a repo org, complete.
  const std::vector<std::string> gpt2_files = {"config.json", "model.safetensors.index.json",
                                               "model-00001-of-00003.safetensors", "model-00002-of-00003.safetensors",
                                               "model-00003-of-00003.safetensors", "vocab.json", "merges.txt"};
  const uint64_t gpt2_size = add_snapshot("models--gpt2", "dddd4444", gpt2, gpt2_files);
  // The same, one shard short.
  add_snapshot("models--gpt2-broken", "eeee5555", gpt2, {gpt2_files.begin(), gpt2_files.end() - 3});
  add_snapshot("models--gpt2-broken", "eeee5555", gpt2, {"vocab.json", "merges.txt"});
  // No tokenizer files.
  add_snapshot("models--org--no-tokenizer", "ffff6666", bert, {"config.json", "model.safetensors"});
  // A model type the engine does not run.
  fs::create_directories(root_ / "models--meta--llama" / "snapshots" / "1234");
  test::write_file(root_ / "models--meta--llama" / "snapshots" / "1234" / "config.json", R"({"model_type": "llama"})");
  add_snapshot("models--meta--llama", "1234", bert, {"model.safetensors", "vocab.txt"});
  // Not model repositories.
  add_snapshot("datasets--org--bert", "aaaa1111", bert, bert_files);
  fs::create_directories(root_ / ".locks" / "models--org--bert");

  const std::vector<CachedModel> models = list_cached_models(root_);
  ASSERT_EQ(models.size(), 3u);
  EXPECT_EQ(models[0].repo_id, "gpt2");
  EXPECT_EQ(models[0].commit, "dddd4444");
  EXPECT_TRUE(models[0].refs.empty());
  EXPECT_EQ(models[0].weights, "model.safetensors.index.json");
  EXPECT_EQ(models[0].model_type, "gpt2");
  EXPECT_EQ(models[0].size_bytes, gpt2_size);

  EXPECT_EQ(models[1].repo_id, "org/bert");
  EXPECT_EQ(models[1].commit, "aaaa1111");
  EXPECT_EQ(models[1].refs, (std::vector<std::string>{"main", "refs/pr/1"}));
  EXPECT_EQ(models[1].snapshot, root_ / "models--org--bert" / "snapshots" / "aaaa1111");
  EXPECT_EQ(models[1].size_bytes, bert_size);
  EXPECT_EQ(models[1].model_type, "bert");
  EXPECT_EQ(models[1].weights, "model.safetensors");
  EXPECT_EQ(models[2].commit, "bbbb2222");
  EXPECT_EQ(models[2].refs, std::vector<std::string>{"v0"});
}

TEST_F(CacheScan, AMissingCacheIsEmpty) { EXPECT_TRUE(list_cached_models(root_ / "absent").empty()); }

TEST_F(CacheScan, ExplainsWhyAFolderCannotBeOpened) {
  EXPECT_EQ(loadable_model_problem(test::models_dir() / "random-gpt2-L4-H256"), "");
  EXPECT_NE(loadable_model_problem(root_).find("config.json"), std::string::npos);
}

}  // namespace
}  // namespace as::hub
