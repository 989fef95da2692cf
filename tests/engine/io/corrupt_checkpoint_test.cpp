// Corrupted copies of a real checkpoint (random-bert-uncased-L2-H64-bf16): each must be refused
// with an error that names the file, the key or tensor, and what was expected.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <functional>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "io/config.h"
#include "io/safetensors.h"
#include "models/model.h"
#include "support/test_support.h"

namespace as {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* kModel = "random-bert-uncased-L2-H64-bf16";

// A copy of the checkpoint folder in the scratch area, with its safetensors split for editing.
class CorruptCheckpoint : public ::testing::Test {
 protected:
  void SetUp() override {
    AS_REQUIRE_SHARED();
    dir_ = test::temp_dir() / (std::string("corrupt-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const char* f : {"config.json", "vocab.txt", "tokenizer_config.json"})
      fs::copy_file(test::models_dir() / kModel / f, dir_ / f);
    bytes_ = test::read_file(test::models_dir() / kModel / "model.safetensors");
    uint64_t n = 0;
    std::memcpy(&n, bytes_.data(), 8);
    header_ = json::parse(bytes_.substr(8, n));
    data_ = bytes_.substr(8 + n);
  }

  // Rewrites model.safetensors with an edited header and the original data area.
  void write_with_header(const json& header) {
    std::string text = header.dump();
    while (text.size() % 8) text.push_back(' ');
    std::string out(8, '\0');
    const uint64_t n = text.size();
    std::memcpy(out.data(), &n, 8);
    test::write_file(dir_ / "model.safetensors", out + text + data_);
  }
  void write_raw(const std::string& bytes) { test::write_file(dir_ / "model.safetensors", bytes); }
  void edit_config(const std::function<void(json&)>& edit) {
    json c = test::read_json(dir_ / "config.json");
    edit(c);
    test::write_file(dir_ / "config.json", c.dump(2));
  }

  // Loading must fail with an as::Error whose message contains every fragment.
  void expect_load_error(std::initializer_list<std::string> fragments) {
    try {
      load_model(dir_, make_cpu_backend(1));
      FAIL() << "loading succeeded, expected an error";
    } catch (const Error& e) {
      for (const auto& f : fragments) EXPECT_NE(std::string(e.what()).find(f), std::string::npos) << "message: " << e.what() << "\nmissing: " << f;
    }
  }

  fs::path dir_;
  std::string bytes_, data_;
  json header_;
};

TEST_F(CorruptCheckpoint, IntactCopyLoads) {
  write_raw(bytes_);
  EXPECT_NO_THROW(load_model(dir_, make_cpu_backend(1)));
}

TEST_F(CorruptCheckpoint, TruncatedFile) {
  write_raw(bytes_.substr(0, bytes_.size() - 1000));
  expect_load_error({"model.safetensors", "past the data area", "truncated"});
}

TEST_F(CorruptCheckpoint, FileShorterThanHeaderLength) {
  write_raw(bytes_.substr(0, 5));
  expect_load_error({"model.safetensors", "too short", "at least 8"});
}

TEST_F(CorruptCheckpoint, HeaderLengthPastEnd) {
  std::string b = bytes_;
  const uint64_t huge = b.size() * 2;
  std::memcpy(b.data(), &huge, 8);
  write_raw(b);
  expect_load_error({"model.safetensors", "header length " + std::to_string(huge), "runs past the end"});
}

TEST_F(CorruptCheckpoint, HeaderNotJson) {
  std::string b = bytes_;
  b[8] = '[';
  b[9] = '!';
  write_raw(b);
  expect_load_error({"model.safetensors", "not valid JSON"});
}

TEST_F(CorruptCheckpoint, OverlappingOffsets) {
  json h = header_;
  // Point the value bias at the key bias's bytes (same size): both claim the same range.
  h["bert.encoder.layer.0.attention.self.value.bias"]["data_offsets"] =
      h["bert.encoder.layer.0.attention.self.key.bias"]["data_offsets"];
  write_with_header(h);
  expect_load_error({"model.safetensors", "bert.encoder.layer.0.attention.self.key.bias",
                     "bert.encoder.layer.0.attention.self.value.bias", "overlap"});
}

TEST_F(CorruptCheckpoint, UnknownDtype) {
  json h = header_;
  h["bert.pooler.dense.bias"]["dtype"] = "Q4_K";
  write_with_header(h);
  expect_load_error({"model.safetensors", "bert.pooler.dense.bias", "unknown dtype 'Q4_K'", "expected one of"});
}

TEST_F(CorruptCheckpoint, ShapeDisagreesWithByteLength) {
  json h = header_;
  h["bert.embeddings.LayerNorm.bias"]["shape"] = {65};
  write_with_header(h);
  expect_load_error({"model.safetensors", "bert.embeddings.LayerNorm.bias", "bytes for shape [65]", "expected 130"});
}

TEST_F(CorruptCheckpoint, MissingTensor) {
  json h = header_;
  h.erase("bert.encoder.layer.1.output.dense.weight");
  write_with_header(h);
  expect_load_error({"model.safetensors", "missing tensor 'bert.encoder.layer.1.output.dense.weight'"});
}

TEST_F(CorruptCheckpoint, WrongShape) {
  json h = header_;
  // Same byte count, transposed: a checkpoint of another layout must not load silently.
  h["bert.encoder.layer.0.intermediate.dense.weight"]["shape"] = {64, 256};
  write_with_header(h);
  expect_load_error({"model.safetensors", "bert.encoder.layer.0.intermediate.dense.weight", "has shape [64, 256]",
                     "expected [256, 64] from config.json"});
}

TEST_F(CorruptCheckpoint, ConfigMissingKey) {
  write_raw(bytes_);
  edit_config([](json& c) { c.erase("hidden_size"); });
  expect_load_error({"config.json", "missing required key 'hidden_size'"});
}

TEST_F(CorruptCheckpoint, ConfigMistypedKey) {
  write_raw(bytes_);
  edit_config([](json& c) { c["num_attention_heads"] = "two"; });
  expect_load_error({"config.json", "'num_attention_heads'", "must be a positive integer", "\"two\""});
}

TEST_F(CorruptCheckpoint, ConfigWrongSizeMismatchesWeights) {
  write_raw(bytes_);
  edit_config([](json& c) { c["intermediate_size"] = 512; });
  expect_load_error({"model.safetensors", "intermediate.dense.weight", "has shape [256, 64]", "expected [512, 64]"});
}

TEST_F(CorruptCheckpoint, ConfigUnknownModelType) {
  write_raw(bytes_);
  edit_config([](json& c) { c["model_type"] = "llama"; });
  expect_load_error({"config.json", "model_type 'llama' is not supported"});
}

TEST_F(CorruptCheckpoint, ConfigHeadsDoNotDivideHidden) {
  write_raw(bytes_);
  edit_config([](json& c) { c["num_attention_heads"] = 3; });
  expect_load_error({"config.json", "not divisible by 3 attention heads"});
}

TEST_F(CorruptCheckpoint, ConfigNotJson) {
  write_raw(bytes_);
  test::write_file(dir_ / "config.json", "{\"model_type\": \"bert\",");
  expect_load_error({"config.json", "not valid JSON"});
}

TEST_F(CorruptCheckpoint, NoConfig) {
  write_raw(bytes_);
  fs::remove(dir_ / "config.json");
  expect_load_error({"config.json", "cannot open"});
}

TEST_F(CorruptCheckpoint, NoWeights) {
  expect_load_error({"no model.safetensors, model.safetensors.index.json or pytorch_model.bin"});
}

TEST(ShardedCheckpoint, MissingShardFileIsNamed) {
  AS_REQUIRE_SHARED();
  const fs::path dir = test::temp_dir() / "sharded-missing";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(test::models_dir() / "random-gpt2-L2-H64-sharded"))
    if (e.path().filename() != "model-00003-of-00003.safetensors") fs::copy_file(e.path(), dir / e.path().filename());
  try {
    load_model(dir, make_cpu_backend(1));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("model-00003-of-00003.safetensors"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("cannot open"), std::string::npos) << e.what();
  }
}

TEST(ShardedCheckpoint, LayerSplitAcrossShardsLoads) {
  AS_REQUIRE_SHARED();
  auto model = load_model(test::models_dir() / "random-gpt2-L2-H64-sharded", make_cpu_backend(1));
  EXPECT_EQ(model->info().family, "gpt2");
  EXPECT_EQ(model->info().dtype, "BF16");
  // 6,764,160 stored bytes in BF16 (index.json total_size) = 3,382,080 parameters.
  EXPECT_EQ(model->info().parameters, 3382080);
}

TEST(CheckpointInfo, ParametersOfTheL4BertMatchTheModelCard) {
  AS_REQUIRE_SHARED();
  auto model = load_model(test::models_dir() / "random-bert-uncased-L4-H256", make_cpu_backend(1));
  // ../shared/models/README.md: 11,267,900 stored parameters (pooler and NSP head included).
  EXPECT_EQ(model->info().parameters, 11267900);
  EXPECT_TRUE(model->info().has_mlm_head);
  EXPECT_TRUE(model->info().has_nsp_head);
  EXPECT_EQ(model->info().dtype, "F32");
}

}  // namespace
}  // namespace as

