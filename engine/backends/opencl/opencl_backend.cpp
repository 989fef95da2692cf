// The OpenCL backend: matrix products are CLBlast GEMMs (strided-batched over heads for attention),
// everything else is one of the project's kernels in kernels/*.cl. Every buffer lives on the
// device; only download() reads back. Semantics follow the CPU backend (cpu_backend.cpp), which
// the op-by-op tests compare against.
#include <clblast.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <string>
#include <vector>

#include "backends/opencl/cl_api.h"
#include "backends/opencl/devices.h"
#include "backends/opencl/kernels.h"
#include "core/error.h"

namespace as {

namespace {

using opencl::launch;

// Bytes of weights resident on a device, shared by the backend and the weights' storages.
using WeightCounter = std::shared_ptr<std::atomic<size_t>>;

class ClStorage final : public DeviceStorage {
 public:
  explicit ClStorage(cl::Buffer b, WeightCounter weights = nullptr, size_t bytes = 0)
      : buffer(std::move(b)), weights_(std::move(weights)), bytes_(bytes) {}
  ~ClStorage() override {
    if (weights_) *weights_ -= bytes_;
  }
  ClStorage(const ClStorage&) = delete;
  ClStorage& operator=(const ClStorage&) = delete;
  cl::Buffer buffer;

 private:
  WeightCounter weights_;
  size_t bytes_;
};

const cl::Buffer& buf(const Mat& m) {
  const auto* s = dynamic_cast<const ClStorage*>(m.storage.get());
  if (!s) throw Error("internal: a matrix from another backend was passed to the OpenCL backend");
  return s->buffer;
}

// Matches ACT_* in kernels/linear_epilogue.cl.
cl_int activation_code(Activation act) {
  switch (act) {
    case Activation::None: return 0;
    case Activation::GeluErf: return 1;
    case Activation::GeluTanh: return 2;
    case Activation::Relu: return 3;
    case Activation::Tanh: return 4;
  }
  throw Error("internal: unknown activation");
}

void check(clblast::StatusCode status, const char* what) {
  if (status == clblast::StatusCode::kSuccess) return;
  const int code = static_cast<int>(status);
  // CLBlast's codes above -1000 are OpenCL's own; below are its own (see clblast.h).
  throw Error(std::string("OpenCL: CLBlast ") + what + " failed: " +
              (code > -1000 ? opencl::cl_error_name(code) : "CLBlast status " + std::to_string(code)));
}

// Runs one backend operation, turning the bindings' cl::Error into an as::Error.
template <class F>
auto guarded(const char* op, F&& f) {
  try {
    return f();
  } catch (const cl::Error& e) {
    throw Error(std::string("OpenCL: ") + op + " failed in " + e.what() + ": " + opencl::cl_error_name(e.err()));
  }
}

cl::NDRange grid(const Mat& m) { return {static_cast<size_t>(m.cols), static_cast<size_t>(m.rows)}; }

// Like the CPU backend, one instance is used by one thread at a time (kernel arguments are set
// per call on shared cl::Kernel objects).
class OpenClBackend final : public Backend {
 public:
  OpenClBackend(const cl::Device& device, const BackendProgress& progress)
      : device_(device),
        context_(device),
        queue_(context_, device),
        max_alloc_(device.getInfo<CL_DEVICE_MAX_MEM_ALLOC_SIZE>()),
        global_memory_(device.getInfo<CL_DEVICE_GLOBAL_MEM_SIZE>()) {
    if (progress) progress(0.0, "OpenCL: building kernels for " + opencl::device_name(device));
    kernels_ = std::make_unique<opencl::Kernels>(context_, device);
    if (progress) progress(0.5, "OpenCL: preparing CLBlast GEMMs");
    warm_up_clblast();
    if (progress) progress(1.0, "OpenCL: ready");
  }

  std::string name() const override { return "opencl"; }
  std::string device_name() const override { return opencl::device_name(device_); }

  Mat upload(const Tensor& w) override {
    return guarded("upload", [&] {
      const int64_t rows = w.rank() == 2 ? w.dim(0) : 1;
      const int64_t cols = w.rank() == 2 ? w.dim(1) : w.size();
      if (w.size() == 0) return alloc(rows, cols);
      const size_t bytes = checked_bytes(w.size());
      reserve_weights(bytes);
      cl::Buffer b(context_, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, bytes, const_cast<float*>(w.data()));
      return Mat{std::make_shared<ClStorage>(std::move(b), weight_bytes_, bytes), 0, rows, cols, cols};
    });
  }

