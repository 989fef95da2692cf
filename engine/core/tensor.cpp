#include "core/tensor.h"

#include <sstream>

#include "core/error.h"

namespace as {

int64_t numel(const Shape& shape) {
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  return n;
}

std::string shape_to_string(const Shape& shape) {
  std::ostringstream os;
  os << '[';
  for (size_t i = 0; i < shape.size(); ++i) os << (i ? ", " : "") << shape[i];
  os << ']';
  return os.str();
}

Tensor::Tensor(Shape shape) : shape_(std::move(shape)) {
  owned_ = std::shared_ptr<float[]>(new float[static_cast<size_t>(numel(shape_))]());
  data_ = owned_.get();
}

Tensor Tensor::uninitialized(Shape shape) {
  Tensor t;
  t.shape_ = std::move(shape);
  t.owned_ = std::shared_ptr<float[]>(new float[static_cast<size_t>(numel(t.shape_))]);
  t.data_ = t.owned_.get();
  return t;
}

Tensor::Tensor(Shape shape, const float* data, std::shared_ptr<const void> keep_alive)
    : shape_(std::move(shape)), data_(data), keep_alive_(std::move(keep_alive)) {}

float* Tensor::mutable_data() {
  if (!owned_) throw Error("internal: attempt to write a read-only tensor view");
  return owned_.get();
}

Tensor Tensor::reshaped(Shape shape) const {
  if (numel(shape) != size())
    throw Error("internal: cannot reshape " + shape_to_string(shape_) + " to " + shape_to_string(shape));
  Tensor t(shape);
  std::copy(data_, data_ + size(), t.mutable_data());
  return t;
}

Tensor Tensor::view_as(Shape shape) const {
  if (numel(shape) != size())
    throw Error("internal: cannot view " + shape_to_string(shape_) + " as " + shape_to_string(shape));
  std::shared_ptr<const void> keep = owned_ ? std::shared_ptr<const void>(owned_) : keep_alive_;
  return Tensor(std::move(shape), data_, std::move(keep));
}

}  // namespace as