namespace as {
namespace {

// Each pickle attack opened as a model folder (config of the .bin model beside it): refused, no crash.
TEST(PickleAttackFolders, AreRefusedWhenOpenedAsModels) {
  AS_REQUIRE_SHARED();
  for (const char* attack : {"non-whitelisted-global", "truncated-zip", "tensor-larger-than-storage", "storage-record-too-short"}) {
    const auto dir = test::temp_dir() / (std::string("attack-") + attack);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file(test::models_dir() / "random-bert-uncased-L2-H64-bin" / "config.json", dir / "config.json");
    std::filesystem::copy_file(test::models_dir() / "pickle-attacks" / attack / "pytorch_model.bin", dir / "pytorch_model.bin");
    try {
      load_model(dir, make_cpu_backend(1));
      ADD_FAILURE() << attack << " loaded";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("pytorch_model.bin"), std::string::npos) << attack << ": " << e.what();
    }
  }
}

}  // namespace
}  // namespace as

#include "io/torch_checkpoint.h"

namespace as {
namespace {

// The same weights as pytorch_model.bin and as model.safetensors (written here, F32 = the F16
// values upcast exactly) must give bit-identical outputs: the loader path must not matter.
TEST(BinAndSafetensors, SameModelGivesIdenticalOutputs) {
  AS_REQUIRE_SHARED();
  const auto bin_dir = test::models_dir() / "random-bert-uncased-L2-H64-bin";
  const auto st_dir = test::temp_dir() / "bin-as-safetensors";
  std::filesystem::remove_all(st_dir);
  std::filesystem::create_directories(st_dir);
  std::filesystem::copy_file(bin_dir / "config.json", st_dir / "config.json");
  auto ckpt = TorchCheckpoint::open(bin_dir / "pytorch_model.bin");
  std::map<std::string, Tensor> tensors;
  for (const auto& t : ckpt->tensors())
    if (t.name.find("position_ids") == std::string::npos) tensors[t.name] = ckpt->read_f32(t.name);
  write_safetensors(st_dir / "model.safetensors", tensors, {{"format", "pt"}});

  const auto g = test::read_json(test::golden_dir() / "random-bert-uncased-L2-H64-bin" / "pair.json");
  ForwardInput in;
  in.ids = g["input_ids"].get<std::vector<int32_t>>();
  in.token_type_ids = g["token_type_ids"].get<std::vector<int32_t>>();
  const ForwardResult a = load_model(bin_dir, make_cpu_backend(1))->forward(in);
  const ForwardResult b = load_model(st_dir, make_cpu_backend(1))->forward(in);
  ASSERT_EQ(a.attentions.size(), b.attentions.size());
  for (size_t l = 0; l < a.attentions.size(); ++l)
    EXPECT_TRUE(std::equal(a.attentions[l].values().begin(), a.attentions[l].values().end(), b.attentions[l].values().begin()));
  for (size_t i = 0; i < a.hidden_states.size(); ++i)
    EXPECT_TRUE(std::equal(a.hidden_states[i].values().begin(), a.hidden_states[i].values().end(),
                           b.hidden_states[i].values().begin()));
  EXPECT_TRUE(std::equal(a.logits.values().begin(), a.logits.values().end(), b.logits.values().begin()));
  ASSERT_TRUE(a.nsp_logits && b.nsp_logits);
  EXPECT_EQ(*a.nsp_logits, *b.nsp_logits);
}

}  // namespace
}  // namespace as
