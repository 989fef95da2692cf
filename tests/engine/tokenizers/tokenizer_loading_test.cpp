// load_tokenizer(): which files win, tokenizer.json-only folders, defaults from config.json,
// errors that name the folder and the expected files, and the JSON form of an encoding.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/error.h"
#include "tokenizers/encoding_json.h"
#include "tokenizers/tokenizer_factory.h"
#include "engine/tokenizers/tokenizer_test_util.h"

namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = as::test::temp_dir() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void copy_into(const fs::path& dir, const std::string& model, const std::vector<std::string>& files) {
  for (const auto& f : files) fs::copy_file(as::test::models_dir() / model / f, dir / f);
}

TEST(TokenizerLoading, TokenizerJsonAloneIsEnough) {
  AS_REQUIRE_SHARED();
  const fs::path bert = fresh_dir("only-tokenizer-json-bert");
  copy_into(bert, "random-bert-uncased-L4-H256", {"tokenizer.json"});
  const auto wordpiece = as::load_tokenizer(bert);
  EXPECT_EQ(wordpiece->kind(), "wordpiece");
  EXPECT_EQ(wordpiece->encode("The capital of France is [MASK].").ids(),
            (std::vector<int32_t>{101, 1996, 3007, 1997, 2605, 2003, 103, 1012, 102}));

  const fs::path gpt2 = fresh_dir("only-tokenizer-json-gpt2");
  copy_into(gpt2, "random-gpt2-L4-H256", {"tokenizer.json"});
  const auto bpe = as::load_tokenizer(gpt2);
  EXPECT_EQ(bpe->kind(), "bpe");
  EXPECT_EQ(bpe->encode("In this course, we will teach you how to").ids(),
            (std::vector<int32_t>{818, 428, 1781, 11, 356, 481, 4545, 345, 703, 284}));
  EXPECT_EQ(bpe->special_ids().eos, 50256);
}

TEST(TokenizerLoading, SlowFilesArePreferredOverTokenizerJson) {
  AS_REQUIRE_SHARED();
  // A tokenizer.json that would lower-case, next to slow files configured not to: the slow files win.
  const fs::path dir = fresh_dir("slow-files-win");
  copy_into(dir, "random-bert-uncased-L4-H256", {"vocab.txt", "tokenizer.json"});
  as::test::write_file(dir / "tokenizer_config.json", R"({"do_lower_case": false})");
  const auto tokenizer = as::load_tokenizer(dir);
  EXPECT_EQ(tokenizer->encode("Hello", as::test::without_specials()).tokens[0].text, "[UNK]");
  const auto from_json = as::load_tokenizer_json(dir / "tokenizer.json");
  EXPECT_EQ(from_json->encode("Hello", as::test::without_specials()).tokens[0].text, "hello");
}

TEST(TokenizerLoading, ModelTypeFromConfigJsonPicksRobertaDefaults) {
  AS_REQUIRE_SHARED();
  // The RoBERTa folder has only vocab.json + merges.txt; config.json says model_type "roberta".
  const auto tokenizer = as::load_tokenizer(as::test::models_dir() / "random-roberta-L2-H64-f16");
  EXPECT_EQ(tokenizer->encode("Hi").tokens.front().text, "<s>");
  // Without config.json the same files are read as GPT-2: no special tokens around the text.
  const fs::path dir = fresh_dir("roberta-files-without-config");
  copy_into(dir, "random-roberta-L2-H64-f16", {"vocab.json", "merges.txt"});
  EXPECT_EQ(as::load_tokenizer(dir)->encode("Hi").tokens.size(), 1u);
  EXPECT_EQ(as::load_tokenizer(dir, "roberta")->encode("Hi").tokens.size(), 3u);
}

TEST(TokenizerLoading, ErrorsNameTheFolderAndTheExpectedFiles) {
  const fs::path empty = fresh_dir("no-tokenizer-files");
  try {
    as::load_tokenizer(empty);
    FAIL() << "expected as::Error";
  } catch (const as::Error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(empty.string()), std::string::npos) << message;
    EXPECT_NE(message.find("vocab.txt"), std::string::npos) << message;
    EXPECT_NE(message.find("tokenizer.json"), std::string::npos) << message;
  }
  const fs::path broken = fresh_dir("broken-vocab-json");
  as::test::write_file(broken / "vocab.json", "{not json");
  as::test::write_file(broken / "merges.txt", "#version: 0.2\n");
  try {
    as::load_tokenizer(broken);
    FAIL() << "expected as::Error";
  } catch (const as::Error& e) {
    EXPECT_NE(std::string(e.what()).find("vocab.json"), std::string::npos) << e.what();
  }
  const fs::path missing_byte = fresh_dir("bpe-missing-byte-symbols");
  as::test::write_file(missing_byte / "vocab.json", R"({"a": 0, "b": 1})");
  as::test::write_file(missing_byte / "merges.txt", "#version: 0.2\na b\n");
  EXPECT_THROW(as::load_tokenizer(missing_byte), as::Error);
  const fs::path no_unk = fresh_dir("wordpiece-without-unk");
  as::test::write_file(no_unk / "vocab.txt", "[CLS]\n[SEP]\nhello\n");
  EXPECT_THROW(as::load_tokenizer(no_unk), as::Error);
}

TEST(TokenizerLoading, EncodingToJsonHasTheCliShape) {
  AS_REQUIRE_SHARED();
  const auto e = as::test::bert_uncased().encode("Hi!");
  const nlohmann::json j = as::encoding_to_json(e);
  ASSERT_EQ(j["tokens"].size(), 4u);
  EXPECT_EQ(j["tokens"][1], (nlohmann::json{{"id", 7632}, {"text", "hi"}, {"start", 0}, {"end", 2},
                                            {"special", false}, {"continuation", false}, {"word", 0}}));
  EXPECT_EQ(j["tokens"][0]["special"], true);
  EXPECT_EQ(j["token_type_ids"], (nlohmann::json{0, 0, 0, 0}));
  EXPECT_TRUE(j["warnings"].is_array());
  const nlohmann::json explained = as::explanation_to_json(as::test::bert_uncased().explain("Hi!"), "wordpiece");
  ASSERT_EQ(explained.size(), 2u);
  EXPECT_EQ(explained[0]["word"], "hi");
  EXPECT_EQ(explained[0]["steps"][0]["candidate"], "hi");
  EXPECT_EQ(explained[0]["steps"][0]["matched"], true);
  const nlohmann::json merges = as::explanation_to_json(as::test::gpt2().explain(" the"), "bpe");
  EXPECT_EQ(merges[0]["merges"][0]["rank"], 0);
  EXPECT_EQ(merges[0]["initial_symbols"].size(), 4u);
}

}  // namespace
