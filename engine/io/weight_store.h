#pragma once
// All tensors of a checkpoint folder under one name space: model.safetensors, or the shards listed
// in model.safetensors.index.json. Model loaders ask for tensors by HF name with the shape they
// expect, and get an error naming the file, the tensor and both shapes when it does not fit.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/tensor.h"
#include "io/safetensors.h"

namespace as {

// model.safetensors.index.json's "weight_map": tensor name -> shard file name (a plain file name,
// never a path). `label` names the file in errors.
std::map<std::string, std::string> parse_shard_index(std::string_view json_text, const std::string& label);

class WeightStore {
 public:
  static WeightStore open(const std::filesystem::path& model_dir);

  bool has(const std::string& name) const { return index_.count(name) != 0; }
  std::vector<std::string> names() const;
  const TensorInfo& info(const std::string& name) const;
  // Loads as float32 and checks the shape; `role` says what the tensor is for in error messages.
  Tensor get(const std::string& name, const Shape& expected) const;

  // "F32", "F16", "BF16" or "mixed (F16, F32)": what most of the weights are stored as.
  std::string dtype_summary() const;
  uint64_t total_bytes() const;
  // What loading every float tensor allocates: they are all held as float32 once loaded.
  uint64_t f32_bytes() const;
  std::string describe() const;  // the file name(s), for messages

 private:
  std::vector<std::shared_ptr<const SafetensorsFile>> files_;
  std::map<std::string, const SafetensorsFile*> index_;
};

}  // namespace as
