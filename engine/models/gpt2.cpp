#include "models/gpt2.h"

#include <algorithm>
#include <chrono>

#include "core/error.h"
#include "models/blocks.h"

namespace as {

// Keys and values of every layer for the tokens seen so far; grows geometrically up to n_positions.
class Gpt2Model::Cache final : public DecoderState {
 public:
  Cache(Backend& be, int64_t layers, int64_t hidden, int64_t max_positions)
      : be_(be), hidden_(hidden), max_(max_positions), k_(static_cast<size_t>(layers)), v_(static_cast<size_t>(layers)) {}

  int64_t length() const override { return length_; }

  // Makes room for `extra` more tokens (copying what is cached when it has to grow).
  void reserve(int64_t extra) {
    const int64_t need = length_ + extra;
    if (need <= capacity_) return;
    const int64_t cap = std::min(max_, std::max(need, 2 * capacity_));
    for (size_t l = 0; l < k_.size(); ++l) {
      k_[l] = grown(k_[l], cap);
      v_[l] = grown(v_[l], cap);
    }
    capacity_ = cap;
  }

  // Stores the new tokens' K and V (column views of the fused QKV output) for layer l.
  void append(size_t l, const Mat& k, const Mat& v) {
    Mat kd = k_[l].rows_view(length_, k.rows), vd = v_[l].rows_view(length_, v.rows);
    be_.copy(k, kd);
    be_.copy(v, vd);
  }
  Mat keys(size_t l, int64_t count) const { return k_[l].rows_view(0, count); }
  Mat values(size_t l, int64_t count) const { return v_[l].rows_view(0, count); }
  void advance(int64_t n) { length_ += n; }

 private:
  Mat grown(const Mat& old, int64_t cap) {
    Mat fresh = be_.alloc(cap, hidden_);
    if (length_ > 0) {
      Mat dst = fresh.rows_view(0, length_);
      be_.copy(old.rows_view(0, length_), dst);
    }
    return fresh;
  }

