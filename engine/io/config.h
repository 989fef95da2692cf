#pragma once
// config.json -> hyper-parameters, with HuggingFace's key names and defaults per model_type.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace as {

enum class Activation { None, GeluErf, GeluTanh, Relu, Tanh };
const char* activation_name(Activation act);

struct ModelConfig {
  std::string model_type;  // "bert", "distilbert", "roberta" or "gpt2"
  std::vector<std::string> architectures;
  int64_t vocab_size = 0;
  int64_t hidden_size = 0;
  int64_t num_layers = 0;
  int64_t num_heads = 0;
  int64_t intermediate_size = 0;
  int64_t max_positions = 0;
  int64_t type_vocab_size = 0;  // BERT token types; 0 for GPT-2
  float layer_norm_eps = 1e-12f;
  Activation hidden_act = Activation::GeluErf;
  bool tie_word_embeddings = true;
  int64_t pad_token_id = -1;
  int64_t bos_token_id = -1;
  int64_t eos_token_id = -1;
  std::string torch_dtype;

  int64_t head_dim() const { return hidden_size / num_heads; }
};

// Parses and validates config.json; throws as::Error naming the file and key on any problem.
ModelConfig load_config(const std::filesystem::path& config_json);
ModelConfig parse_config(const std::string& json_text, const std::string& file_label = "config.json");

}  // namespace as
