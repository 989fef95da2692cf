#include "io/weight_store.h"

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace as {

namespace {

std::map<std::string, std::string> read_shard_index(const std::filesystem::path& index_path) {
  std::ifstream in(index_path, std::ios::binary);
  if (!in) throw Error(index_path.string() + ": cannot open");
  std::ostringstream os;
  os << in.rdbuf();
  return parse_shard_index(os.str(), index_path.filename().string());
}

}  // namespace

std::map<std::string, std::string> parse_shard_index(std::string_view json_text, const std::string& label) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for a number beyond double
    throw Error(label + ": not valid JSON (" + e.what() + ")");
  }
  if (!j.is_object() || !j.contains("weight_map") || !j["weight_map"].is_object())
    throw Error(label + ": missing object 'weight_map'");
  std::map<std::string, std::string> map;
  for (const auto& [name, file] : j["weight_map"].items()) {
    if (!file.is_string()) throw Error(label + ": weight_map['" + name + "'] must be a file name");
    const std::string f = file.get<std::string>();
    if (f.find('/') != std::string::npos || f.find("..") != std::string::npos)
      throw Error(label + ": weight_map['" + name + "'] = '" + f + "' must be a file in the model folder");
    map[name] = f;
  }
  return map;
}

WeightStore WeightStore::open(const std::filesystem::path& dir) {
  WeightStore store;
  const auto single = dir / "model.safetensors";
  const auto index = dir / "model.safetensors.index.json";
  if (std::filesystem::exists(single)) {
    store.files_.push_back(SafetensorsFile::open(single));
    for (const auto& [name, info] : store.files_.back()->tensors()) store.index_[name] = store.files_.back().get();
    return store;
  }
  if (!std::filesystem::exists(index))
    throw Error(dir.string() + ": no model.safetensors, model.safetensors.index.json or pytorch_model.bin in the model folder");
  const auto weight_map = read_shard_index(index);
  std::map<std::string, const SafetensorsFile*> opened;
  for (const auto& [name, file] : weight_map) {
    if (!opened.count(file)) {
      store.files_.push_back(SafetensorsFile::open(dir / file));
      opened[file] = store.files_.back().get();
    }
    const SafetensorsFile* shard = opened[file];
    if (!shard->contains(name))
      throw Error(file + ": tensor '" + name + "' is listed in model.safetensors.index.json but not in the shard");
    store.index_[name] = shard;
  }
  return store;
}

std::vector<std::string> WeightStore::names() const {
  std::vector<std::string> out;
  for (const auto& [name, file] : index_) out.push_back(name);
  return out;
}

const TensorInfo& WeightStore::info(const std::string& name) const {
  auto it = index_.find(name);
  if (it == index_.end()) throw Error(describe() + ": missing tensor '" + name + "'");
  return it->second->info(name);
}

Tensor WeightStore::get(const std::string& name, const Shape& expected) const {
  auto it = index_.find(name);
  if (it == index_.end()) throw Error(describe() + ": missing tensor '" + name + "'");
  const TensorInfo& ti = it->second->info(name);
  if (ti.shape != expected)
    throw Error(it->second->path().filename().string() + ": tensor '" + name + "' has shape " +
                shape_to_string(ti.shape) + ", expected " + shape_to_string(expected) + " from config.json");
  return it->second->load_f32(name);
}

std::string WeightStore::dtype_summary() const {
  std::map<std::string, uint64_t> bytes;
  for (const auto& [name, file] : index_) {
    const TensorInfo& ti = file->info(name);
    if (ti.dtype == DType::F32 || ti.dtype == DType::F16 || ti.dtype == DType::BF16)
      bytes[dtype_name(ti.dtype)] += ti.end - ti.begin;
  }
  if (bytes.empty()) return "none";
  if (bytes.size() == 1) return bytes.begin()->first;
  std::string out = "mixed (";
  for (auto it = bytes.begin(); it != bytes.end(); ++it) out += (it == bytes.begin() ? "" : ", ") + it->first;
  return out + ")";
}

uint64_t WeightStore::total_bytes() const {
  uint64_t total = 0;
  for (const auto& [name, file] : index_) {
    const TensorInfo& ti = file->info(name);
    total += ti.end - ti.begin;
  }
  return total;
}

uint64_t WeightStore::f32_bytes() const {
  uint64_t total = 0;
  for (const auto& [name, file] : index_) {
    const TensorInfo& ti = file->info(name);
    const bool is_float = ti.dtype == DType::F32 || ti.dtype == DType::F16 || ti.dtype == DType::BF16 ||
                          ti.dtype == DType::F64;
    if (is_float) total += static_cast<uint64_t>(numel(ti.shape)) * 4;
  }
  return total;
}

std::string WeightStore::describe() const {
  if (files_.size() == 1) return files_[0]->path().filename().string();
  return "model.safetensors.index.json (" + std::to_string(files_.size()) + " shards)";
}

}  // namespace as
