#include "tokenizers/tokenizer_factory.h"

#include "core/error.h"

namespace as {

namespace fs = std::filesystem;

namespace {

// --- shared by the slow-file and tokenizer.json routes -------------------------------------------

WordPieceConfig wordpiece_config(const TokenizerSettings& s, const fs::path& config_file) {
  WordPieceConfig c;
  const nlohmann::json& j = s.config;
  const auto flag = [&](const char* key, bool fallback) {
    if (!j.contains(key) || j[key].is_null()) return fallback;
    if (!j[key].is_boolean()) throw Error(config_file.string() + ": '" + key + "' must be true or false");
    return j[key].get<bool>();
  };
  c.basic.do_lower_case = flag("do_lower_case", true);
  c.basic.tokenize_chinese_chars = flag("tokenize_chinese_chars", true);
  if (j.contains("strip_accents") && !j["strip_accents"].is_null()) c.basic.strip_accents = flag("strip_accents", true);
  if (j.contains("never_split") && !j["never_split"].is_null()) {
    if (!j["never_split"].is_array()) throw Error(config_file.string() + ": 'never_split' must be a list of strings");
    for (const auto& w : j["never_split"]) {
      if (!w.is_string()) throw Error(config_file.string() + ": 'never_split' must be a list of strings");
      c.basic.never_split.push_back(w.get<std::string>());
    }
  }
  const auto name_or = [&](const char* key, const std::string& fallback) {
    const std::string n = s.name(key);
    return n.empty() ? fallback : n;
  };
  c.unk_token = name_or("unk_token", c.unk_token);
  c.sep_token = name_or("sep_token", c.sep_token);
  c.pad_token = name_or("pad_token", c.pad_token);
  c.cls_token = name_or("cls_token", c.cls_token);
  c.mask_token = name_or("mask_token", c.mask_token);
  for (const auto& t : s.additional) c.additional_special_tokens.push_back(t.content);
  for (const auto& [token, id] : s.added) c.additional_special_tokens.push_back(token);
  return c;
}

// Added tokens outside the vocabulary get their own ids, as HF's added_tokens_encoder does.
void add_missing(Vocab& vocab, const std::vector<std::pair<std::string, int32_t>>& added) {
  for (const auto& [token, id] : added)
    if (!vocab.find(token)) vocab.add(token, id);
}

int32_t required_id(const Vocab& vocab, const std::string& token, const std::string& where) {
  const auto id = vocab.find(token);
  if (!id) throw Error(where + ": special token '" + token + "' is not in the vocabulary");
  return *id;
}

BpeConfig bpe_config(const TokenizerSettings& s, const Vocab& vocab, const std::string& where) {
  BpeConfig c;
  c.bos_token = s.name("bos_token");
  c.eos_token = s.name("eos_token");
  c.unk_token = s.name("unk_token");
  c.pad_token = s.name("pad_token");
  c.mask_token = s.name("mask_token");
  c.cls_token = s.name("cls_token");
  c.sep_token = s.name("sep_token");
  std::optional<int32_t> unk_id;
  if (!c.unk_token.empty()) unk_id = vocab.find(c.unk_token);
  c.special_tokens = s.special_tokens(vocab, unk_id);
  if (s.config.contains("add_prefix_space") && s.config["add_prefix_space"].is_boolean())
    c.add_prefix_space = s.config["add_prefix_space"].get<bool>();
  if (s.family == TokenizerFamily::kRoberta) {
    c.post = PostProcessor::roberta(c.cls_token, required_id(vocab, c.cls_token, where), c.sep_token,
                                    required_id(vocab, c.sep_token, where));
  }
  return c;
}

// --- tokenizer.json ----------------------------------------------------------------------------

// The special tokens a post_processor adds must be tokens of the vocabulary (the model looks them up).
void check_post_processor_ids(const PostProcessor& post, const Vocab& vocab, const fs::path& file) {
  for (const bool pair : {false, true}) {
    for (const TemplatePiece& piece : post.pieces(pair)) {
      if (piece.kind == TemplatePiece::Kind::kSpecial && !vocab.token(piece.id))
        throw Error(file.string() + ": post_processor token '" + piece.token + "' has id " + std::to_string(piece.id) +
                    ", which is not in the vocabulary");
    }
  }
}

bool is_token_id(const nlohmann::json& id) {
  return id.is_number_integer() && id.get<int64_t>() >= 0 && id.get<int64_t>() <= Vocab::kMaxId;
}

const nlohmann::json& member(const nlohmann::json& j, const char* key, const fs::path& file) {
  if (!j.is_object() || !j.contains(key)) throw Error(file.string() + ": missing \"" + std::string(key) + "\"");
  return j[key];
}

Vocab vocab_from_json(const nlohmann::json& model, const fs::path& file) {
  const nlohmann::json& v = member(model, "vocab", file);
  if (!v.is_object()) throw Error(file.string() + ": model.vocab must be an object {\"token\": id}");
  Vocab vocab;
  for (const auto& [token, id] : v.items()) {
    if (!is_token_id(id)) throw Error(file.string() + ": model.vocab: " + Vocab::id_range_error(token, id.dump()));
    vocab.add(token, id.get<int32_t>());
  }
  return vocab;
}

struct JsonAddedToken {
  std::string content;
  int32_t id = 0;
  bool lstrip = false;
  bool rstrip = false;
};

std::vector<JsonAddedToken> added_tokens_from_json(const nlohmann::json& root, const fs::path& file) {
  std::vector<JsonAddedToken> out;
  if (!root.contains("added_tokens") || root["added_tokens"].is_null()) return out;
  if (!root["added_tokens"].is_array()) throw Error(file.string() + ": \"added_tokens\" must be a list");
  for (const auto& t : root["added_tokens"]) {
    if (!t.is_object() || !t.contains("content") || !t["content"].is_string() || !t.contains("id") ||
        !t["id"].is_number_integer())
      throw Error(file.string() + ": every entry of \"added_tokens\" needs a string \"content\" and an integer \"id\"");
    if (!is_token_id(t["id"]))
      throw Error(file.string() + ": added_tokens: " + Vocab::id_range_error(t["content"].get<std::string>(), t["id"].dump()));
    out.push_back({t["content"].get<std::string>(), t["id"].get<int32_t>(), t.value("lstrip", false),
                   t.value("rstrip", false)});
  }
  return out;
}

// "post_processor" -> how special tokens are added around sequences.
std::optional<PostProcessor> post_processor_from_json(const nlohmann::json& root, const fs::path& file,
                                                      std::optional<TokenizerFamily>* family_hint) {
  if (!root.contains("post_processor") || root["post_processor"].is_null()) return std::nullopt;
  const nlohmann::json& p = root["post_processor"];
  const std::string type = p.value("type", "");
  const auto token_and_id = [&](const char* key) -> std::pair<std::string, int32_t> {
    const nlohmann::json& v = member(p, key, file);
    if (!v.is_array() || v.size() != 2 || !v[0].is_string() || !is_token_id(v[1]))
      throw Error(file.string() + ": post_processor." + key + " must be [\"token\", id] with an id in 0.." +
                  std::to_string(Vocab::kMaxId));
    return {v[0].get<std::string>(), v[1].get<int32_t>()};
  };
  if (type == "BertProcessing") {
    auto [cls, cls_id] = token_and_id("cls");
    auto [sep, sep_id] = token_and_id("sep");
    *family_hint = TokenizerFamily::kBert;
    return PostProcessor::bert(cls, cls_id, sep, sep_id);
  }
  if (type == "RobertaProcessing") {
    auto [cls, cls_id] = token_and_id("cls");
    auto [sep, sep_id] = token_and_id("sep");
    *family_hint = TokenizerFamily::kRoberta;
    return PostProcessor::roberta(cls, cls_id, sep, sep_id);
  }
  if (type == "ByteLevel") return PostProcessor::plain();
  if (type == "TemplateProcessing") {
    const nlohmann::json& specials = member(p, "special_tokens", file);
    const auto pieces = [&](const char* key) {
      std::vector<TemplatePiece> out;
      for (const auto& item : member(p, key, file)) {
        if (item.contains("SpecialToken")) {
          const nlohmann::json& st = item["SpecialToken"];
          const std::string name = st.value("id", "");
          if (!specials.contains(name)) throw Error(file.string() + ": template special token '" + name + "' is not defined");
          const nlohmann::json& def = specials[name];
          const nlohmann::json& ids = member(def, "ids", file);
          const nlohmann::json& tokens = member(def, "tokens", file);
          for (size_t k = 0; k < ids.size() && k < tokens.size(); ++k) {
            if (!is_token_id(ids[k]))
              throw Error(file.string() + ": post_processor.special_tokens['" + name + "']: " +
                          Vocab::id_range_error(tokens[k].dump(), ids[k].dump()));
            out.push_back({TemplatePiece::Kind::kSpecial, tokens[k].get<std::string>(), ids[k].get<int32_t>(),
                           st.value("type_id", 0)});
          }
        } else if (item.contains("Sequence")) {
          const nlohmann::json& seq = item["Sequence"];
          const bool second = seq.value("id", "A") == "B";
          out.push_back({second ? TemplatePiece::Kind::kSecond : TemplatePiece::Kind::kFirst, "", 0,
                         seq.value("type_id", 0)});
        } else {
          throw Error(file.string() + ": unknown item in post_processor." + key);
        }
      }
      return out;
    };
    return PostProcessor::from_templates(pieces("single"), pieces("pair"));
  }
  throw Error(file.string() + ": unsupported post_processor type '" + type + "'");
}

// The settings files beside tokenizer.json; `dir` is null for a file held in memory (defaults only).
TokenizerSettings companion_settings(const fs::path* dir, TokenizerFamily family) {
  return dir ? read_tokenizer_settings(*dir, family) : default_tokenizer_settings(family);
}

std::unique_ptr<Tokenizer> wordpiece_from_json(const nlohmann::json& root, const fs::path& file, const fs::path* dir) {
  const nlohmann::json& model = root["model"];
  Vocab vocab = vocab_from_json(model, file);
  TokenizerSettings s = companion_settings(dir, TokenizerFamily::kBert);

  // The normaliser replaces tokenizer_config.json's switches.
  if (root.contains("normalizer") && !root["normalizer"].is_null()) {
    const nlohmann::json& n = root["normalizer"];
    if (n.value("type", "") != "BertNormalizer")
      throw Error(file.string() + ": unsupported normalizer '" + n.value("type", "") + "' for WordPiece (expected BertNormalizer)");
    s.config["do_lower_case"] = n.value("lowercase", true);
    s.config["tokenize_chinese_chars"] = n.value("handle_chinese_chars", true);
    s.config["strip_accents"] = n.contains("strip_accents") ? n["strip_accents"] : nlohmann::json();
  }
  if (model.contains("unk_token") && model["unk_token"].is_string())
    s.named["unk_token"] = TokenSetting{model["unk_token"].get<std::string>(), true, true};
  std::optional<TokenizerFamily> hint;
  std::optional<PostProcessor> post = post_processor_from_json(root, file, &hint);
  for (const auto& t : added_tokens_from_json(root, file)) {
    if (!vocab.find(t.content)) vocab.add(t.content, t.id);
    s.additional.push_back({t.content, true, true});
  }
  WordPieceConfig c = wordpiece_config(s, file);
  if (model.contains("continuing_subword_prefix") && model["continuing_subword_prefix"].is_string())
    c.continuing_subword_prefix = model["continuing_subword_prefix"].get<std::string>();
  if (model.contains("max_input_chars_per_word") && model["max_input_chars_per_word"].is_number_integer())
    c.max_input_chars_per_word = model["max_input_chars_per_word"].get<size_t>();
  c.post_processor = post;
  add_missing(vocab, s.added);
  if (post) check_post_processor_ids(*post, vocab, file);
  return std::make_unique<WordPieceTokenizer>(std::move(vocab), std::move(c));
}

MergeList merges_from_json(const nlohmann::json& model, const fs::path& file) {
  const nlohmann::json& m = member(model, "merges", file);
  if (!m.is_array()) throw Error(file.string() + ": model.merges must be a list");
  MergeList merges;
  merges.reserve(m.size());
  for (const auto& item : m) {
    if (item.is_string()) {  // "left right"
      const std::string s = item.get<std::string>();
      const size_t space = s.find(' ');
      if (space == std::string::npos || s.find(' ', space + 1) != std::string::npos)
        throw Error(file.string() + ": merge '" + s + "' is not two symbols separated by one space");
      merges.emplace_back(s.substr(0, space), s.substr(space + 1));
    } else if (item.is_array() && item.size() == 2 && item[0].is_string() && item[1].is_string()) {
      merges.emplace_back(item[0].get<std::string>(), item[1].get<std::string>());
    } else {
      throw Error(file.string() + ": every merge must be \"a b\" or [\"a\", \"b\"]");
    }
  }
  return merges;
}

// Whether a pre_tokenizer is byte-level (possibly inside a Sequence), and its add_prefix_space.
bool byte_level_pre_tokenizer(const nlohmann::json& p, bool* add_prefix_space) {
  if (!p.is_object()) return false;
  const std::string type = p.value("type", "");
  if (type == "ByteLevel") {
    *add_prefix_space = p.value("add_prefix_space", false);
    return true;
  }
  if (type == "Sequence" && p.contains("pretokenizers")) {
    for (const auto& inner : p["pretokenizers"])
      if (byte_level_pre_tokenizer(inner, add_prefix_space)) return true;
  }
  return false;
}

std::unique_ptr<Tokenizer> bpe_from_json(const nlohmann::json& root, const fs::path& file, const fs::path* dir,
                                         const std::string& model_type) {
  const nlohmann::json& model = root["model"];
  for (const char* key : {"continuing_subword_prefix", "end_of_word_suffix"}) {
    if (model.contains(key) && model[key].is_string() && !model[key].get<std::string>().empty())
      throw Error(file.string() + ": BPE with a " + key + " is not supported (only GPT-2 style byte-level BPE)");
  }
  if (root.contains("normalizer") && !root["normalizer"].is_null())
    throw Error(file.string() + ": BPE with a normalizer is not supported (only GPT-2 style byte-level BPE)");
  bool add_prefix_space = false;
  if (!root.contains("pre_tokenizer") || !byte_level_pre_tokenizer(root["pre_tokenizer"], &add_prefix_space))
    throw Error(file.string() + ": only byte-level BPE is supported (expected a ByteLevel pre_tokenizer)");

  Vocab vocab = vocab_from_json(model, file);
  const MergeList merges = merges_from_json(model, file);
  std::optional<TokenizerFamily> hint;
  std::optional<PostProcessor> post = post_processor_from_json(root, file, &hint);

  nlohmann::json tokenizer_config = nlohmann::json::object();
  if (dir && fs::exists(*dir / "tokenizer_config.json")) tokenizer_config = read_json_file(*dir / "tokenizer_config.json");
  const TokenizerFamily family = hint.value_or(bpe_family(model_type, tokenizer_config));
  TokenizerSettings s = companion_settings(dir, family);
  if (!s.config.contains("add_prefix_space")) s.config["add_prefix_space"] = add_prefix_space;

  const std::vector<JsonAddedToken> added = added_tokens_from_json(root, file);
  for (const auto& t : added)
    if (!vocab.find(t.content)) vocab.add(t.content, t.id);
  add_missing(vocab, s.added);
  BpeConfig c = bpe_config(s, vocab, file.string());
  for (const auto& t : added) {  // tokens only tokenizer.json knows, with its flags
    const bool known = std::any_of(c.special_tokens.begin(), c.special_tokens.end(),
                                   [&](const SpecialToken& st) { return st.content == t.content; });
    if (!known) c.special_tokens.push_back({t.content, t.id, t.lstrip, t.rstrip});
  }
  if (post) c.post = *post;
  check_post_processor_ids(c.post, vocab, file);
  return std::make_unique<ByteLevelBpeTokenizer>(std::move(vocab), merges, std::move(c));
}

std::unique_ptr<Tokenizer> tokenizer_from_json_checked(const nlohmann::json& root, const fs::path& file,
                                                       const fs::path* dir, const std::string& model_type);

// A value of the wrong JSON type deep inside the file (a number where a string belongs, ...) is
// reported by nlohmann::json as its own exception; the user gets it as an error naming the file.
std::unique_ptr<Tokenizer> tokenizer_from_json(const nlohmann::json& root, const fs::path& file, const fs::path* dir,
                                               const std::string& model_type) {
  try {
    return tokenizer_from_json_checked(root, file, dir, model_type);
  } catch (const nlohmann::json::exception& e) {
    throw Error(file.string() + ": unexpected JSON structure (" + e.what() + ")");
  }
}

std::unique_ptr<Tokenizer> tokenizer_from_json_checked(const nlohmann::json& root, const fs::path& file,
                                                       const fs::path* dir, const std::string& model_type) {
  if (!root.is_object()) throw Error(file.string() + ": expected a JSON object");
  const nlohmann::json& model = member(root, "model", file);
  std::string type = model.value("type", "");
  // The 2020 format has no "type"; a WordPiece model is recognisable by its own keys.
  if (type.empty() && (model.contains("continuing_subword_prefix") || model.contains("max_input_chars_per_word")) &&
      !model.contains("merges"))
    type = "WordPiece";
  if (type.empty() && model.contains("merges")) type = "BPE";
  if (type == "WordPiece") return wordpiece_from_json(root, file, dir);
  if (type == "BPE") return bpe_from_json(root, file, dir, model_type);
  throw Error(file.string() + ": unsupported tokenizer model type '" + type + "' (supported: WordPiece, BPE)");
}

}  // namespace

std::unique_ptr<WordPieceTokenizer> load_wordpiece(const fs::path& dir) {
  Vocab vocab = WordPieceTokenizer::read_vocab_txt(dir / "vocab.txt");
  const TokenizerSettings s = read_tokenizer_settings(dir, TokenizerFamily::kBert);
  add_missing(vocab, s.added);
  return std::make_unique<WordPieceTokenizer>(std::move(vocab), wordpiece_config(s, dir / "tokenizer_config.json"));
}

std::unique_ptr<ByteLevelBpeTokenizer> load_byte_level_bpe(const fs::path& dir, const std::string& model_type) {
  Vocab vocab = ByteLevelBpeTokenizer::read_vocab_json(dir / "vocab.json");
  const MergeList merges = ByteLevelBpeTokenizer::read_merges_txt(dir / "merges.txt");
  nlohmann::json tokenizer_config = nlohmann::json::object();
  if (fs::exists(dir / "tokenizer_config.json")) tokenizer_config = read_json_file(dir / "tokenizer_config.json");
  const TokenizerSettings s = read_tokenizer_settings(dir, bpe_family(model_type, tokenizer_config));
  add_missing(vocab, s.added);
  BpeConfig c = bpe_config(s, vocab, dir.string());
  return std::make_unique<ByteLevelBpeTokenizer>(std::move(vocab), merges, std::move(c));
}

std::unique_ptr<Tokenizer> load_tokenizer_json(const fs::path& file, const std::string& model_type) {
  const fs::path dir = file.parent_path();
  return tokenizer_from_json(read_json_file(file), file, &dir, model_type);
}

std::unique_ptr<Tokenizer> parse_tokenizer_json(std::string_view json_text, const std::string& label,
                                                const std::string& model_type) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::exception& e) {
    throw Error(label + " is not valid JSON: " + e.what());
  }
  return tokenizer_from_json(root, label, nullptr, model_type);
}

std::unique_ptr<Tokenizer> load_tokenizer(const fs::path& model_dir, const std::string& model_type) {
  if (!fs::is_directory(model_dir)) throw Error("tokenizer folder " + model_dir.string() + " does not exist");
  // The folder's own config.json is the authority on its model type; the argument fills in without one.
  const std::string from_config = model_type_of(model_dir);
  const std::string type = from_config.empty() ? model_type : from_config;
  if (fs::exists(model_dir / "vocab.txt")) return load_wordpiece(model_dir);
  if (fs::exists(model_dir / "vocab.json") && fs::exists(model_dir / "merges.txt"))
    return load_byte_level_bpe(model_dir, type);
  if (fs::exists(model_dir / "tokenizer.json")) return load_tokenizer_json(model_dir / "tokenizer.json", type);
  throw Error("no tokenizer in " + model_dir.string() +
              ": expected vocab.txt (WordPiece), vocab.json + merges.txt (byte-level BPE) or tokenizer.json");
}

}  // namespace as
