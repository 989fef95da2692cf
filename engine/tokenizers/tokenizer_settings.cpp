#include "tokenizers/tokenizer_settings.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/error.h"

namespace as {

namespace {

// HF's SPECIAL_TOKENS_ATTRIBUTES order (all_special_tokens lists them in this order).
const std::vector<std::string> kNamedKeys = {"bos_token", "eos_token", "unk_token", "sep_token",
                                             "pad_token", "cls_token", "mask_token"};

TokenSetting plain(const std::string& content) { return {content, true, true}; }
TokenSetting added_token(const std::string& content, bool lstrip, bool rstrip) { return {content, lstrip, rstrip}; }

std::map<std::string, std::optional<TokenSetting>> family_defaults(TokenizerFamily family) {
  switch (family) {
    case TokenizerFamily::kBert:
      return {{"unk_token", plain("[UNK]")}, {"sep_token", plain("[SEP]")}, {"pad_token", plain("[PAD]")},
              {"cls_token", plain("[CLS]")}, {"mask_token", plain("[MASK]")}};
    case TokenizerFamily::kGpt2:
      return {{"unk_token", added_token("<|endoftext|>", false, false)},
              {"bos_token", added_token("<|endoftext|>", false, false)},
              {"eos_token", added_token("<|endoftext|>", false, false)}};
    case TokenizerFamily::kRoberta:
      return {{"bos_token", added_token("<s>", false, false)},    {"eos_token", added_token("</s>", false, false)},
              {"sep_token", added_token("</s>", false, false)},   {"cls_token", added_token("<s>", false, false)},
              {"unk_token", added_token("<unk>", false, false)},  {"pad_token", added_token("<pad>", false, false)},
              {"mask_token", added_token("<mask>", true, false)}};
  }
  return {};
}

// An AddedToken serialised as a dict: {"content": ..., "lstrip": ..., "rstrip": ...}.
TokenSetting from_dict(const nlohmann::json& value, const std::filesystem::path& file, const std::string& key) {
  if (!value.contains("content") || !value["content"].is_string())
    throw Error(file.string() + ": '" + key + "' is an object without a string \"content\"");
  return {value["content"].get<std::string>(), value.value("lstrip", false), value.value("rstrip", false)};
}

// A value of tokenizer_config.json: a string is passed to the tokenizer's __init__, which wraps it
// (GPT-2 / RoBERTa) into an AddedToken with the class's flags, or keeps it plain (BERT).
std::optional<TokenSetting> from_config_value(const nlohmann::json& value, TokenizerFamily family,
                                              const std::string& key, const std::filesystem::path& file) {
  if (value.is_null()) return std::nullopt;
  if (value.is_object()) return from_dict(value, file, key);
  if (!value.is_string()) throw Error(file.string() + ": '" + key + "' must be a string, an object or null");
  const std::string content = value.get<std::string>();
  if (family == TokenizerFamily::kBert) return plain(content);
  const bool lstrip = family == TokenizerFamily::kRoberta && key == "mask_token";
  return added_token(content, lstrip, false);
}

// A value of special_tokens_map.json: set on the tokenizer after __init__, a string stays plain.
std::optional<TokenSetting> from_map_value(const nlohmann::json& value, const std::string& key,
                                           const std::filesystem::path& file) {
  if (value.is_null()) return std::nullopt;
  if (value.is_object()) return from_dict(value, file, key);
  if (!value.is_string()) throw Error(file.string() + ": '" + key + "' must be a string, an object or null");
  return plain(value.get<std::string>());
}

std::vector<TokenSetting> additional_from(const nlohmann::json& list, const std::filesystem::path& file) {
  if (!list.is_array()) throw Error(file.string() + ": 'additional_special_tokens' must be a list");
  std::vector<TokenSetting> out;
  for (const auto& item : list) {
    if (item.is_object()) {
      out.push_back(from_dict(item, file, "additional_special_tokens"));
    } else if (item.is_string()) {
      out.push_back(plain(item.get<std::string>()));
    } else {
      throw Error(file.string() + ": 'additional_special_tokens' items must be strings or objects");
    }
  }
  return out;
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

}  // namespace

nlohmann::json read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open " + path.string());
  std::stringstream buffer;
  buffer << in.rdbuf();
  try {
    return nlohmann::json::parse(buffer.str());
  } catch (const nlohmann::json::exception& e) {
    throw Error(path.string() + " is not valid JSON: " + e.what());
  }
}

std::string model_type_of(const std::filesystem::path& dir) {
  const auto path = dir / "config.json";
  if (!std::filesystem::exists(path)) return "";
  const nlohmann::json config = read_json_file(path);
  if (!config.is_object() || !config.contains("model_type") || !config["model_type"].is_string()) return "";
  return config["model_type"].get<std::string>();
}

TokenizerFamily bpe_family(const std::string& model_type, const nlohmann::json& tokenizer_config) {
  // RoBERTa-style sequences (<s> A </s></s> B </s>) are used by these byte-level BPE families.
  const std::vector<std::string> roberta_like = {"roberta", "longformer", "bart"};
  std::string type = lower_ascii(model_type);
  if (tokenizer_config.is_object() && tokenizer_config.contains("tokenizer_class") &&
      tokenizer_config["tokenizer_class"].is_string()) {
    const std::string cls = lower_ascii(tokenizer_config["tokenizer_class"].get<std::string>());
    for (const auto& name : roberta_like)
      if (cls.rfind(name, 0) == 0) return TokenizerFamily::kRoberta;
    if (cls.rfind("gpt2", 0) == 0) return TokenizerFamily::kGpt2;
  }
  for (const auto& name : roberta_like)
    if (type == name) return TokenizerFamily::kRoberta;
  return TokenizerFamily::kGpt2;
}

TokenizerSettings default_tokenizer_settings(TokenizerFamily family) {
  TokenizerSettings s;
  s.family = family;
  s.named = family_defaults(family);
  return s;
}

namespace {

TokenizerSettings read_settings_files(const std::filesystem::path& dir, TokenizerFamily family) {
  TokenizerSettings s = default_tokenizer_settings(family);

  const auto config_path = dir / "tokenizer_config.json";
  if (std::filesystem::exists(config_path)) {
    s.config = read_json_file(config_path);
    if (!s.config.is_object()) throw Error(config_path.string() + ": expected a JSON object");
    for (const auto& key : kNamedKeys)
      if (s.config.contains(key)) s.named[key] = from_config_value(s.config[key], family, key, config_path);
    if (s.config.contains("additional_special_tokens"))
      s.additional = additional_from(s.config["additional_special_tokens"], config_path);
  }

  const auto map_path = dir / "special_tokens_map.json";
  if (std::filesystem::exists(map_path)) {
    s.has_special_tokens_map = true;
    const nlohmann::json map = read_json_file(map_path);
    if (!map.is_object()) throw Error(map_path.string() + ": expected a JSON object");
    for (const auto& key : kNamedKeys)
      if (map.contains(key)) s.named[key] = from_map_value(map[key], key, map_path);
    if (map.contains("additional_special_tokens")) s.additional = additional_from(map["additional_special_tokens"], map_path);
  }

  const auto added_path = dir / "added_tokens.json";
  if (std::filesystem::exists(added_path)) {
    const nlohmann::json added = read_json_file(added_path);
    if (!added.is_object()) throw Error(added_path.string() + ": expected a JSON object {\"token\": id}");
    for (const auto& [token, id] : added.items()) {
      if (!id.is_number_integer() || id.get<int64_t>() < 0 || id.get<int64_t>() > Vocab::kMaxId)
        throw Error(added_path.string() + ": " + Vocab::id_range_error(token, id.dump()));
      s.added.emplace_back(token, id.get<int32_t>());
    }
    std::sort(s.added.begin(), s.added.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  }
  return s;
}

}  // namespace

TokenizerSettings read_tokenizer_settings(const std::filesystem::path& dir, TokenizerFamily family) {
  // A value of the wrong JSON type (a number for "lstrip", ...) surfaces as nlohmann::json's own exception.
  try {
    return read_settings_files(dir, family);
  } catch (const nlohmann::json::exception& e) {
    throw Error(dir.string() + ": unexpected JSON structure in the tokenizer settings (" + e.what() + ")");
  }
}

std::string TokenizerSettings::name(const std::string& key) const {
  auto it = named.find(key);
  return it != named.end() && it->second ? it->second->content : std::string();
}

std::vector<SpecialToken> TokenizerSettings::special_tokens(const Vocab& vocab, std::optional<int32_t> fallback_id) const {
  std::vector<SpecialToken> out;
  // {str(t): t for t in all_special_tokens_extended}: a repeated string keeps the last flags.
  const auto add = [&](const TokenSetting& t, std::optional<int32_t> id) {
    if (t.content.empty() || !id) return;
    auto it = std::find_if(out.begin(), out.end(), [&](const SpecialToken& s) { return s.content == t.content; });
    if (it != out.end()) {
      it->lstrip = t.lstrip;
      it->rstrip = t.rstrip;
      return;
    }
    out.push_back({t.content, *id, t.lstrip, t.rstrip});
  };
  const auto id_of = [&](const std::string& content) -> std::optional<int32_t> {
    if (auto id = vocab.find(content)) return id;
    for (const auto& [token, id] : added)
      if (token == content) return id;
    return fallback_id;
  };
  for (const auto& key : kNamedKeys) {
    auto it = named.find(key);
    if (it != named.end() && it->second) add(*it->second, id_of(it->second->content));
  }
  for (const auto& t : additional) add(t, id_of(t.content));
  for (const auto& [token, id] : added) add(plain(token), id);
  return out;
}

}  // namespace as
