// SHA-256 against published test vectors and the checkpoint README, and the cache naming rules
// huggingface_hub uses.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "core/error.h"
#include "hub/downloader.h"
#include "hub/hub_cache.h"
#include "hub/sha256.h"
#include "support/test_support.h"

namespace as::hub {
namespace {

std::string sha256_hex(const std::string& bytes) {
  Sha256 h;
  h.update(bytes.data(), bytes.size());
  return h.hex_digest();
}

TEST(HubSha256, MatchesFips180Vectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(HubSha256, HashesAFileAsItsPublishedChecksum) {
  AS_REQUIRE_SHARED();
  Sha256 h;
  hash_file_into(h, test::models_dir() / "random-gpt2-L4-H256-f16" / "model.safetensors");
  EXPECT_EQ(h.hex_digest(), "47585b0c9828ee2a4ed4aa24f40404e5cca5d6989a7b407e7acc4928f77d4275");  // shared/models/README.md
}

TEST(HubCacheNames, FollowHuggingfaceHub) {
  EXPECT_EQ(repo_folder_name("bert-base-uncased"), "models--bert-base-uncased");
  EXPECT_EQ(repo_folder_name("openai-community/gpt2"), "models--openai-community--gpt2");
  EXPECT_EQ(repo_id_from_folder("models--openai-community--gpt2"), "openai-community/gpt2");
  EXPECT_EQ(repo_id_from_folder("models--gpt2"), "gpt2");
  EXPECT_EQ(repo_id_from_folder("datasets--glue"), std::nullopt);
}

TEST(HubCacheNames, RejectBadIdsAndRevisions) {
  for (const char* bad : {"", "a/b/c", "../x", "a//b", "org/na me", "org/-x", "a--b/c", "/name"})
    EXPECT_THROW(validate_repo_id(bad), Error) << bad;
  EXPECT_NO_THROW(validate_repo_id("google-bert/bert-base-multilingual-cased"));
  EXPECT_NO_THROW(validate_repo_id("distilgpt2"));
  for (const char* bad : {"", "..", "a/../b", "main/", "x y"}) EXPECT_THROW(validate_revision(bad), Error) << bad;
  EXPECT_NO_THROW(validate_revision("refs/pr/1"));
  EXPECT_NO_THROW(validate_revision("v1.0"));
}

class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) ::setenv(name, value, 1);
    else ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(HubCacheRoot, HfHubCacheThenHfHomeThenHome) {
  ScopedEnv legacy("HUGGINGFACE_HUB_CACHE", nullptr);
  ScopedEnv xdg("XDG_CACHE_HOME", nullptr);
  ScopedEnv home("HOME", "/home/ada");
  {
    ScopedEnv cache("HF_HUB_CACHE", "/data/hub");
    ScopedEnv hf_home("HF_HOME", "/data/hf");
    EXPECT_EQ(default_cache_root(), "/data/hub");
  }
  {
    ScopedEnv cache("HF_HUB_CACHE", nullptr);
    ScopedEnv hf_home("HF_HOME", "/data/hf");
    EXPECT_EQ(default_cache_root(), "/data/hf/hub");
  }
  ScopedEnv cache("HF_HUB_CACHE", nullptr);
  ScopedEnv hf_home("HF_HOME", nullptr);
  EXPECT_EQ(default_cache_root(), "/home/ada/.cache/huggingface/hub");
}

TEST(HubEndpoint, ArgumentThenHfEndpointThenHuggingFace) {
  {
    ScopedEnv endpoint("HF_ENDPOINT", "https://hf-mirror.example/");
    EXPECT_EQ(resolve_endpoint(""), "https://hf-mirror.example");
    EXPECT_EQ(resolve_endpoint("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
  }
  ScopedEnv endpoint("HF_ENDPOINT", nullptr);
  EXPECT_EQ(resolve_endpoint(""), "https://huggingface.co");
  EXPECT_THROW(resolve_endpoint("ftp://x"), Error);
}

}  // namespace
}  // namespace as::hub
