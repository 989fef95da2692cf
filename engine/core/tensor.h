#pragma once
// A host-side float32 tensor: row-major, contiguous. It either owns its storage or views memory
// kept alive by `keep_alive` (e.g. a memory-mapped checkpoint), so weights are never copied.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace as {

using Shape = std::vector<int64_t>;

int64_t numel(const Shape& shape);
std::string shape_to_string(const Shape& shape);

class Tensor {
 public:
  Tensor() = default;
  // Allocates zero-initialised owned storage.
  explicit Tensor(Shape shape);
  // Owned storage left uninitialised: for buffers that are written in full before being read
  // (backend scratch and outputs), where zero-filling would only cost memory bandwidth.
  static Tensor uninitialized(Shape shape);
  // Views external memory; `keep_alive` holds whatever owns it.
  Tensor(Shape shape, const float* data, std::shared_ptr<const void> keep_alive);

  const Shape& shape() const { return shape_; }
  int64_t dim(size_t i) const { return shape_.at(i); }
  size_t rank() const { return shape_.size(); }
  int64_t size() const { return numel(shape_); }
  bool empty() const { return data_ == nullptr; }

  const float* data() const { return data_; }
  // Only owned tensors are writable; views of mapped files are read-only.
  float* mutable_data();
  std::span<const float> values() const { return {data_, static_cast<size_t>(size())}; }

  // Element (i, j) of a rank-2 tensor; (h, i, j) of a rank-3 tensor.
  float at(int64_t i, int64_t j) const { return data_[i * shape_[1] + j]; }
  float at(int64_t h, int64_t i, int64_t j) const {
    return data_[(h * shape_[1] + i) * shape_[2] + j];
  }

  // A copy with a new shape of the same element count.
  Tensor reshaped(Shape shape) const;
  // The same storage seen with another shape of the same element count (no copy, read-only).
  Tensor view_as(Shape shape) const;
  bool owns_storage() const { return owned_ != nullptr; }

 private:
  Shape shape_;
  const float* data_ = nullptr;
  std::shared_ptr<float[]> owned_;
  std::shared_ptr<const void> keep_alive_;
};

}  // namespace as
