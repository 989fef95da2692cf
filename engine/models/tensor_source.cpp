#include "models/tensor_source.h"

namespace as {

Mat WeightLoader::matrix(const std::string& name, const Shape& shape) { return upload(source_.get(name, shape)); }

Mat WeightLoader::upload(const Tensor& t) {
  parameters_ += t.size();
  return backend_.upload(t);
}

LinearWeights WeightLoader::linear(const std::string& prefix, int64_t in, int64_t out) {
  return {matrix(prefix + ".weight", {out, in}), matrix(prefix + ".bias", {out}), WeightLayout::OutIn, true};
}

LinearWeights WeightLoader::conv1d(const std::string& prefix, int64_t in, int64_t out) {
  return {matrix(prefix + ".weight", {in, out}), matrix(prefix + ".bias", {out}), WeightLayout::InOut, true};
}

NormWeights WeightLoader::norm(const std::string& prefix, int64_t width) {
  if (!source_.has(prefix + ".weight") && source_.has(prefix + ".gamma"))
    return {matrix(prefix + ".gamma", {width}), matrix(prefix + ".beta", {width})};
  return {matrix(prefix + ".weight", {width}), matrix(prefix + ".bias", {width})};
}

}  // namespace as