  Mat alloc(int64_t rows, int64_t cols) override {
    return guarded("alloc", [&] {
      // OpenCL has no empty buffers; an empty matrix still gets one element.
      cl::Buffer b(context_, CL_MEM_READ_WRITE, checked_bytes(std::max<int64_t>(rows * cols, 1)));
      return Mat{std::make_shared<ClStorage>(std::move(b)), 0, rows, cols, cols};
    });
  }

  Tensor download(const Mat& m) override {
    return guarded("download", [&] {
      Tensor out = Tensor::uninitialized({m.rows, m.cols});
      if (m.rows == 0 || m.cols == 0) return out;
      const size_t f = sizeof(float);
      const std::array<size_t, 3> origin = {static_cast<size_t>(m.offset % m.ld) * f,
                                            static_cast<size_t>(m.offset / m.ld), 0};
      const std::array<size_t, 3> region = {static_cast<size_t>(m.cols) * f, static_cast<size_t>(m.rows), 1};
      queue_.enqueueReadBufferRect(buf(m), CL_TRUE, origin, {0, 0, 0}, region, static_cast<size_t>(m.ld) * f, 0,
                                   static_cast<size_t>(m.cols) * f, 0, out.mutable_data());
      return out;
    });
  }

  void linear(const Mat& x, const Mat& w, WeightLayout layout, const Mat* bias, Activation act, bool accumulate,
              Mat& y) override {
    guarded("linear", [&] { linear_impl(x, w, layout, bias, act, accumulate, y); });
  }

  void layer_norm(const Mat& x, const Mat& gamma, const Mat& beta, float eps, Mat& y) override {
    guarded("layer_norm", [&] {
      if (x.rows != y.rows || x.cols != y.cols) throw Error("internal: layer_norm shape mismatch");
      if (x.rows == 0) return;
      const size_t group = kernels_->row_group(x.cols);
      launch(queue_, kernels_->layer_norm, cl::NDRange(static_cast<size_t>(x.rows) * group), cl::NDRange(group),
             buf(x), cl_long{x.offset}, cl_long{x.ld}, buf(gamma), cl_long{gamma.offset}, buf(beta),
             cl_long{beta.offset}, cl_float{eps}, cl_long{x.cols}, buf(y), cl_long{y.offset}, cl_long{y.ld});
    });
  }

  void copy(const Mat& src, Mat& dst) override {
    guarded("copy", [&] {
      if (src.rows != dst.rows || src.cols != dst.cols) throw Error("internal: copy shape mismatch");
      if (src.rows == 0 || src.cols == 0) return;
      launch(queue_, kernels_->copy_rows, grid(src), cl::NullRange, buf(src), cl_long{src.offset}, cl_long{src.ld},
             buf(dst), cl_long{dst.offset}, cl_long{dst.ld});
    });
  }

  void add(const Mat& a, Mat& y) override {
    guarded("add", [&] {
      if (a.rows != y.rows || a.cols != y.cols) throw Error("internal: add shape mismatch");
      if (y.rows == 0 || y.cols == 0) return;
      launch(queue_, kernels_->add_rows, grid(y), cl::NullRange, buf(a), cl_long{a.offset}, cl_long{a.ld}, buf(y),
             cl_long{y.offset}, cl_long{y.ld});
    });
  }

  void gather_rows(const Mat& table, std::span<const int32_t> rows, bool accumulate, Mat& y) override {
    guarded("gather_rows", [&] { gather_impl(table, rows, accumulate, y); });
  }

  void attention(AttentionCall& a) override {
    guarded("attention", [&] { attention_impl(a); });
  }

 private:
  size_t checked_bytes(int64_t floats) const {
    const size_t bytes = static_cast<size_t>(floats) * sizeof(float);
    if (bytes > max_alloc_)
      throw Error("OpenCL: cannot allocate " + std::to_string(bytes >> 20) + " MiB on " + opencl::device_name(device_) +
                  " (its largest single allocation is " + std::to_string(max_alloc_ >> 20) + " MiB)");
    return bytes;
  }

  // Weights stay resident: refuse a model that cannot fit before the driver fails somewhere less
  // clear (many drivers allocate lazily and fail at the first kernel that touches the buffer).
  void reserve_weights(size_t bytes) {
    const size_t total = *weight_bytes_ + bytes;
    if (total > global_memory_)
      throw Error("OpenCL: out of device memory: the weights need more than " + std::to_string(total >> 20) +
                  " MiB, " + opencl::device_name(device_) + " has " + std::to_string(global_memory_ >> 20) + " MiB");
    *weight_bytes_ += bytes;
  }

