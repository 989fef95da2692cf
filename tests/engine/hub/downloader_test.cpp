// The hub downloader against a local imitation of the hub (support/fake_hub_server.h) serving the
// test checkpoints of ../shared/models: layout of the cache, redirects, optional files, resume
// with Range after a dropped connection or a cancel, SHA-256 checks, and the model then loads.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "backends/backend.h"
#include "core/error.h"
#include "hub/downloader.h"
#include "models/model.h"
#include "support/fake_hub_server.h"
#include "support/test_support.h"
#include "tokenizers/tokenizer.h"

namespace as::hub {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCommit = "3f1c0a9e5b7d2468ace013579bdf2468ace01357";
constexpr const char* kRepo = "test-org/tiny-distilbert";
constexpr const char* kDistilBert = "random-distilbert-uncased-L2-H64-f16";

class HubDownload : public ::testing::Test {
 protected:
  void SetUp() override {
    AS_REQUIRE_SHARED();
    cache_ = test::temp_dir() / ("hub-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(cache_);
    server_.add_repo(kRepo, kCommit, {"main", "v1"});
    server_.add_folder(kRepo, test::models_dir() / kDistilBert);
  }

  DownloadOptions options(const std::string& repo = kRepo) const {
    DownloadOptions o;
    o.repo_id = repo;
    o.endpoint = server_.endpoint();
    o.cache_root = cache_;
    return o;
  }
  fs::path repo_dir() const { return cache_ / "models--test-org--tiny-distilbert"; }
  std::vector<test::ServedRequest> cdn_gets() const {
    std::vector<test::ServedRequest> out;
    for (const auto& r : server_.requests())
      if (r.method == "GET" && r.path.rfind("/cdn/", 0) == 0) out.push_back(r);
    return out;
  }

  fs::path cache_;
  test::FakeHubServer server_;
};

TEST_F(HubDownload, StoresTheSnapshotInHuggingFaceLayoutAndTheModelLoads) {
  std::vector<DownloadProgress> reports;
  DownloadOptions o = options();
  o.progress = [&](const DownloadProgress& p) { reports.push_back(p); };
  const DownloadResult r = download_model(o);

  EXPECT_EQ(r.commit, kCommit);
  EXPECT_EQ(r.snapshot, repo_dir() / "snapshots" / kCommit);
  EXPECT_EQ(test::read_file(repo_dir() / "refs" / "main"), kCommit);
  const fs::path source = test::models_dir() / kDistilBert;
  for (const char* name : {"config.json", "model.safetensors", "vocab.txt", "tokenizer_config.json"}) {
    const fs::path link = r.snapshot / name;
    ASSERT_TRUE(fs::is_symlink(link)) << name;
    const std::string etag = server_.etag_of(kRepo, name);
    EXPECT_EQ(fs::read_symlink(link), fs::path("../../blobs") / etag) << name;
    EXPECT_EQ(test::read_file(repo_dir() / "blobs" / etag), test::read_file(source / name)) << name;
  }
  // Files the repository lacks were asked for, answered 404, and are simply absent.
  for (const char* optional : {"tokenizer.json", "special_tokens_map.json", "vocab.json"}) EXPECT_FALSE(fs::exists(r.snapshot / optional));
  int not_found = 0;
  for (const auto& req : server_.requests()) not_found += req.status == 404;
  EXPECT_GE(not_found, 3);
  // The weights came through the hub's redirect to the CDN, and were checked against their SHA-256.
  ASSERT_EQ(cdn_gets().size(), 1u);
  const DownloadedFile& weights = *std::find_if(r.files.begin(), r.files.end(), [](auto& f) { return f.name == "model.safetensors"; });
  EXPECT_TRUE(weights.lfs);
  EXPECT_EQ(weights.size, fs::file_size(source / "model.safetensors"));

  ASSERT_FALSE(reports.empty());
  const uint64_t all = fs::file_size(source / "config.json") + fs::file_size(source / "model.safetensors") +
                       fs::file_size(source / "vocab.txt") + fs::file_size(source / "tokenizer_config.json");
  EXPECT_EQ(reports.back().total, all);
  EXPECT_EQ(reports.back().done, all);
  for (size_t i = 1; i < reports.size(); ++i) {
    if (reports[i - 1].total != 0) {
      EXPECT_LE(reports[i - 1].done, reports[i].done);
    }
  }

  auto model = load_model(r.snapshot, make_cpu_backend(1));
  EXPECT_EQ(model->info().family, "distilbert");
  EXPECT_EQ(model->info().layers, 2);
  EXPECT_EQ(load_tokenizer(r.snapshot, "")->encode("hello world").ids(),
            load_tokenizer(source, "")->encode("hello world").ids());
}

TEST_F(HubDownload, ARenamedRepositoryIsFollowedThroughTheHubsRelativeRedirect) {
  server_.add_rename("old-org/tiny-distilbert", kRepo);
  const DownloadResult r = download_model(options("old-org/tiny-distilbert"));
  // Stored under the name asked for, as huggingface_hub does, with the files of the new name.
  const fs::path old_dir = cache_ / "models--old-org--tiny-distilbert";
  EXPECT_EQ(r.snapshot, old_dir / "snapshots" / kCommit);
  EXPECT_EQ(test::read_file(r.snapshot / "model.safetensors"),
            test::read_file(test::models_dir() / kDistilBert / "model.safetensors"));
  int redirects = 0, followed = 0;
  for (const auto& req : server_.requests()) {
    if (req.status == 307 && req.path.rfind("/old-org/tiny-distilbert/resolve/", 0) == 0) ++redirects;
    if (req.path.rfind("/test-org/tiny-distilbert/resolve/", 0) == 0) ++followed;
  }
  EXPECT_GE(redirects, 4) << "config, weights, vocabulary and tokenizer config each asked under the old name";
  EXPECT_GE(followed, redirects) << "each redirect followed to the new name";
  EXPECT_NO_THROW(load_model(r.snapshot, make_cpu_backend(1)));
}

TEST_F(HubDownload, AGatedRepositoryNeedsTheTokenAndGetsItAsABearerHeader) {
  server_.require_token(kRepo, "hf_test_token_123");
  try {
    download_model(options());
    FAIL() << "expected an error without a token";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("set HF_TOKEN"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(repo_dir() / "snapshots")) << "nothing stored for a refused download";

  DownloadOptions o = options();
  o.token = "hf_test_token_123";
  const DownloadResult r = download_model(o);
  EXPECT_TRUE(fs::exists(r.snapshot / "model.safetensors"));
  bool sent = false;
  for (const auto& req : server_.requests())
    if (req.path.find("/resolve/") != std::string::npos && req.status / 100 == 2) {
      const auto auth = req.headers.find("authorization");
      sent = auth != req.headers.end() && auth->second == "Bearer hf_test_token_123";
      if (!sent) break;
    }
  EXPECT_TRUE(sent) << "every answered hub request carried the token";

  // From the environment when the options carry none.
  fs::remove_all(cache_);
  ::setenv("HF_TOKEN", "hf_test_token_123", 1);
  EXPECT_NO_THROW(download_model(options()));
  ::unsetenv("HF_TOKEN");
}

TEST_F(HubDownload, ASecondDownloadUsesTheCacheAndAnotherRevisionGetsItsRef) {
  download_model(options());
  DownloadOptions o = options();
  o.revision = "v1";
  const DownloadResult again = download_model(o);
  EXPECT_EQ(cdn_gets().size(), 1u);
  for (const DownloadedFile& f : again.files) EXPECT_FALSE(f.downloaded) << f.name;
  EXPECT_EQ(test::read_file(repo_dir() / "refs" / "v1"), kCommit);
}

TEST_F(HubDownload, ResumesADroppedConnectionWithARangeRequest) {
  constexpr size_t kDropAt = 1 << 20;
  server_.file(kRepo, "model.safetensors").drop_after = kDropAt;
  const DownloadResult r = download_model(options());

  const auto gets = cdn_gets();
  ASSERT_EQ(gets.size(), 2u);
  EXPECT_EQ(gets[0].headers.count("range"), 0u);
  ASSERT_EQ(gets[1].headers.count("range"), 1u);
  EXPECT_EQ(gets[1].headers.at("range"), "bytes=" + std::to_string(kDropAt) + "-");
  EXPECT_EQ(gets[1].status, 206);
  const fs::path blob = repo_dir() / "blobs" / server_.etag_of(kRepo, "model.safetensors");
  EXPECT_EQ(test::read_file(blob), test::read_file(test::models_dir() / kDistilBert / "model.safetensors"));
  EXPECT_FALSE(fs::exists(blob.string() + ".incomplete"));
}

TEST_F(HubDownload, CancelKeepsTheIncompleteFileAndTheNextRunResumesIt) {
  std::atomic<bool> cancel{false};
  DownloadOptions o = options();
  o.cancel = &cancel;
  o.progress = [&](const DownloadProgress& p) {
    if (p.file == "model.safetensors" && p.file_done > 0 && p.file_done < p.file_total) cancel = true;
  };
  EXPECT_THROW(download_model(o), Cancelled);
  const fs::path part = repo_dir() / "blobs" / (server_.etag_of(kRepo, "model.safetensors") + ".incomplete");
  ASSERT_TRUE(fs::exists(part));
  const uint64_t kept = fs::file_size(part);
  EXPECT_GT(kept, 0u);

  const DownloadResult r = download_model(options());
  const auto gets = cdn_gets();
  ASSERT_EQ(gets.back().headers.count("range"), 1u);
  EXPECT_EQ(gets.back().headers.at("range"), "bytes=" + std::to_string(kept) + "-");
  EXPECT_EQ(test::read_file(r.snapshot / "model.safetensors"),
            test::read_file(test::models_dir() / kDistilBert / "model.safetensors"));
}

TEST_F(HubDownload, WaitsWhileAnotherProcessHoldsTheBlobLock) {
  // What Python's filelock does while huggingface_hub writes this blob.
  const std::string etag = server_.etag_of(kRepo, "model.safetensors");
  const fs::path lock = cache_ / ".locks" / "models--test-org--tiny-distilbert" / (etag + ".lock");
  fs::create_directories(lock.parent_path());
  const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  std::string error;
  std::thread downloader([&] {
    try {
      download_model(options());
    } catch (const std::exception& e) {
      error = e.what();
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  EXPECT_TRUE(cdn_gets().empty());  // still waiting for the lock
  ::flock(fd, LOCK_UN);
  ::close(fd);
  downloader.join();
  EXPECT_EQ(error, "");
  EXPECT_EQ(cdn_gets().size(), 1u);
  EXPECT_TRUE(fs::exists(repo_dir() / "blobs" / etag));
}

TEST_F(HubDownload, AHashMismatchIsReportedAndNothingIsKept) {
  // An ETag that is a well-formed SHA-256, but of other bytes.
  const std::string wrong = "8fa07a0837e8b327fa681269f5507de2322baf5e8caaf9b36bea34f2e6a3a64f";
  server_.file(kRepo, "model.safetensors").etag_override = wrong;
  try {
    download_model(options());
    FAIL() << "expected a SHA-256 mismatch";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("SHA-256 mismatch for model.safetensors"), std::string::npos) << message;
    EXPECT_NE(message.find(wrong), std::string::npos) << message;
  }
  EXPECT_FALSE(fs::exists(repo_dir() / "blobs" / wrong));
  EXPECT_FALSE(fs::exists(repo_dir() / "blobs" / (wrong + ".incomplete")));
  EXPECT_FALSE(fs::exists(repo_dir() / "snapshots" / kCommit / "model.safetensors"));
}

TEST_F(HubDownload, ShardedSafetensorsBringEveryShardOfTheIndex) {
  const std::string repo = "gpt2-shards";
  server_.add_repo(repo, kCommit, {"main"});
  server_.add_folder(repo, test::models_dir() / "random-gpt2-L2-H64-sharded");
  const DownloadResult r = download_model(options(repo));
  for (int k = 1; k <= 3; ++k) {
    const std::string shard = "model-0000" + std::to_string(k) + "-of-00003.safetensors";
    EXPECT_EQ(test::read_file(r.snapshot / shard), test::read_file(test::models_dir() / "random-gpt2-L2-H64-sharded" / shard));
  }
  EXPECT_TRUE(fs::exists(r.snapshot / "merges.txt"));
  EXPECT_EQ(load_model(r.snapshot, make_cpu_backend(1))->info().family, "gpt2");
}

TEST_F(HubDownload, PytorchBinIsTheLastResort) {
  const std::string repo = "bert-bin";
  server_.add_repo(repo, kCommit, {"main"});
  server_.add_folder(repo, test::models_dir() / "random-bert-uncased-L2-H64-bin");
  const DownloadResult r = download_model(options(repo));
  EXPECT_TRUE(fs::exists(r.snapshot / "pytorch_model.bin"));
  EXPECT_EQ(load_model(r.snapshot, make_cpu_backend(1))->info().family, "bert");
}

TEST_F(HubDownload, AnUnsupportedModelTypeStopsBeforeTheWeights) {
  const std::string repo = "meta/llama-tiny";
  server_.add_repo(repo, kCommit, {"main"});
  test::ServedFile config, weights;
  config.content = R"({"model_type": "llama", "hidden_size": 64})";
  weights.content = std::string(64, 'x');
  weights.lfs = true;
  server_.add_file(repo, "config.json", config);
  server_.add_file(repo, "model.safetensors", weights);
  try {
    download_model(options(repo));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("model_type 'llama' is not supported"), std::string::npos) << e.what();
  }
  for (const auto& req : server_.requests()) EXPECT_EQ(req.path.find("model.safetensors"), std::string::npos) << req.path;
}

TEST_F(HubDownload, UnknownRepositoryRevisionAndServerSayWhatIsWrong) {
  auto message_of = [&](DownloadOptions o) {
    try {
      download_model(o);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message_of(options("nobody/nothing")).find("repository not found or it needs a login"), std::string::npos);
  DownloadOptions o = options();
  o.revision = "no-such-branch";
  EXPECT_NE(message_of(o).find("revision 'no-such-branch' not found"), std::string::npos);
  o = options();
  o.repo_id = "bad id";
  EXPECT_NE(message_of(o).find("not allowed"), std::string::npos);
  o = options();
  o.endpoint = "http://127.0.0.1:1";  // nothing listens on port 1
  EXPECT_NE(message_of(o).find("cannot reach"), std::string::npos);
}

}  // namespace
}  // namespace as::hub
