// The CPU backend: matrix products, layer normalisation and softmax are oneDNN 2.6 primitives
// (created once per shape and cached); only the embedding gather, masking and plain adds are
// written here, because oneDNN has no primitive for them.
#include <omp.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include <oneapi/dnnl/dnnl.hpp>

#include "backends/backend.h"
#include "core/error.h"

namespace as {

namespace {

using dnnl::memory;
using tag_dims = memory::dims;

// Host memory: either a view of a weight tensor (no copy) or owned scratch.
class HostStorage final : public DeviceStorage {
 public:
  explicit HostStorage(Tensor t) : tensor_(std::move(t)) {}
  const float* data() const { return tensor_.data(); }
  float* mutable_data() { return tensor_.mutable_data(); }
  const Tensor& tensor() const { return tensor_; }

 private:
  Tensor tensor_;
};

HostStorage& host(const Mat& m) { return static_cast<HostStorage&>(*m.storage); }
const float* cptr(const Mat& m) { return host(m).data() + m.offset; }
float* wptr(Mat& m) { return host(m).mutable_data() + m.offset; }

dnnl::algorithm eltwise_for(Activation act) {
  switch (act) {
    case Activation::GeluErf: return dnnl::algorithm::eltwise_gelu_erf;
    case Activation::GeluTanh: return dnnl::algorithm::eltwise_gelu_tanh;
    case Activation::Relu: return dnnl::algorithm::eltwise_relu;
    case Activation::Tanh: return dnnl::algorithm::eltwise_tanh;
    case Activation::None: break;
  }
  return dnnl::algorithm::undef;
}

std::string key_of(std::initializer_list<int64_t> parts, const char* kind) {
  std::ostringstream os;
  os << kind;
  for (int64_t p : parts) os << ',' << p;
  return os.str();
}

memory::desc md(const tag_dims& dims, const tag_dims& strides) {
  return memory::desc(dims, memory::data_type::f32, strides);
}

class CpuBackend final : public Backend {
 public:
  explicit CpuBackend(int threads) : engine_(dnnl::engine::kind::cpu, 0), stream_(engine_), threads_(threads) {}

  std::string name() const override { return "cpu"; }

  Mat upload(const Tensor& w) override {
    const int64_t rows = w.rank() == 2 ? w.dim(0) : 1;
    const int64_t cols = w.rank() == 2 ? w.dim(1) : w.size();
    return {std::make_shared<HostStorage>(w), 0, rows, cols, cols};
  }

  Mat alloc(int64_t rows, int64_t cols) override {
    return {std::make_shared<HostStorage>(Tensor::uninitialized({rows, cols})), 0, rows, cols, cols};
  }

  Tensor download(const Mat& m) override {
    const Tensor& whole = host(m).tensor();
    // A whole contiguous buffer is handed out without a copy (the model allocates captured
    // outputs fresh for every forward, so nothing writes to them afterwards).
    if (m.offset == 0 && m.ld == m.cols && m.rows * m.cols == whole.size())
      return Tensor({m.rows, m.cols}, whole.data(), m.storage);
    Tensor out({m.rows, m.cols});
    float* dst = out.mutable_data();
    const float* src = cptr(m);
    for (int64_t r = 0; r < m.rows; ++r) std::memcpy(dst + r * m.cols, src + r * m.ld, m.cols * sizeof(float));
    return out;
  }

  void linear(const Mat& x, const Mat& w, WeightLayout layout, const Mat* bias, Activation act, bool accumulate,
              Mat& y) override {
    const int64_t M = x.rows, K = x.cols;
    const int64_t N = layout == WeightLayout::OutIn ? w.rows : w.cols;
    const int64_t wk = layout == WeightLayout::OutIn ? w.cols : w.rows;
    if (wk != K || y.rows != M || y.cols != N) throw Error("internal: linear shape mismatch");
    if (M == 0) return;
    set_threads();
    const tag_dims wstrides = layout == WeightLayout::OutIn ? tag_dims{1, w.ld} : tag_dims{w.ld, 1};
    const std::string key = key_of({M, K, N, x.ld, w.ld, y.ld, static_cast<int64_t>(layout), bias != nullptr,
                                    static_cast<int64_t>(act), accumulate},
                                   "linear");
    dnnl::matmul& prim = cached(key, [&] {
      dnnl::post_ops ops;
      if (act != Activation::None) ops.append_eltwise(1.0f, eltwise_for(act), 0.0f, 0.0f);
      if (accumulate) ops.append_sum(1.0f);
      dnnl::primitive_attr attr;
      attr.set_post_ops(ops);
      const auto bias_md = bias ? md({1, N}, {N, 1}) : memory::desc();
      dnnl::matmul::desc d(md({M, K}, {x.ld, 1}), md({K, N}, wstrides), bias_md, md({M, N}, {y.ld, 1}));
      return dnnl::matmul(dnnl::matmul::primitive_desc(d, attr, engine_));
    });
    std::unordered_map<int, memory> args = {
        {DNNL_ARG_SRC, memory(md({M, K}, {x.ld, 1}), engine_, const_cast<float*>(cptr(x)))},
        {DNNL_ARG_WEIGHTS, memory(md({K, N}, wstrides), engine_, const_cast<float*>(cptr(w)))},
        {DNNL_ARG_DST, memory(md({M, N}, {y.ld, 1}), engine_, wptr(y))},
    };
    if (bias) args.insert({DNNL_ARG_BIAS, memory(md({1, N}, {N, 1}), engine_, const_cast<float*>(cptr(*bias)))});
    prim.execute(stream_, args);
    stream_.wait();
  }

