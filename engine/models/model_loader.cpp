// Model registry: config.json's model_type picks the family; weights come from the folder's
// safetensors (single file or shards) or, for benchmarks, from a seeded random source.
#include <filesystem>
#include <random>

#include "core/error.h"
#include "io/memory_budget.h"
#include "io/torch_checkpoint.h"
#include "io/weight_store.h"
#include "models/bert.h"
#include "models/distilbert.h"
#include "models/gpt2.h"
#include "models/model.h"
#include "models/roberta.h"

namespace as {

std::unique_ptr<DecoderState> Model::new_state() const {
  throw Error(info_.family + " is not a causal language model; it has no KV cache");
}

ForwardResult Model::extend(DecoderState&, const std::vector<int32_t>&, const ForwardOptions&) {
  throw Error(info_.family + " is not a causal language model; it cannot extend a sequence");
}

namespace {

class StoreSource final : public TensorSource {
 public:
  explicit StoreSource(WeightStore store) : store_(std::move(store)) {}
  bool has(const std::string& name) const override { return store_.has(name); }
  Tensor get(const std::string& name, const Shape& expected) const override { return store_.get(name, expected); }
  std::string dtype() const override { return store_.dtype_summary(); }
  std::string label() const override { return store_.describe(); }

 private:
  WeightStore store_;
};

// Seeded N(0, 0.02) weights (HF's init) with unit LayerNorms, in whatever shape is asked for.
class RandomSource final : public TensorSource {
 public:
  explicit RandomSource(uint32_t seed) : seed_(seed) {}
  bool has(const std::string& name) const override {
    // The random BERT carries the MLM head but no pooler/NSP, like BertForMaskedLM.
    return name.find("pooler") == std::string::npos && name.find("seq_relationship") == std::string::npos &&
           name.find("decoder.weight") == std::string::npos && name != "lm_head.weight" &&
           name.find(".gamma") == std::string::npos;
  }
  Tensor get(const std::string& name, const Shape& shape) const override {
    Tensor t(shape);
    float* d = t.mutable_data();
    const bool is_norm = name.find("LayerNorm") != std::string::npos || name.find("ln_") != std::string::npos;
    if (is_norm) {
      const float v = name.find("weight") != std::string::npos ? 1.0f : 0.0f;
      std::fill(d, d + t.size(), v);
      return t;
    }
    std::mt19937 rng(seed_ + static_cast<uint32_t>(std::hash<std::string>{}(name)));
    std::normal_distribution<float> dist(0.0f, 0.02f);
    for (int64_t i = 0; i < t.size(); ++i) d[i] = dist(rng);
    return t;
  }
  std::string dtype() const override { return "F32"; }
  std::string label() const override { return "random weights"; }

 private:
  uint32_t seed_;
};

std::unique_ptr<Model> build(const ModelConfig& config, const TensorSource& source, std::shared_ptr<Backend> backend,
                             const LoadOptions& options) {
  if (config.model_type == "bert") return std::make_unique<BertModel>(config, source, std::move(backend), options);
  if (config.model_type == "gpt2") return std::make_unique<Gpt2Model>(config, source, std::move(backend), options);
  if (config.model_type == "distilbert") return std::make_unique<DistilBertModel>(config, source, std::move(backend), options);
  if (config.model_type == "roberta") return std::make_unique<RobertaModel>(config, source, std::move(backend), options);
  throw Error("model_type '" + config.model_type + "' is not supported");
}

std::optional<uint64_t> memory_for_load(const LoadOptions& options) {
  return options.available_memory ? options.available_memory : available_memory_bytes();
}

std::unique_ptr<Model> load_from_folder(const std::filesystem::path& dir, std::shared_ptr<Backend> backend,
                                        const LoadOptions& options) {
  const ModelConfig config = load_config(dir / "config.json");
  // safetensors (single or sharded) wins; pytorch_model.bin is read by a pickle reader that
  // accepts only what torch.save writes for a state dict and never executes anything.
  const bool has_safetensors =
      std::filesystem::exists(dir / "model.safetensors") || std::filesystem::exists(dir / "model.safetensors.index.json");
  if (!has_safetensors && std::filesystem::exists(dir / "pytorch_model.bin")) {
    // The whole file is read into memory and F32 tensors are used in place there.
    const auto bin = dir / "pytorch_model.bin";
    ensure_memory_for(std::filesystem::file_size(bin), memory_for_load(options), bin.filename().string());
    auto source = open_torch_checkpoint(bin);
    return build(config, *source, std::move(backend), options);
  }
  WeightStore store = WeightStore::open(dir);
  ensure_memory_for(store.f32_bytes(), memory_for_load(options), store.describe());
  StoreSource source(std::move(store));
  return build(config, source, std::move(backend), options);
}

}  // namespace

std::unique_ptr<Model> load_model(const std::filesystem::path& dir, std::shared_ptr<Backend> backend,
                                  const LoadOptions& options) {
  if (!std::filesystem::is_directory(dir)) throw Error(dir.string() + ": not a folder (expected a HuggingFace model folder)");
  const auto folder_removed = [&dir] {
    return Error(dir.string() + ": the model folder was removed while the model was loading");
  };
  std::unique_ptr<Model> model;
  try {
    model = load_from_folder(dir, std::move(backend), options);
  } catch (const Cancelled&) {
    throw;
  } catch (const std::exception&) {
    // A file that vanished mid-load reads as "cannot open"; say why.
    if (!std::filesystem::is_directory(dir)) throw folder_removed();
    throw;
  }
  // Weights already read are intact (they come from descriptors held open), but the tokenizer and
  // any later reload would not find their files: report it now rather than half-working.
  if (!std::filesystem::is_directory(dir)) throw folder_removed();
  return model;
}

std::unique_ptr<Model> make_random_model(const std::string& spec, std::shared_ptr<Backend> backend) {
  ModelConfig c;
  if (spec == "random:bert-base") {
    c = parse_config(R"({"model_type":"bert","vocab_size":30522,"hidden_size":768,"num_hidden_layers":12,
      "num_attention_heads":12,"intermediate_size":3072,"max_position_embeddings":512,"type_vocab_size":2})",
                     spec);
  } else if (spec == "random:gpt2") {
    c = parse_config(R"({"model_type":"gpt2","vocab_size":50257,"n_embd":768,"n_layer":12,"n_head":12,
      "n_positions":1024})",
                     spec);
  } else {
    throw Error("unknown random model '" + spec + "' (expected random:bert-base or random:gpt2)");
  }
  RandomSource source(20240601);
  return build(c, source, std::move(backend), {});
}

}  // namespace as
