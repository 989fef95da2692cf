#include "io/config.h"

#include <fstream>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace as {

namespace {

using nlohmann::json;

class ConfigReader {
 public:
  static constexpr int64_t kMaxSize = int64_t{1} << 31;

  ConfigReader(const json& j, std::string label) : j_(j), label_(std::move(label)) {}

  // The first of `keys` present (HF accepts aliases such as n_embd / hidden_size).
  const json* find(std::initializer_list<const char*> keys) const {
    for (const char* k : keys)
      if (j_.contains(k) && !j_[k].is_null()) return &j_[k];
    return nullptr;
  }

  int64_t positive_int(std::initializer_list<const char*> keys, std::optional<int64_t> fallback) const {
    const json* v = find(keys);
    if (!v) {
      if (fallback) return *fallback;
      throw Error(label_ + ": missing required key '" + *keys.begin() + "'");
    }
    if (!v->is_number_integer() || v->get<int64_t>() <= 0)
      throw Error(label_ + ": key '" + key_name(keys) + "' must be a positive integer, got " + v->dump());
    // Far above any real model, and low enough that products such as 4 * n_embd cannot overflow.
    if (v->get<int64_t>() > kMaxSize)
      throw Error(label_ + ": key '" + key_name(keys) + "' is implausibly large (" + v->dump() + " > " +
                  std::to_string(kMaxSize) + ")");
    return v->get<int64_t>();
  }

  int64_t optional_int(const char* key, int64_t fallback) const {
    const json* v = find({key});
    if (!v) return fallback;
    if (!v->is_number_integer()) throw Error(label_ + ": key '" + key + "' must be an integer, got " + v->dump());
    return v->get<int64_t>();
  }

  float positive_float(std::initializer_list<const char*> keys, float fallback) const {
    const json* v = find(keys);
    if (!v) return fallback;
    const double d = v->is_number() ? v->get<double>() : 0.0;
    // A float must hold it (converting a larger double is undefined) and not round it to zero.
    if (d <= 0.0 || d > static_cast<double>(std::numeric_limits<float>::max()) || static_cast<float>(d) == 0.0f)
      throw Error(label_ + ": key '" + key_name(keys) + "' must be a positive number a float can hold, got " +
                  v->dump());
    return static_cast<float>(d);
  }

  bool boolean(const char* key, bool fallback) const {
    const json* v = find({key});
    if (!v) return fallback;
    if (!v->is_boolean()) throw Error(label_ + ": key '" + key + "' must be true or false, got " + v->dump());
    return v->get<bool>();
  }

  std::string string(std::initializer_list<const char*> keys, const std::string& fallback) const {
    const json* v = find(keys);
    if (!v) return fallback;
    if (!v->is_string()) throw Error(label_ + ": key '" + key_name(keys) + "' must be a string, got " + v->dump());
    return v->get<std::string>();
  }

  const std::string& label() const { return label_; }

