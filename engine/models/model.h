#pragma once
// A loaded model: immutable weights on one backend, and a forward pass that returns everything
// the views need — every layer's and head's attention probabilities and pre-softmax scores, the
// hidden states and the logits — as first-class outputs.
#include <array>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backends/backend.h"
#include "core/tensor.h"
#include "io/config.h"

namespace as {

struct ModelInfo {
  std::string family;  // "bert" or "gpt2"
  std::string architecture;  // e.g. "BertForMaskedLM"
  int64_t layers = 0;
  int64_t heads = 0;
  int64_t hidden = 0;
  int64_t vocab_size = 0;
  int64_t max_positions = 0;
  int64_t parameters = 0;  // stored weights, tied matrices counted once
  std::string dtype;       // as stored: "F32", "F16", "BF16"
  bool has_mlm_head = false;
  bool has_nsp_head = false;
  bool has_lm_head = false;
  std::string path;
};

struct ForwardInput {
  std::vector<int32_t> ids;
  std::vector<int32_t> token_type_ids;  // BERT only; empty = all 0
  std::vector<uint8_t> attention_mask;  // empty = attend to every token; 0 marks padding keys
};

struct ForwardOptions {
  bool capture_attention = true;  // attentions + scores
  // Layers whose attention is captured (when capture_attention): nullopt = every layer. The others
  // get empty tensors in ForwardResult::attentions/scores, so indices still name layers. At long
  // sequences this is what keeps memory bounded: GPT-2 small at 1024 tokens holds 576 MiB of
  // probabilities and as much again of scores when every layer is kept.
  std::optional<std::vector<int64_t>> attention_layers;
  // Checked before every layer; when it reads true the forward pass throws as::Cancelled.
  const std::atomic<bool>* cancel = nullptr;
  // Called before every layer with its index (progress; tests use it to make a pass slow).
  std::function<void(size_t)> on_layer;
  // Called (when capture_attention) for EVERY layer, kept or not, with its probabilities and
  // pre-softmax scores [NH, Tq, Tk], valid during the call only. A viewer that keeps a few layers
  // whole can build small summaries of all of them (thumbnails, rollout) while only one layer's
  // matrices are in memory at a time.
  std::function<void(size_t layer, const Tensor& probabilities, const Tensor& scores)> on_attention;
  bool capture_hidden = true;
  // Rows of the logits to compute: nullopt = every position, {} = none.
  std::optional<std::vector<int64_t>> logits_positions;
  bool next_sentence = true;  // BERT with an NSP head: compute it
  // Every layer's Q, K and V as the attention uses them (after the projections and biases; for
  // GPT-2 of ln_1's output), for views that step through one head's computation. With
  // attention_layers given, only those layers' (the others get empty tensors).
  bool capture_qkv = false;
};

struct ForwardResult {
  // Per layer [NH, Tq, Tk] probabilities (rows: queries); empty for layers not captured.
  std::vector<Tensor> attentions;
  std::vector<Tensor> scores;         // per layer [NH, Tq, Tk] scaled pre-softmax scores, masked = -inf
  std::vector<Tensor> hidden_states;  // layers + 1 entries of [Tq, H] (HF's hidden_states)
  // With capture_qkv, per layer: queries [Tq, H], keys and values [Tk, H] (Tk includes cached
  // tokens). Heads are concatenated: head h is columns h*D .. h*D+D-1, D = H / NH.
  std::vector<Tensor> queries, keys, values;
  Tensor logits;                      // [positions, vocab]
  std::vector<int64_t> logits_positions;
  std::optional<std::array<float, 2>> nsp_logits;  // [IsNext, NotNext]
  std::string backend;
  std::string fallback_reason;  // set when a requested backend failed and the CPU computed this
  double millis = 0.0;
};

// Progress (0..1 with a phase name) and a cancel flag checked between steps.
struct LoadOptions {
  std::function<void(double, const std::string&)> progress;
  const std::atomic<bool>* cancel = nullptr;
  // Bytes of memory the load may use; nullopt = MemAvailable from /proc/meminfo (tests set it).
  std::optional<uint64_t> available_memory;
};

// Per-sequence decoding state (the KV cache); owned by the caller, tied to the model that made it.
class DecoderState {
 public:
  virtual ~DecoderState() = default;
  virtual int64_t length() const = 0;  // tokens already in the cache
};

class Model {
 public:
  virtual ~Model() = default;
  const ModelInfo& info() const { return info_; }
  const ModelConfig& config() const { return config_; }
  Backend& backend() const { return *backend_; }

  virtual ForwardResult forward(const ForwardInput& input, const ForwardOptions& options = {}) = 0;

  // Causal LMs only: a KV cache, and a forward that appends tokens to it, so a new token costs
  // one token's work. The result covers the new tokens as queries and all cached tokens as keys.
  virtual bool is_causal() const { return false; }
  virtual std::unique_ptr<DecoderState> new_state() const;
  virtual ForwardResult extend(DecoderState& state, const std::vector<int32_t>& ids,
                               const ForwardOptions& options = {});
  // The learned position embeddings [max_positions, H] (BERT position_embeddings, GPT-2 wpe).
  virtual Tensor position_embeddings() const = 0;

 protected:
  Model(ModelConfig config, std::shared_ptr<Backend> backend) : config_(std::move(config)), backend_(std::move(backend)) {}
  ModelInfo info_;
  ModelConfig config_;
  std::shared_ptr<Backend> backend_;
};

// Reads config.json and the weights of a HuggingFace folder and builds the right model class.
std::unique_ptr<Model> load_model(const std::filesystem::path& dir, std::shared_ptr<Backend> backend,
                                  const LoadOptions& options = {});

// A model with the real shapes of bert-base-uncased ("random:bert-base") or gpt2 ("random:gpt2")
// and seeded random weights, for benchmarks without a download.
std::unique_ptr<Model> make_random_model(const std::string& spec, std::shared_ptr<Backend> backend);

}  // namespace as
