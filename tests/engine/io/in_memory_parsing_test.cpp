// The in-memory entry points the fuzz targets use (and anyone holding a file's bytes): each must
// give what HuggingFace gives for the real files, and the same errors as the file routes.
#include <gtest/gtest.h>

#include <cstring>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "io/safetensors.h"
#include "io/weight_store.h"
#include "support/test_support.h"
#include "tokenizers/bpe.h"
#include "tokenizers/tokenizer_factory.h"
#include "tokenizers/wordpiece.h"

namespace as {
namespace {

// transformers 4.31 (the ids in ../shared/golden/random-*/*.json and tokenizer_loading_test).
const std::vector<int32_t> kBertMaskIds = {101, 1996, 3007, 1997, 2605, 2003, 103, 1012, 102};
const std::vector<int32_t> kGpt2CourseIds = {818, 428, 1781, 11, 356, 481, 4545, 345, 703, 284};

TEST(InMemoryParsing, SafetensorsBytesHoldTheHeadersTensors) {
  AS_REQUIRE_SHARED();
  const std::string bytes = test::read_file(test::models_dir() / "random-bert-uncased-L2-H64-bf16" / "model.safetensors");
  uint64_t n = 0;
  std::memcpy(&n, bytes.data(), 8);
  const nlohmann::json header = nlohmann::json::parse(bytes.substr(8, n));
  const auto file = SafetensorsFile::from_bytes("model.safetensors", bytes);
  EXPECT_EQ(file->tensors().size() + 1, header.size());  // + "__metadata__"
  const auto& word_embeddings = file->info("bert.embeddings.word_embeddings.weight");
  EXPECT_EQ(word_embeddings.dtype, DType::BF16);
  EXPECT_EQ(word_embeddings.shape, header["bert.embeddings.word_embeddings.weight"]["shape"].get<Shape>());
}

TEST(InMemoryParsing, SafetensorsBytesFailLikeTheFile) {
  try {
    SafetensorsFile::from_bytes("model.safetensors", std::string("\x10\0\0\0\0\0\0\0{}", 10));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "model.safetensors: header length 16 runs past the end of the file (10 bytes); the file is truncated "
                 "or not safetensors");
  }
}

TEST(InMemoryParsing, ShardIndexMapsTensorsToShards) {
  AS_REQUIRE_SHARED();
  const std::string text =
      test::read_file(test::models_dir() / "random-gpt2-L2-H64-sharded" / "model.safetensors.index.json");
  const auto map = parse_shard_index(text, "model.safetensors.index.json");
  const nlohmann::json index = nlohmann::json::parse(text);
  ASSERT_EQ(map.size(), index["weight_map"].size());
  for (const auto& [tensor, shard] : index["weight_map"].items()) EXPECT_EQ(map.at(tensor), shard.get<std::string>());
}

TEST(InMemoryParsing, ShardIndexRefusesPathsOutOfTheFolder) {
  EXPECT_THROW(
      {
        try {
          parse_shard_index(R"({"weight_map": {"w": "../secret.safetensors"}})", "model.safetensors.index.json");
        } catch (const Error& e) {
          EXPECT_STREQ(e.what(),
                       "model.safetensors.index.json: weight_map['w'] = '../secret.safetensors' must be a file in the "
                       "model folder");
          throw;
        }
      },
      Error);
}

TEST(InMemoryParsing, TokenizerJsonTextGivesHuggingFacesIds) {
  AS_REQUIRE_SHARED();
  const auto bert = parse_tokenizer_json(
      test::read_file(test::models_dir() / "random-bert-uncased-L4-H256" / "tokenizer.json"), "tokenizer.json");
  EXPECT_EQ(bert->encode("The capital of France is [MASK].").ids(), kBertMaskIds);
  const auto gpt2 = parse_tokenizer_json(
      test::read_file(test::models_dir() / "random-gpt2-L4-H256" / "tokenizer.json"), "tokenizer.json");
  EXPECT_EQ(gpt2->encode("In this course, we will teach you how to").ids(), kGpt2CourseIds);
  EXPECT_EQ(gpt2->special_ids().eos, 50256);
}

TEST(InMemoryParsing, SlowTokenizerFilesFromText) {
  AS_REQUIRE_SHARED();
  const WordPieceTokenizer bert(
      WordPieceTokenizer::parse_vocab_txt(
          test::read_file(test::models_dir() / "random-bert-uncased-L4-H256" / "vocab.txt"), "vocab.txt"),
      WordPieceConfig{});
  EXPECT_EQ(bert.encode("The capital of France is [MASK].").ids(), kBertMaskIds);
  const auto dir = test::models_dir() / "random-gpt2-L4-H256";
  const ByteLevelBpeTokenizer gpt2(
      ByteLevelBpeTokenizer::parse_vocab_json(test::read_file(dir / "vocab.json"), "vocab.json"),
      ByteLevelBpeTokenizer::parse_merges_txt(test::read_file(dir / "merges.txt")), BpeConfig{});
  EXPECT_EQ(gpt2.encode("In this course, we will teach you how to").ids(), kGpt2CourseIds);
}

TEST(InMemoryParsing, TokenizerJsonTextNamesItselfInErrors) {
  try {
    parse_tokenizer_json("{\"model\": {\"type\": \"Unigram\"}}", "tokenizer.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "tokenizer.json: unsupported tokenizer model type 'Unigram' (supported: WordPiece, BPE)");
  }
}

}  // namespace
}  // namespace as