  void layer_norm(const Mat& x, const Mat& gamma, const Mat& beta, float eps, Mat& y) override {
    const int64_t T = x.rows, C = x.cols;
    if (T == 0) return;
    set_threads();
    const std::string key = key_of({T, C, x.ld, y.ld}, "ln") + std::to_string(eps);
    auto& prim = cached_ln(key, [&] {
      using flags = dnnl::normalization_flags;
      dnnl::layer_normalization_forward::desc d(dnnl::prop_kind::forward_inference, md({T, C}, {x.ld, 1}), eps,
                                                flags::use_scale | flags::use_shift);
      return dnnl::layer_normalization_forward(dnnl::layer_normalization_forward::primitive_desc(d, engine_));
    });
    if (y.ld != x.ld) throw Error("internal: layer_norm needs equal strides");
    prim.execute(stream_, {{DNNL_ARG_SRC, memory(md({T, C}, {x.ld, 1}), engine_, const_cast<float*>(cptr(x)))},
                           {DNNL_ARG_DST, memory(md({T, C}, {y.ld, 1}), engine_, wptr(y))},
                           {DNNL_ARG_SCALE, memory(md({C}, {1}), engine_, const_cast<float*>(cptr(gamma)))},
                           {DNNL_ARG_SHIFT, memory(md({C}, {1}), engine_, const_cast<float*>(cptr(beta)))}});
    stream_.wait();
  }

  void copy(const Mat& src, Mat& dst) override {
    if (src.rows != dst.rows || src.cols != dst.cols) throw Error("internal: copy shape mismatch");
    const float* s = cptr(src);
    float* d = wptr(dst);
    for (int64_t r = 0; r < src.rows; ++r) std::memcpy(d + r * dst.ld, s + r * src.ld, src.cols * sizeof(float));
  }

  void add(const Mat& a, Mat& y) override {
    const float* s = cptr(a);
    float* d = wptr(y);
    for (int64_t r = 0; r < y.rows; ++r)
      for (int64_t c = 0; c < y.cols; ++c) d[r * y.ld + c] += s[r * a.ld + c];
  }