 private:
  std::string key_name(std::initializer_list<const char*> keys) const {
    for (const char* k : keys)
      if (j_.contains(k)) return k;
    return *keys.begin();
  }
  const json& j_;
  std::string label_;
};

Activation parse_activation(const ConfigReader& r, const char* key, const std::string& name) {
  if (name == "gelu") return Activation::GeluErf;
  if (name == "gelu_new" || name == "gelu_pytorch_tanh" || name == "gelu_fast") return Activation::GeluTanh;
  if (name == "relu") return Activation::Relu;
  if (name == "tanh") return Activation::Tanh;
  throw Error(r.label() + ": key '" + key + "' has unsupported activation '" + name +
              "' (expected gelu, gelu_new, gelu_pytorch_tanh, relu or tanh)");
}

void read_bert(const ConfigReader& r, ModelConfig& c) {
  c.vocab_size = r.positive_int({"vocab_size"}, std::nullopt);
  c.hidden_size = r.positive_int({"hidden_size"}, std::nullopt);
  c.num_layers = r.positive_int({"num_hidden_layers"}, std::nullopt);
  c.num_heads = r.positive_int({"num_attention_heads"}, std::nullopt);
  c.intermediate_size = r.positive_int({"intermediate_size"}, 3072);
  c.max_positions = r.positive_int({"max_position_embeddings"}, 512);
  c.type_vocab_size = r.positive_int({"type_vocab_size"}, 2);
  c.layer_norm_eps = r.positive_float({"layer_norm_eps"}, 1e-12f);
  c.hidden_act = parse_activation(r, "hidden_act", r.string({"hidden_act"}, "gelu"));
  c.pad_token_id = r.optional_int("pad_token_id", 0);
}

void read_distilbert(const ConfigReader& r, ModelConfig& c) {
  c.vocab_size = r.positive_int({"vocab_size"}, std::nullopt);
  c.hidden_size = r.positive_int({"dim", "hidden_size"}, std::nullopt);
  c.num_layers = r.positive_int({"n_layers", "num_hidden_layers"}, std::nullopt);
  c.num_heads = r.positive_int({"n_heads", "num_attention_heads"}, std::nullopt);
  c.intermediate_size = r.positive_int({"hidden_dim", "intermediate_size"}, 4 * c.hidden_size);
  c.max_positions = r.positive_int({"max_position_embeddings"}, 512);
  c.type_vocab_size = 0;
  c.layer_norm_eps = 1e-12f;  // hard-coded in HF's DistilBERT, not read from config.json
  c.hidden_act = parse_activation(r, "activation", r.string({"activation"}, "gelu"));
  c.pad_token_id = r.optional_int("pad_token_id", 0);
}

void read_roberta(const ConfigReader& r, ModelConfig& c) {
  read_bert(r, c);
  c.max_positions = r.positive_int({"max_position_embeddings"}, 514);
  c.type_vocab_size = r.positive_int({"type_vocab_size"}, 1);
  c.pad_token_id = r.optional_int("pad_token_id", 1);
  c.bos_token_id = r.optional_int("bos_token_id", 0);
  c.eos_token_id = r.optional_int("eos_token_id", 2);
}

void read_gpt2(const ConfigReader& r, ModelConfig& c) {
  c.vocab_size = r.positive_int({"vocab_size"}, std::nullopt);
  c.hidden_size = r.positive_int({"n_embd", "hidden_size"}, std::nullopt);
  c.num_layers = r.positive_int({"n_layer", "num_hidden_layers"}, std::nullopt);
  c.num_heads = r.positive_int({"n_head", "num_attention_heads"}, std::nullopt);
  c.intermediate_size = r.positive_int({"n_inner"}, 4 * c.hidden_size);  // null -> 4 * n_embd, as HF
  c.max_positions = r.positive_int({"n_positions", "max_position_embeddings"}, 1024);
  c.layer_norm_eps = r.positive_float({"layer_norm_epsilon", "layer_norm_eps"}, 1e-5f);
  c.hidden_act = parse_activation(r, "activation_function", r.string({"activation_function"}, "gelu_new"));
  c.bos_token_id = r.optional_int("bos_token_id", 50256);
  c.eos_token_id = r.optional_int("eos_token_id", 50256);
}

}  // namespace

const char* activation_name(Activation act) {
  switch (act) {
    case Activation::None: return "none";
    case Activation::GeluErf: return "gelu";
    case Activation::GeluTanh: return "gelu_new";
    case Activation::Relu: return "relu";
    case Activation::Tanh: return "tanh";
  }
  return "?";
}

ModelConfig parse_config(const std::string& json_text, const std::string& label) {
  json j;
  try {
    j = json::parse(json_text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number beyond double
    throw Error(label + ": not valid JSON (" + e.what() + ")");
  }
  if (!j.is_object()) throw Error(label + ": expected a JSON object");
  ConfigReader r(j, label);
  ModelConfig c;
  if (!j.contains("model_type"))
    throw Error(label + ": missing required key 'model_type' (expected \"bert\", \"distilbert\", \"roberta\" or \"gpt2\")");
  c.model_type = r.string({"model_type"}, "");
  if (j.contains("architectures") && j["architectures"].is_array())
    for (const auto& a : j["architectures"])
      if (a.is_string()) c.architectures.push_back(a.get<std::string>());
  if (c.model_type == "bert") {
    read_bert(r, c);
  } else if (c.model_type == "gpt2") {
    read_gpt2(r, c);
  } else if (c.model_type == "distilbert") {
    read_distilbert(r, c);
  } else if (c.model_type == "roberta") {
    read_roberta(r, c);
  } else {
    throw Error(label + ": model_type '" + c.model_type +
                "' is not supported (expected \"bert\", \"distilbert\", \"roberta\" or \"gpt2\")");
  }
  c.tie_word_embeddings = r.boolean("tie_word_embeddings", true);
  c.torch_dtype = r.string({"torch_dtype"}, "");
  if (c.hidden_size % c.num_heads != 0)
    throw Error(label + ": hidden size " + std::to_string(c.hidden_size) + " is not divisible by " +
                std::to_string(c.num_heads) + " attention heads");
  return c;
}

ModelConfig load_config(const std::filesystem::path& config_json) {
  std::ifstream in(config_json, std::ios::binary);
  if (!in) throw Error(config_json.string() + ": cannot open (a HuggingFace model folder needs config.json)");
  std::ostringstream os;
  os << in.rdbuf();
  return parse_config(os.str(), config_json.filename().string());
}

}  // namespace as
