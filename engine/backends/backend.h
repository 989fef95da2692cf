#pragma once
// The narrow interface every compute backend implements. Model code (bert.cpp, gpt2.cpp) is a
// sequence of these calls and never touches device memory directly; a backend owns its buffers.
// Shapes use the letters T (tokens), H (hidden), NH (heads), D (head dim), Tk (keys).
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "core/tensor.h"
#include "io/config.h"

namespace as {

// Backend-specific storage (host memory, an OpenCL buffer, ...).
class DeviceStorage {
 public:
  virtual ~DeviceStorage() = default;
};

// A row-major matrix view into a storage: element (r, c) is at offset + r * ld + c.
struct Mat {
  std::shared_ptr<DeviceStorage> storage;
  int64_t offset = 0;
  int64_t rows = 0;
  int64_t cols = 0;
  int64_t ld = 0;

  Mat rows_view(int64_t first, int64_t count) const { return {storage, offset + first * ld, count, cols, ld}; }
  Mat cols_view(int64_t first, int64_t count) const { return {storage, offset + first, rows, count, ld}; }
};

// How a weight matrix is stored: nn.Linear is [out, in] (y = x Wᵀ), GPT-2's Conv1D is [in, out] (y = x W).
enum class WeightLayout { OutIn, InOut };

struct AttentionCall {
  Mat q;  // [Tq, NH*D] (may be a column view of a fused QKV matrix)
  Mat k;  // [Tk, NH*D]
  Mat v;  // [Tk, NH*D]
  int64_t heads = 0;
  int64_t head_dim = 0;
  float scale = 1.0f;              // 1/sqrt(D)
  bool causal = false;             // query i sees keys 0 .. past + i
  int64_t past = 0;                // keys before the first query (KV cache)
  std::span<const uint8_t> key_mask;  // optional padding mask over keys, 1 = attend
  Mat scores;   // out: [NH*Tq, Tk] scaled pre-softmax scores, masked entries = -inf
  Mat probs;    // out: [NH*Tq, Tk] softmax probabilities
  Mat context;  // out: [Tq, NH*D] heads concatenated
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual std::string name() const = 0;
  // The device it computes on, for people ("" when there is nothing more to say than name()).
  virtual std::string device_name() const { return {}; }

  // Weights: uploaded once per model. The CPU backend keeps views of the loaded host tensors.
  virtual Mat upload(const Tensor& weights) = 0;  // rank 1 -> [1, n], rank 2 -> as is
  virtual Mat alloc(int64_t rows, int64_t cols) = 0;
  virtual Tensor download(const Mat& m) = 0;  // to a host tensor [rows, cols]

  // y = act(x · W(ᵀ) + bias) (+ y if accumulate: a residual add fused into the product).
  virtual void linear(const Mat& x, const Mat& w, WeightLayout layout, const Mat* bias, Activation act,
                      bool accumulate, Mat& y) = 0;
  virtual void layer_norm(const Mat& x, const Mat& gamma, const Mat& beta, float eps, Mat& y) = 0;
  virtual void copy(const Mat& src, Mat& dst) = 0;
  virtual void add(const Mat& a, Mat& y) = 0;  // y += a
  // y[i] (+)= table[rows[i]]: embedding look-ups.
  virtual void gather_rows(const Mat& table, std::span<const int32_t> rows, bool accumulate, Mat& y) = 0;
  virtual void attention(AttentionCall& call) = 0;
};

// The oneDNN CPU backend; `threads` <= 0 means all cores.
std::unique_ptr<Backend> make_cpu_backend(int threads = 0);

}  // namespace as
