// Inputs the libFuzzer targets (tests/fuzz/) found that crashed or misbehaved, minimised and kept in
// tests/fuzz/regressions/<target>/. Each must now fail with the specific as::Error message.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <string>

#include "core/error.h"
#include "io/config.h"
#include "io/safetensors.h"
#include "io/weight_store.h"
#include "support/test_support.h"
#include "tokenizers/tokenizer_factory.h"

namespace as {
namespace {

std::string regression_input(const std::string& target, const std::string& name) {
  return test::read_file(std::filesystem::path(AS_FUZZ_REGRESSION_DIR) / target / name);
}

// `parse` must throw as::Error with exactly `message`.
void expect_error(const std::function<void()>& parse, const std::string& message) {
  try {
    parse();
    ADD_FAILURE() << "no error; expected: " << message;
  } catch (const Error& e) {
    EXPECT_EQ(e.what(), message);
  }
}

// nlohmann::json reports a number beyond double's range as out_of_range, not parse_error; it used
// to escape the parsers as a foreign exception (std::terminate in the GUI's loader thread).
TEST(FuzzRegression, ConfigNumberBeyondDoubleIsInvalidJson) {
  const std::string input = regression_input("fuzz_config", "number-overflow.json");
  expect_error([&] { parse_config(input); },
               "config.json: not valid JSON ([json.exception.out_of_range.406] number overflow parsing '1e400')");
}

// n_embd near 2^62 made the default n_inner (4 * n_embd) overflow int64 (UBSan: signed overflow).
TEST(FuzzRegression, ConfigSizesAreBounded) {
  const std::string input = regression_input("fuzz_config", "gpt2-n-embd-overflow.json");
  expect_error([&] { parse_config(input); },
               "config.json: key 'n_embd' is implausibly large (4611686018427387904 > 2147483648)");
}

// 1e300 was converted to float (undefined behaviour: UBSan float-cast-overflow).
TEST(FuzzRegression, ConfigFloatsMustFitAFloat) {
  const std::string input = regression_input("fuzz_config", "layer-norm-eps-beyond-float.json");
  expect_error([&] { parse_config(input); },
               "config.json: key 'layer_norm_eps' must be a positive number a float can hold, got 1e+300");
}

TEST(FuzzRegression, SafetensorsHeaderNumberBeyondDoubleIsInvalidJson) {
  // The same bug class in the safetensors header parser: an 8-byte length, then "1e400".
  const std::string input = std::string("\x05\0\0\0\0\0\0\0", 8) + "1e400";
  expect_error([&] { SafetensorsFile::from_bytes("model.safetensors", input); },
               "model.safetensors: header is not valid JSON ([json.exception.out_of_range.406] number overflow "
               "parsing '1e400')");
}

TEST(FuzzRegression, ShardIndexNumberBeyondDoubleIsInvalidJson) {
  expect_error([&] { parse_shard_index("1e400", "model.safetensors.index.json"); },
               "model.safetensors.index.json: not valid JSON ([json.exception.out_of_range.406] number overflow "
               "parsing '1e400')");
}

// A number where post_processor.type's string belongs escaped as nlohmann::json::type_error.
TEST(FuzzRegression, TokenizerJsonWrongValueTypeIsAnError) {
  const std::string input = regression_input("fuzz_tokenizer_json", "post-processor-type-number.json");
  expect_error([&] { parse_tokenizer_json(input, "tokenizer.json"); },
               "tokenizer.json: unexpected JSON structure ([json.exception.type_error.302] type must be string, but is number)");
}

// "model": 5 made model.value(\"type\") throw type_error 306.
TEST(FuzzRegression, TokenizerJsonModelMustBeAnObject) {
  const std::string input = regression_input("fuzz_tokenizer_json", "model-number.json");
  expect_error([&] { parse_tokenizer_json(input, "tokenizer.json"); },
               "tokenizer.json: unexpected JSON structure ([json.exception.type_error.306] cannot use value() with number)");
}

// The pre_tokenizer's add_prefix_space as a number: type_error 302.
TEST(FuzzRegression, TokenizerJsonAddPrefixSpaceMustBeABoolean) {
  const std::string input = regression_input("fuzz_tokenizer_json", "add-prefix-space-number.json");
  expect_error([&] { parse_tokenizer_json(input, "tokenizer.json"); },
               "tokenizer.json: unexpected JSON structure ([json.exception.type_error.302] type must be boolean, but is number)");
}

// A negative added-token id was written before the start of the id table (heap overflow).
TEST(FuzzRegression, TokenizerJsonAddedTokenNegativeId) {
  const std::string input = regression_input("fuzz_tokenizer_json", "added-token-negative-id.json");
  expect_error([&] { parse_tokenizer_json(input, "tokenizer.json"); },
               "tokenizer.json: added_tokens: the id of token 'x' must be an integer in 0..4194303, got -1");
}

// An id of 2e9 resized the id table to 64 GB (out of memory).
TEST(FuzzRegression, TokenizerJsonAddedTokenHugeId) {
  const std::string input = regression_input("fuzz_tokenizer_json", "added-token-huge-id.json");
  expect_error([&] { parse_tokenizer_json(input, "tokenizer.json"); },
               "tokenizer.json: added_tokens: the id of token 'x' must be an integer in 0..4194303, got 2000000000");
}

// BertProcessing's [CLS] id -5 came out of encode() as a token id.
TEST(FuzzRegression, TokenizerJsonPostProcessorNegativeId) {
  const std::string input = regression_input("fuzz_tokenizer_json", "bert-processing-negative-id.json");
  expect_error([&] { parse_tokenizer_json(input, "tokenizer.json"); },
               "tokenizer.json: post_processor.cls must be [\"token\", id] with an id in 0..4194303");
}

// A post_processor id the vocabulary lacks came out of encode() as a token id.
TEST(FuzzRegression, TokenizerJsonPostProcessorIdOutsideVocabulary) {
  const std::string input = regression_input("fuzz_tokenizer_json", "bert-processing-id-outside-vocab.json");
  expect_error([&] { parse_tokenizer_json(input, "tokenizer.json"); },
               "tokenizer.json: post_processor token '[CLS]' has id 5, which is not in the vocabulary");
}

}  // namespace
}  // namespace as
