#pragma once
// Where a model's weights come from: a checkpoint folder, or seeded random values for benchmarks.
// Model loaders name tensors by their HF names and the shape config.json implies.
#include <cstdint>
#include <string>
#include <vector>

#include "backends/backend.h"
#include "core/tensor.h"

namespace as {

class TensorSource {
 public:
  virtual ~TensorSource() = default;
  virtual bool has(const std::string& name) const = 0;
  virtual Tensor get(const std::string& name, const Shape& expected) const = 0;
  virtual std::string dtype() const = 0;
  virtual std::string label() const = 0;  // for error messages
};

// A dense layer's weights on the backend.
struct LinearWeights {
  Mat weight;
  Mat bias;
  WeightLayout layout = WeightLayout::OutIn;
  bool has_bias = true;
};

struct NormWeights {
  Mat gamma;
  Mat beta;
};

// Loads tensors from a source onto a backend, counting the parameters it uploads.
class WeightLoader {
 public:
  WeightLoader(const TensorSource& source, Backend& backend) : source_(source), backend_(backend) {}

  bool has(const std::string& name) const { return source_.has(name); }
  Mat matrix(const std::string& name, const Shape& shape);
  Mat upload(const Tensor& t);  // a tensor already read from the source
  // nn.Linear: weight [out, in] + bias [out].
  LinearWeights linear(const std::string& prefix, int64_t in, int64_t out);
  // GPT-2 Conv1D: weight [in, out] + bias [out].
  LinearWeights conv1d(const std::string& prefix, int64_t in, int64_t out);
  // LayerNorm weight/bias, also under the TF-era names gamma/beta.
  NormWeights norm(const std::string& prefix, int64_t width);
  int64_t parameters() const { return parameters_; }

 private:
  const TensorSource& source_;
  Backend& backend_;
  int64_t parameters_ = 0;
};

}  // namespace as
