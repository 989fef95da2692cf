#pragma once
// What a HuggingFace model folder says about its tokenizer beyond the vocabulary:
// tokenizer_config.json, special_tokens_map.json and added_tokens.json, resolved the way
// transformers 4.31's slow from_pretrained resolves them.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tokenizers/special_tokens.h"
#include "tokenizers/vocab.h"

namespace as {

enum class TokenizerFamily { kBert, kGpt2, kRoberta };

struct TokenSetting {
  std::string content;
  // Whitespace stripping when typed in the text. A plain string in special_tokens_map.json (not an
  // AddedToken) makes the slow tokenizer strip both sides; GPT2Tokenizer / RobertaTokenizer wrap
  // the strings they get in __init__ into AddedToken(lstrip=False, rstrip=False), <mask> lstrip=True.
  bool lstrip = true;
  bool rstrip = true;
};

struct TokenizerSettings {
  TokenizerFamily family = TokenizerFamily::kBert;
  nlohmann::json config = nlohmann::json::object();  // tokenizer_config.json ({} when absent)
  // "unk_token", "bos_token", ... -> setting; a key mapped to nullopt was set to null.
  std::map<std::string, std::optional<TokenSetting>> named;
  std::vector<TokenSetting> additional;                   // additional_special_tokens
  std::vector<std::pair<std::string, int32_t>> added;     // added_tokens.json
  bool has_special_tokens_map = false;

  std::string name(const std::string& key) const;  // content of a named token, "" when unset
  // The special tokens to recognise in the text: named ones (HF all_special_tokens order),
  // additional ones, then added ones; ids from `vocab` (or the added id), else `fallback_id`.
  std::vector<SpecialToken> special_tokens(const Vocab& vocab, std::optional<int32_t> fallback_id) const;
};

// Family from config.json's model_type or tokenizer_config.json's tokenizer_class.
TokenizerFamily bpe_family(const std::string& model_type, const nlohmann::json& tokenizer_config);

// The family's defaults alone, as when a folder has none of the optional JSON files.
TokenizerSettings default_tokenizer_settings(TokenizerFamily family);

// Reads the optional JSON files of `dir` on top of the family's defaults.
TokenizerSettings read_tokenizer_settings(const std::filesystem::path& dir, TokenizerFamily family);

// Reads a JSON file, naming it in errors.
nlohmann::json read_json_file(const std::filesystem::path& path);

// "model_type" from dir/config.json, or "" when there is no such file or key.
std::string model_type_of(const std::filesystem::path& dir);

}  // namespace as