  Backend& be_;
  int64_t hidden_, max_;
  int64_t length_ = 0, capacity_ = 0;
  std::vector<Mat> k_, v_;
};

namespace {

// GPT-2 checkpoints name tensors with or without "transformer." (GPT2LMHeadModel vs GPT2Model dumps).
std::string detect_prefix(const TensorSource& src) { return src.has("transformer.wte.weight") ? "transformer." : ""; }

}  // namespace

Gpt2Model::Gpt2Model(const ModelConfig& c, const TensorSource& src, std::shared_ptr<Backend> backend,
                     const LoadOptions& options)
    : Model(c, std::move(backend)) {
  WeightLoader w(src, *backend_);
  const std::string p = detect_prefix(src);
  const int64_t H = c.hidden_size, I = c.intermediate_size;
  if (!src.has(p + "wte.weight")) throw Error(src.label() + ": missing tensor 'wte.weight' (is this a GPT-2 checkpoint?)");
  report_progress(options, 0.0, "embeddings");
  wte_ = w.matrix(p + "wte.weight", {c.vocab_size, H});
  wpe_host_ = src.get(p + "wpe.weight", {c.max_positions, H});
  wpe_ = w.upload(wpe_host_);
  for (int64_t l = 0; l < c.num_layers; ++l) {
    report_progress(options, static_cast<double>(l + 1) / static_cast<double>(c.num_layers + 1), "layer " + std::to_string(l));
    const std::string lp = p + "h." + std::to_string(l) + ".";
    Layer layer;
    layer.ln_1 = w.norm(lp + "ln_1", H);
    layer.c_attn = w.conv1d(lp + "attn.c_attn", H, 3 * H);
    layer.attn_proj = w.conv1d(lp + "attn.c_proj", H, H);
    layer.ln_2 = w.norm(lp + "ln_2", H);
    layer.c_fc = w.conv1d(lp + "mlp.c_fc", H, I);
    layer.mlp_proj = w.conv1d(lp + "mlp.c_proj", I, H);
    layers_.push_back(std::move(layer));
  }
  ln_f_ = w.norm(p + "ln_f", H);
  // lm_head is nn.Linear [vocab, H] without bias; usually tied to wte and not stored.
  lm_head_.weight = src.has("lm_head.weight") ? w.matrix("lm_head.weight", {c.vocab_size, H}) : wte_;
  lm_head_.has_bias = false;
  report_progress(options, 1.0, "ready");

  info_.family = "gpt2";
  info_.architecture = c.architectures.empty() ? "GPT2LMHeadModel" : c.architectures[0];
  info_.layers = c.num_layers;
  info_.heads = c.num_heads;
  info_.hidden = H;
  info_.vocab_size = c.vocab_size;
  info_.max_positions = c.max_positions;
  info_.parameters = w.parameters();
  info_.dtype = src.dtype();
  info_.has_lm_head = true;
}

std::unique_ptr<DecoderState> Gpt2Model::new_state() const {
  return std::make_unique<Cache>(*backend_, config_.num_layers, config_.hidden_size, config_.max_positions);
}

Mat Gpt2Model::block(const Layer& L, const Mat& x, Cache& cache, const LayerCapture& capture) {
  Backend& be = *backend_;
  const float eps = config_.layer_norm_eps;
  const size_t index = capture.layer;
  const int64_t H = config_.hidden_size, T = x.rows, total = cache.length() + T;
  Mat qkv = apply_linear(be, apply_norm(be, x, L.ln_1, eps), L.c_attn);
  cache.append(index, qkv.cols_view(H, H), qkv.cols_view(2 * H, H));
  record_qkv(be, qkv.cols_view(0, H), cache.keys(index, total), cache.values(index, total), capture);
  CapturedAttention att = multi_head_attention(be, qkv.cols_view(0, H), cache.keys(index, total),
                                               cache.values(index, total), config_.num_heads, true,
                                               cache.length(), {});
  record_attention(be, att, config_.num_heads, capture);
  Mat a = apply_linear_residual(be, att.context, L.attn_proj, x);
  Mat f = apply_linear(be, apply_norm(be, a, L.ln_2, eps), L.c_fc, config_.hidden_act);
  return apply_linear_residual(be, f, L.mlp_proj, a);
}

ForwardResult Gpt2Model::forward(const ForwardInput& input, const ForwardOptions& options) {
  if (!input.attention_mask.empty() &&
      std::any_of(input.attention_mask.begin(), input.attention_mask.end(), [](uint8_t m) { return m == 0; }))
    throw Error("GPT-2 runs on one unpadded sequence; attention_mask must be all ones");
  auto state = new_state();
  return extend(*state, input.ids, options);
}

ForwardResult Gpt2Model::extend(DecoderState& state, const std::vector<int32_t>& ids, const ForwardOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  auto* cache = dynamic_cast<Cache*>(&state);
  if (!cache) throw Error("internal: decoder state from another model");
  const int64_t past = cache->length(), T = static_cast<int64_t>(ids.size());
  check_input_ids(ids, config_.vocab_size, config_.max_positions, past);
  check_attention_layers(options, layers_.size());
  Backend& be = *backend_;
  ForwardResult result;
  result.backend = be.name();
  std::vector<int32_t> positions(ids.size());
  for (int64_t i = 0; i < T; ++i) positions[static_cast<size_t>(i)] = static_cast<int32_t>(past + i);
  Mat x = be.alloc(T, config_.hidden_size);
  be.gather_rows(wte_, ids, false, x);
  be.gather_rows(wpe_, positions, true, x);
  if (options.capture_hidden) result.hidden_states.push_back(be.download(x));
  cache->reserve(T);
  for (size_t l = 0; l < layers_.size(); ++l) {
    before_layer(options, l);
    x = block(layers_[l], x, *cache, LayerCapture{options, l, result});
    // HF appends the last block's output only after ln_f.
    if (options.capture_hidden && l + 1 < layers_.size()) result.hidden_states.push_back(be.download(x));
  }
  cache->advance(T);
  Mat final_h = apply_norm(be, x, ln_f_, config_.layer_norm_eps);
  if (options.capture_hidden) result.hidden_states.push_back(be.download(final_h));
  result.logits_positions = resolve_logit_positions(options, T);
  const int64_t n = static_cast<int64_t>(result.logits_positions.size());
  if (n > 0) {
    std::vector<int32_t> rows(result.logits_positions.begin(), result.logits_positions.end());
    Mat picked = be.alloc(n, config_.hidden_size);
    be.gather_rows(final_h, rows, false, picked);
    result.logits = be.download(apply_linear(be, picked, lm_head_));
  } else {
    result.logits = Tensor({0, config_.vocab_size});
  }
  result.millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace as