  // A device copy of small host data (token ids, a key mask) for one call.
  template <class T>
  cl::Buffer small_buffer(std::span<const T> data) {
    return cl::Buffer(context_, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, data.size_bytes(),
                      const_cast<T*>(data.data()));
  }

  // c = a · W (OutIn: W is [N, K], so Wᵀ; InOut: W is [K, N]). A single row — every step of
  // greedy decoding — is a matrix-vector product: CLBlast's GEMV reads W once, where the GEMM
  // kernels would pad the one row to a whole tile of rows. Unlike its GEMM kernels, CLBlast's GEMV
  // computes beta·c even for beta = 0, so c is zeroed first (fresh buffers may hold NaN bits).
  void gemm(const Mat& a, const Mat& w, WeightLayout layout, Mat& c) {
    using clblast::Transpose;
    const bool out_in = layout == WeightLayout::OutIn;
    if (c.rows == 1) {
      const size_t f = sizeof(float);
      queue_.enqueueFillBuffer(buf(c), 0.0f, static_cast<size_t>(c.offset) * f, static_cast<size_t>(c.cols) * f);
      check(clblast::Gemv<float>(clblast::Layout::kRowMajor, out_in ? Transpose::kNo : Transpose::kYes, w.rows, w.cols,
                                 1.0f, buf(w)(), w.offset, w.ld, buf(a)(), a.offset, 1, 0.0f, buf(c)(), c.offset, 1,
                                 &queue_(), nullptr),
            "GEMV");
      return;
    }
    check(clblast::Gemm<float>(clblast::Layout::kRowMajor, Transpose::kNo, out_in ? Transpose::kYes : Transpose::kNo,
                               c.rows, c.cols, a.cols, 1.0f, buf(a)(), a.offset, a.ld, buf(w)(), w.offset, w.ld, 0.0f,
                               buf(c)(), c.offset, c.ld, &queue_(), nullptr),
          "GEMM");
  }

  // y = act(x·W + bias) (+ y): the GEMM writes straight into y unless y must be added to, then a
  // temporary keeps oneDNN's order (bias, activation, then the sum) in the epilogue kernel.
  void linear_impl(const Mat& x, const Mat& w, WeightLayout layout, const Mat* bias, Activation act, bool accumulate,
                   Mat& y) {
    const int64_t N = layout == WeightLayout::OutIn ? w.rows : w.cols;
    const int64_t wk = layout == WeightLayout::OutIn ? w.cols : w.rows;
    if (wk != x.cols || y.rows != x.rows || y.cols != N) throw Error("internal: linear shape mismatch");
    if (x.rows == 0) return;
    if (!accumulate) {
      gemm(x, w, layout, y);
      if (bias || act != Activation::None) epilogue(y, bias, act, false, y);
      return;
    }
    Mat product = alloc(y.rows, y.cols);
    gemm(x, w, layout, product);
    epilogue(product, bias, act, true, y);
  }

  void epilogue(const Mat& g, const Mat* bias, Activation act, bool accumulate, Mat& y) {
    const Mat& b = bias ? *bias : g;  // any valid buffer when there is no bias
    launch(queue_, kernels_->linear_epilogue, grid(y), cl::NullRange, buf(g), cl_long{g.offset}, cl_long{g.ld}, buf(b),
           cl_long{b.offset}, cl_int{bias != nullptr}, activation_code(act), cl_int{accumulate}, buf(y),
           cl_long{y.offset}, cl_long{y.ld});
  }

  void gather_impl(const Mat& table, std::span<const int32_t> rows, bool accumulate, Mat& y) {
    for (int32_t r : rows)
      if (r < 0 || r >= table.rows)
        throw Error("id " + std::to_string(r) + " is outside the embedding table (0.." +
                    std::to_string(table.rows - 1) + ")");
    if (rows.empty() || y.cols == 0) return;
    const cl::Buffer ids = small_buffer(rows);
    launch(queue_, kernels_->gather_rows, cl::NDRange(static_cast<size_t>(y.cols), rows.size()), cl::NullRange,
           buf(table), cl_long{table.offset}, cl_long{table.ld}, ids, cl_int{accumulate}, buf(y), cl_long{y.offset},
           cl_long{y.ld});
  }

  void attention_impl(AttentionCall& a) {
    const int64_t Tq = a.q.rows, Tk = a.k.rows;
    if (Tq == 0) return;
    if (!a.key_mask.empty() && static_cast<int64_t>(a.key_mask.size()) != Tk)
      throw Error("internal: key mask has " + std::to_string(a.key_mask.size()) + " entries for " + std::to_string(Tk) +
                  " keys");
    scores_product(a);
    softmax(a);
    context_product(a);
  }