  void gather_rows(const Mat& table, std::span<const int32_t> rows, bool accumulate, Mat& y) override {
    const float* t = cptr(table);
    float* d = wptr(y);
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i] < 0 || rows[i] >= table.rows)
        throw Error("id " + std::to_string(rows[i]) + " is outside the embedding table (0.." +
                    std::to_string(table.rows - 1) + ")");
      const float* src = t + rows[i] * table.ld;
      float* dst = d + static_cast<int64_t>(i) * y.ld;
      if (accumulate) {
        for (int64_t c = 0; c < y.cols; ++c) dst[c] += src[c];
      } else {
        std::memcpy(dst, src, y.cols * sizeof(float));
      }
    }
  }

  void attention(AttentionCall& a) override {
    const int64_t NH = a.heads, D = a.head_dim, Tq = a.q.rows, Tk = a.k.rows;
    if (Tq == 0) return;
    set_threads();
    scores_product(a, NH, D, Tq, Tk);
    apply_mask(a, NH, Tq, Tk);
    softmax(a.scores, a.probs, NH * Tq, Tk);
    context_product(a, NH, D, Tq, Tk);
  }

 private:
  void set_threads() {
    if (threads_ > 0) omp_set_num_threads(threads_);
  }

  // scores[h] = scale · Q[h] K[h]ᵀ, with Q, K read in place from their [T, NH*D] layouts.
  void scores_product(AttentionCall& a, int64_t NH, int64_t D, int64_t Tq, int64_t Tk) {
    const tag_dims qs = {D, a.q.ld, 1}, ks = {D, 1, a.k.ld}, ss = {Tq * a.scores.ld, a.scores.ld, 1};
    const std::string key = key_of({NH, D, Tq, Tk, a.q.ld, a.k.ld, a.scores.ld}, "qk") + std::to_string(a.scale);
    dnnl::matmul& prim = cached(key, [&] {
      dnnl::primitive_attr attr;
      attr.set_output_scales(0, {a.scale});
      dnnl::matmul::desc d(md({NH, Tq, D}, qs), md({NH, D, Tk}, ks), md({NH, Tq, Tk}, ss));
      return dnnl::matmul(dnnl::matmul::primitive_desc(d, attr, engine_));
    });
    prim.execute(stream_, {{DNNL_ARG_SRC, memory(md({NH, Tq, D}, qs), engine_, const_cast<float*>(cptr(a.q)))},
                           {DNNL_ARG_WEIGHTS, memory(md({NH, D, Tk}, ks), engine_, const_cast<float*>(cptr(a.k)))},
                           {DNNL_ARG_DST, memory(md({NH, Tq, Tk}, ss), engine_, wptr(a.scores))}});
    stream_.wait();
  }

  // Masked entries become -inf, as the captured pre-softmax scores must show them.
  static void apply_mask(AttentionCall& a, int64_t NH, int64_t Tq, int64_t Tk) {
    const bool padded = !a.key_mask.empty();
    if (!a.causal && !padded) return;
    const float ninf = -std::numeric_limits<float>::infinity();
    float* s = wptr(a.scores);
    for (int64_t h = 0; h < NH; ++h)
      for (int64_t i = 0; i < Tq; ++i) {
        float* row = s + (h * Tq + i) * a.scores.ld;
        const int64_t last_visible = a.causal ? a.past + i : Tk - 1;
        for (int64_t j = last_visible + 1; j < Tk; ++j) row[j] = ninf;
        if (padded)
          for (int64_t j = 0; j < Tk; ++j)
            if (!a.key_mask[static_cast<size_t>(j)]) row[j] = ninf;
      }
  }

  void softmax(const Mat& src, Mat& dst, int64_t rows, int64_t cols) {
    const std::string key = key_of({rows, cols, src.ld, dst.ld}, "softmax");
    auto& prim = cached_softmax(key, [&] {
      dnnl::softmax_forward::desc d(dnnl::prop_kind::forward_inference, md({rows, cols}, {src.ld, 1}), 1);
      return dnnl::softmax_forward(dnnl::softmax_forward::primitive_desc(d, engine_));
    });
    if (src.ld != dst.ld) throw Error("internal: softmax needs equal strides");
    prim.execute(stream_, {{DNNL_ARG_SRC, memory(md({rows, cols}, {src.ld, 1}), engine_, const_cast<float*>(cptr(src)))},
                           {DNNL_ARG_DST, memory(md({rows, cols}, {dst.ld, 1}), engine_, wptr(dst))}});
    stream_.wait();
  }

  // context[:, h*D:(h+1)*D] = P[h] V[h]: heads are written straight into the concatenated layout.
  void context_product(AttentionCall& a, int64_t NH, int64_t D, int64_t Tq, int64_t Tk) {
    const tag_dims ps = {Tq * a.probs.ld, a.probs.ld, 1}, vs = {D, a.v.ld, 1}, cs = {D, a.context.ld, 1};
    const std::string key = key_of({NH, D, Tq, Tk, a.probs.ld, a.v.ld, a.context.ld}, "pv");
    dnnl::matmul& prim = cached(key, [&] {
      dnnl::matmul::desc d(md({NH, Tq, Tk}, ps), md({NH, Tk, D}, vs), md({NH, Tq, D}, cs));
      return dnnl::matmul(dnnl::matmul::primitive_desc(d, engine_));
    });
    prim.execute(stream_, {{DNNL_ARG_SRC, memory(md({NH, Tq, Tk}, ps), engine_, const_cast<float*>(cptr(a.probs)))},
                           {DNNL_ARG_WEIGHTS, memory(md({NH, Tk, D}, vs), engine_, const_cast<float*>(cptr(a.v)))},
                           {DNNL_ARG_DST, memory(md({NH, Tq, D}, cs), engine_, wptr(a.context))}});
    stream_.wait();
  }

  template <class Make>
  dnnl::matmul& cached(const std::string& key, Make make) {
    auto it = matmuls_.find(key);
    if (it == matmuls_.end()) it = matmuls_.emplace(key, make()).first;
    return it->second;
  }
  template <class Make>
  dnnl::layer_normalization_forward& cached_ln(const std::string& key, Make make) {
    auto it = lns_.find(key);
    if (it == lns_.end()) it = lns_.emplace(key, make()).first;
    return it->second;
  }
  template <class Make>
  dnnl::softmax_forward& cached_softmax(const std::string& key, Make make) {
    auto it = softmaxes_.find(key);
    if (it == softmaxes_.end()) it = softmaxes_.emplace(key, make()).first;
    return it->second;
  }

  dnnl::engine engine_;
  dnnl::stream stream_;
  int threads_;
  std::unordered_map<std::string, dnnl::matmul> matmuls_;
  std::unordered_map<std::string, dnnl::layer_normalization_forward> lns_;
  std::unordered_map<std::string, dnnl::softmax_forward> softmaxes_;
};

}  // namespace

std::unique_ptr<Backend> make_cpu_backend(int threads) { return std::make_unique<CpuBackend>(threads); }

}  // namespace as
