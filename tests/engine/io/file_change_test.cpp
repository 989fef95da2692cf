// Checkpoints that change on disk while a model uses them (issue 10 item 3). A memory-mapped
// checkpoint that is truncated kills the process with SIGBUS at the next access; these tests
// truncate, rewrite, replace and delete files under a loaded model and expect either the original
// numbers (checked against transformers' golden outputs) or a clear error — never a crash.
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <functional>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "io/memory_budget.h"
#include "io/safetensors.h"
#include "models/model.h"
#include "support/golden.h"
#include "support/test_support.h"

namespace as {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// An F32 checkpoint: before this fix its weights were used in place from the mapping.
const char* kF32Model = "random-bert-uncased-L4-H256";

class FileChange : public ::testing::Test {
 protected:
  void SetUp() override {
    AS_REQUIRE_SHARED();
    dir_ = test::temp_dir() / (std::string("changing-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const auto& entry : fs::directory_iterator(test::models_dir() / kF32Model))
      fs::copy_file(entry.path(), dir_ / entry.path().filename());
    weights_ = dir_ / "model.safetensors";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The golden "accents" case of the model: the forward pass must still match transformers.
  void expect_matches_golden(Model& model) {
    const fs::path case_json = test::golden_dir() / kF32Model / "accents.json";
    const json g = test::read_json(case_json);
    ForwardInput in;
    in.ids = g["input_ids"].get<std::vector<int32_t>>();
    in.token_type_ids = g["token_type_ids"].get<std::vector<int32_t>>();
    const ForwardResult r = model.forward(in);
    auto golden = SafetensorsFile::open(case_json.parent_path() / g["tensors_file"].get<std::string>());
    for (size_t l = 0; l < r.attentions.size(); ++l)
      test::expect_close(r.attentions[l], golden->load_f32("attentions." + std::to_string(l)), test::kAttentionTol,
                         "attentions." + std::to_string(l));
    test::expect_close(r.hidden_states.back(), golden->load_f32("hidden_states." + std::to_string(r.attentions.size())),
                       test::kHiddenTol, "last hidden state");
  }

  static std::string error_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.what();
    }
    return "(no error)";
  }

  fs::path dir_;
  fs::path weights_;
};

TEST_F(FileChange, TruncatedAfterLoadTheModelStillRunsCorrectly) {
  auto model = load_model(dir_, make_cpu_backend(1));
  fs::resize_file(weights_, 0);  // with weights used from a mapping, the forward would die of SIGBUS
  expect_matches_golden(*model);
}

TEST_F(FileChange, DeletedAfterLoadTheModelStillRunsCorrectly) {
  auto model = load_model(dir_, make_cpu_backend(1));
  fs::remove(weights_);
  expect_matches_golden(*model);
}

TEST_F(FileChange, TruncatedBetweenOpenAndReadIsAnError) {
  auto file = SafetensorsFile::open(weights_);
  const auto size = fs::file_size(weights_);
  fs::resize_file(weights_, size / 2);
  const std::string message = error_of([&] { file->load_f32("bert.embeddings.word_embeddings.weight"); });
  EXPECT_NE(message.find("model.safetensors: the file changed on disk while the model was using it"), std::string::npos)
      << message;
  EXPECT_NE(message.find("size was " + std::to_string(size) + " bytes, now " + std::to_string(size / 2)),
            std::string::npos)
      << message;
}

TEST_F(FileChange, RewrittenInPlaceBetweenOpenAndReadIsAnError) {
  auto file = SafetensorsFile::open(weights_);
  std::string bytes = test::read_file(weights_);
  bytes.back() ^= 0x55;  // same size, other contents
  test::write_file(weights_, bytes);
  // Make the change visible on file systems with coarse timestamps.
  fs::last_write_time(weights_, fs::last_write_time(weights_) + std::chrono::seconds(2));
  const std::string message = error_of([&] { file->load_f32("bert.embeddings.word_embeddings.weight"); });
  EXPECT_NE(message.find("it was modified after it was opened"), std::string::npos) << message;
}

TEST_F(FileChange, ReplacedByRenameKeepsReadingTheOpenedFile) {
  auto file = SafetensorsFile::open(weights_);
  const std::string original = test::read_file(weights_);
  test::write_file(dir_ / "new.safetensors", std::string(original.size(), '\0'));
  fs::rename(dir_ / "new.safetensors", weights_);  // how downloaders and `cp --remove-destination` replace
  const Tensor t = file->load_f32("bert.embeddings.LayerNorm.weight");
  // Decode the original bytes independently: header length, header, then the tensor's F32 bytes.
  uint64_t n = 0;
  std::memcpy(&n, original.data(), 8);
  const json header = json::parse(original.substr(8, n));
  const auto begin = header["bert.embeddings.LayerNorm.weight"]["data_offsets"][0].get<uint64_t>();
  ASSERT_EQ(t.size(), 256);
  for (int64_t i = 0; i < t.size(); ++i) {
    float expected = 0;
    std::memcpy(&expected, original.data() + 8 + n + begin + 4 * static_cast<uint64_t>(i), 4);
    ASSERT_EQ(t.data()[i], expected) << "element " << i;
  }
}

TEST_F(FileChange, FolderRemovedDuringLoadIsReported) {
  LoadOptions options;
  bool removed = false;
  options.progress = [&](double, const std::string&) {
    if (!removed) fs::remove_all(dir_);
    removed = true;
  };
  const std::string message = error_of([&] { load_model(dir_, make_cpu_backend(1), options); });
  EXPECT_EQ(message, dir_.string() + ": the model folder was removed while the model was loading");
}

TEST_F(FileChange, CheckpointLargerThanAvailableMemoryIsRefusedBeforeLoading) {
  LoadOptions options;
  options.available_memory = 1024 * 1024;  // 1 MiB; the F32 weights of this model take tens of MiB
  bool started = false;
  options.progress = [&](double, const std::string&) { started = true; };
  const std::string message = error_of([&] { load_model(dir_, make_cpu_backend(1), options); });
  EXPECT_NE(message.find("model.safetensors: loading needs "), std::string::npos) << message;
  EXPECT_NE(message.find("but only 1.0 MiB is available (MemAvailable in /proc/meminfo)"), std::string::npos) << message;
  EXPECT_FALSE(started) << "the refusal must come before any weight is loaded";
}

TEST_F(FileChange, TorchCheckpointTruncatedAfterLoadStillRuns) {
  const fs::path bin_dir = test::temp_dir() / "changing-torch";
  fs::remove_all(bin_dir);
  fs::copy(test::models_dir() / "random-bert-uncased-L2-H64-bin", bin_dir);
  auto model = load_model(bin_dir, make_cpu_backend(1));
  fs::resize_file(bin_dir / "pytorch_model.bin", 0);
  ForwardInput in;
  in.ids = {101, 7592, 102};
  const ForwardResult r = model->forward(in);  // would be SIGBUS with weights in a mapping
  EXPECT_EQ(r.hidden_states.size(), 3u);
  fs::remove_all(bin_dir);
}

TEST(MemoryBudget, ReadsMemAvailableFromMeminfo) {
  const fs::path meminfo = test::temp_dir() / "meminfo";
  test::write_file(meminfo, "MemTotal:       16318412 kB\nMemFree:         1183208 kB\nMemAvailable:    9876543 kB\n");
  EXPECT_EQ(available_memory_bytes(meminfo), std::optional<uint64_t>(9876543ull * 1024));
  EXPECT_EQ(available_memory_bytes(test::temp_dir() / "no-such-meminfo"), std::nullopt);
  EXPECT_TRUE(available_memory_bytes().has_value()) << "this test runs on Linux with /proc";
}

TEST(MemoryBudget, RefusesOnlyWhatDoesNotFit) {
  EXPECT_NO_THROW(ensure_memory_for(100, 100, "x"));
  EXPECT_NO_THROW(ensure_memory_for(1ull << 40, std::nullopt, "x"));
  try {
    ensure_memory_for(3ull << 30, 1ull << 30, "model.safetensors");
    FAIL() << "expected a refusal";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "model.safetensors: loading needs 3.0 GiB of memory for the weights, but only 1.0 GiB is available "
                 "(MemAvailable in /proc/meminfo); close other programs or choose a smaller model");
  }
}

}  // namespace
}  // namespace as