  // scores[h] = scale · Q[h] K[h]ᵀ. Head h of Q, K is the column view starting at h·D of the
  // [T, NH·D] matrix, so a batch stride of D reads the heads in place (no reshuffling copy).
  void scores_product(AttentionCall& a) {
    using clblast::Transpose;
    const size_t D = static_cast<size_t>(a.head_dim), Tq = static_cast<size_t>(a.q.rows);
    check(clblast::GemmStridedBatched<float>(
              clblast::Layout::kRowMajor, Transpose::kNo, Transpose::kYes, Tq, a.k.rows, D, a.scale, buf(a.q)(),
              a.q.offset, a.q.ld, D, buf(a.k)(), a.k.offset, a.k.ld, D, 0.0f, buf(a.scores)(), a.scores.offset,
              a.scores.ld, Tq * a.scores.ld, a.heads, &queue_(), nullptr),
          "batched GEMM (QKᵀ)");
  }

  void softmax(AttentionCall& a) {
    const cl::Buffer mask = a.key_mask.empty() ? buf(a.probs) : small_buffer(a.key_mask);
    const int64_t Tk = a.k.rows;
    const size_t group = kernels_->row_group(Tk);
    launch(queue_, kernels_->masked_softmax, cl::NDRange(static_cast<size_t>(a.heads * a.q.rows) * group),
           cl::NDRange(group), buf(a.scores), cl_long{a.scores.offset}, cl_long{a.scores.ld}, buf(a.probs),
           cl_long{a.probs.offset}, cl_long{a.probs.ld}, cl_long{a.q.rows}, cl_long{Tk}, cl_int{a.causal},
           cl_long{a.past}, mask, cl_int{!a.key_mask.empty()});
  }

  // context[:, h·D:(h+1)·D] = P[h] V[h]: heads are written straight into the concatenated layout.
  void context_product(AttentionCall& a) {
    using clblast::Transpose;
    const size_t D = static_cast<size_t>(a.head_dim), Tq = static_cast<size_t>(a.q.rows);
    check(clblast::GemmStridedBatched<float>(
              clblast::Layout::kRowMajor, Transpose::kNo, Transpose::kNo, Tq, D, a.k.rows, 1.0f, buf(a.probs)(),
              a.probs.offset, a.probs.ld, Tq * a.probs.ld, buf(a.v)(), a.v.offset, a.v.ld, D, 0.0f,
              buf(a.context)(), a.context.offset, a.context.ld, D, a.heads, &queue_(), nullptr),
          "batched GEMM (PV)");
  }

  // CLBlast compiles its kernels on first use (seconds on a cold driver cache): do it now, for
  // every GEMM form the models use, so the first forward pass is not the slow one.
  void warm_up_clblast() {
    const int64_t T = 8, heads = 2;
    Mat x = alloc(T, T), w = alloc(T, T), y = alloc(T, T), scores = alloc(heads * T, T);
    const std::vector<float> zeros(static_cast<size_t>(heads * T * T), 0.0f);
    for (Mat* m : {&x, &w, &scores})
      queue_.enqueueWriteBuffer(buf(*m), CL_TRUE, 0, static_cast<size_t>(m->rows * m->cols) * sizeof(float),
                                zeros.data());
    gemm(x, w, WeightLayout::OutIn, y);
    gemm(x, w, WeightLayout::InOut, y);
    Mat row = y.rows_view(0, 1);
    gemm(x.rows_view(0, 1), w, WeightLayout::OutIn, row);
    gemm(x.rows_view(0, 1), w, WeightLayout::InOut, row);
    AttentionCall call{x, x, x, heads, T / heads, 1.0f, false, 0, {}, scores, scores, y};
    scores_product(call);
    context_product(call);
    queue_.finish();
  }

  cl::Device device_;
  cl::Context context_;
  cl::CommandQueue queue_;
  size_t max_alloc_;
  size_t global_memory_;
  WeightCounter weight_bytes_ = std::make_shared<std::atomic<size_t>>(0);
  std::unique_ptr<opencl::Kernels> kernels_;
};

}  // namespace

std::shared_ptr<Backend> make_opencl_backend(int device_index, const BackendProgress& progress) {
  const cl::Device device = opencl::device_at(device_index);
  return guarded("creating the backend", [&] { return std::make_shared<OpenClBackend>(device, progress); });
}

}  // namespace as
