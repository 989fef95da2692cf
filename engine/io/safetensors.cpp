#include "io/safetensors.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/half.h"

namespace as {

namespace {

// Headers of real checkpoints are a few hundred KB; anything near this is corrupt.
constexpr uint64_t kMaxHeaderBytes = 100ull * 1024 * 1024;

struct DTypeEntry {
  const char* name;
  DType dtype;
  size_t size;
};
constexpr DTypeEntry kDTypes[] = {
    {"F64", DType::F64, 8}, {"F32", DType::F32, 4}, {"F16", DType::F16, 2}, {"BF16", DType::BF16, 2},
    {"I64", DType::I64, 8}, {"I32", DType::I32, 4}, {"I16", DType::I16, 2}, {"I8", DType::I8, 1},
    {"U8", DType::U8, 1},   {"BOOL", DType::BOOL, 1},
};

uint64_t read_u64_le(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

std::string where(const std::filesystem::path& path, const std::string& tensor) {
  return path.filename().string() + ": tensor '" + tensor + "'";
}

DType parse_dtype(const std::filesystem::path& path, const std::string& name, const nlohmann::json& j) {
  if (!j.is_string()) throw Error(where(path, name) + ": \"dtype\" must be a string");
  const std::string s = j.get<std::string>();
  for (const auto& e : kDTypes)
    if (s == e.name) return e.dtype;
  throw Error(where(path, name) + ": unknown dtype '" + s +
              "' (expected one of F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL)");
}

Shape parse_shape(const std::filesystem::path& path, const std::string& name, const nlohmann::json& j) {
  if (!j.is_array()) throw Error(where(path, name) + ": \"shape\" must be an array of integers");
  Shape shape;
  for (const auto& d : j) {
    if (!d.is_number_unsigned()) throw Error(where(path, name) + ": \"shape\" must hold non-negative integers");
    const uint64_t v = d.get<uint64_t>();
    if (v > (1ull << 40)) throw Error(where(path, name) + ": dimension " + std::to_string(v) + " is implausibly large");
    shape.push_back(static_cast<int64_t>(v));
  }
  return shape;
}

uint64_t checked_byte_size(const std::filesystem::path& path, const std::string& name, const Shape& shape,
                           size_t elem) {
  uint64_t n = elem;
  for (int64_t d : shape) {
    if (d != 0 && n > std::numeric_limits<uint64_t>::max() / static_cast<uint64_t>(d))
      throw Error(where(path, name) + ": shape " + shape_to_string(shape) + " overflows");
    n *= static_cast<uint64_t>(d);
  }
  return n;
}

}  // namespace

const char* dtype_name(DType dtype) {
  for (const auto& e : kDTypes)
    if (e.dtype == dtype) return e.name;
  return "?";
}

size_t dtype_size(DType dtype) {
  for (const auto& e : kDTypes)
    if (e.dtype == dtype) return e.size;
  return 0;
}

std::shared_ptr<const SafetensorsFile> SafetensorsFile::open(const std::filesystem::path& path) {
  std::shared_ptr<SafetensorsFile> st(new SafetensorsFile());
  st->file_ = CheckedFile::open(path);
  st->parse_header();
  return st;
}

std::shared_ptr<const SafetensorsFile> SafetensorsFile::from_bytes(const std::filesystem::path& name,
                                                                  std::string bytes) {
  std::shared_ptr<SafetensorsFile> st(new SafetensorsFile());
  st->file_ = CheckedFile::hold(name, std::move(bytes));
  st->parse_header();
  return st;
}

void SafetensorsFile::parse_header() {
  const auto& path = file_->path();
  const std::string file = path.filename().string();
  if (file_->size() < 8)
    throw Error(file + ": file is " + std::to_string(file_->size()) +
                " bytes, too short for a safetensors header (expected at least 8)");
  uint8_t length[8];
  file_->read(0, 8, length);
  const uint64_t n = read_u64_le(length);
  if (n > file_->size() - 8)
    throw Error(file + ": header length " + std::to_string(n) + " runs past the end of the file (" +
                std::to_string(file_->size()) + " bytes); the file is truncated or not safetensors");
  if (n > kMaxHeaderBytes) throw Error(file + ": header length " + std::to_string(n) + " is implausibly large");
  std::string text(n, '\0');
  file_->read(8, n, text.data());
  nlohmann::json header;
  try {
    header = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for a number beyond double
    throw Error(file + ": header is not valid JSON (" + e.what() + ")");
  }
  if (!header.is_object()) throw Error(file + ": header must be a JSON object");
  data_begin_ = 8 + n;
  data_size_ = file_->size() - 8 - n;

  for (const auto& [name, entry] : header.items()) {
    if (name == "__metadata__") {
      if (!entry.is_object()) throw Error(file + ": \"__metadata__\" must be an object");
      for (const auto& [k, v] : entry.items())
        if (v.is_string()) metadata_[k] = v.get<std::string>();
      continue;
    }
    if (!entry.is_object()) throw Error(where(path, name) + ": entry must be an object");
    for (const char* key : {"dtype", "shape", "data_offsets"})
      if (!entry.contains(key)) throw Error(where(path, name) + ": missing \"" + key + "\"");
    TensorInfo info;
    info.name = name;
    info.dtype = parse_dtype(path, name, entry["dtype"]);
    info.shape = parse_shape(path, name, entry["shape"]);
    const auto& off = entry["data_offsets"];
    if (!off.is_array() || off.size() != 2 || !off[0].is_number_unsigned() || !off[1].is_number_unsigned())
      throw Error(where(path, name) + ": \"data_offsets\" must be [begin, end] with non-negative integers");
    info.begin = off[0].get<uint64_t>();
    info.end = off[1].get<uint64_t>();
    if (info.begin > info.end)
      throw Error(where(path, name) + ": data_offsets begin " + std::to_string(info.begin) + " > end " +
                  std::to_string(info.end));
    if (info.end > data_size_)
      throw Error(where(path, name) + ": data_offsets end " + std::to_string(info.end) +
                  " is past the data area (" + std::to_string(data_size_) + " bytes); the file is truncated");
    const uint64_t expected = checked_byte_size(path, name, info.shape, dtype_size(info.dtype));
    if (info.end - info.begin != expected)
      throw Error(where(path, name) + ": " + std::to_string(info.end - info.begin) + " bytes for shape " +
                  shape_to_string(info.shape) + " of " + dtype_name(info.dtype) + ", expected " +
                  std::to_string(expected));
    tensors_.emplace(name, std::move(info));
  }
  check_no_overlap();
}

void SafetensorsFile::check_no_overlap() const {
  std::vector<const TensorInfo*> order;
  for (const auto& [name, info] : tensors_)
    if (info.end > info.begin) order.push_back(&info);
  std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->begin < b->begin; });
  for (size_t i = 1; i < order.size(); ++i) {
    if (order[i]->begin < order[i - 1]->end)
      throw Error(path().filename().string() + ": tensors '" + order[i - 1]->name + "' and '" + order[i]->name +
                  "' overlap (bytes " + std::to_string(order[i]->begin) + " < " + std::to_string(order[i - 1]->end) +
                  ")");
  }
}

const TensorInfo& SafetensorsFile::info(const std::string& name) const {
  auto it = tensors_.find(name);
  if (it == tensors_.end()) throw Error(path().filename().string() + ": no tensor '" + name + "'");
  return it->second;
}

Tensor SafetensorsFile::load_f32(const std::string& name) const {
  const TensorInfo& ti = info(name);
  const int64_t count = numel(ti.shape);
  const uint64_t bytes = ti.end - ti.begin;
  Tensor out = Tensor::uninitialized(ti.shape);
  float* dst = out.mutable_data();
  if (ti.dtype == DType::F32) {
    file_->read(data_begin_ + ti.begin, bytes, dst);
    return out;
  }
  if (ti.dtype != DType::F16 && ti.dtype != DType::BF16 && ti.dtype != DType::F64)
    throw Error(where(path(), name) + ": dtype " + dtype_name(ti.dtype) +
                " cannot be used as a weight (expected F32, F16 or BF16)");
  std::vector<uint8_t> raw(bytes);
  file_->read(data_begin_ + ti.begin, bytes, raw.data());
  const uint8_t* src = raw.data();
  switch (ti.dtype) {
    case DType::F16:
    case DType::BF16: {
      const bool bf = ti.dtype == DType::BF16;
      for (int64_t i = 0; i < count; ++i) {
        const uint16_t h = static_cast<uint16_t>(src[2 * i] | (src[2 * i + 1] << 8));
        dst[i] = bf ? bf16_to_float(h) : f16_to_float(h);
      }
      break;
    }
    case DType::F64:
      for (int64_t i = 0; i < count; ++i) {
        double d;
        std::memcpy(&d, src + 8 * i, 8);
        dst[i] = static_cast<float>(d);
      }
      break;
    default:
      break;  // other dtypes were refused above
  }
  return out;
}

void write_safetensors(const std::filesystem::path& path, const std::map<std::string, Tensor>& tensors,
                       const std::map<std::string, std::string>& metadata) {
  nlohmann::ordered_json header;
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  for (const auto& [k, v] : metadata) meta[k] = v;
  header["__metadata__"] = meta;
  uint64_t offset = 0;
  for (const auto& [name, t] : tensors) {
    const uint64_t bytes = static_cast<uint64_t>(t.size()) * 4;
    header[name] = {{"dtype", "F32"}, {"shape", t.shape()}, {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
  }
  std::string text = header.dump();
  while ((text.size() + 8) % 8 != 0) text.push_back(' ');
  // Written under a temporary name and renamed when complete: a failed or interrupted write never
  // leaves a truncated file under the name asked for.
  std::filesystem::path partial = path;
  partial += ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(path.string() + ": cannot open for writing");
    uint8_t len[8];
    for (int i = 0; i < 8; ++i) len[i] = static_cast<uint8_t>((text.size() >> (8 * i)) & 0xFF);
    out.write(reinterpret_cast<const char*>(len), 8);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    for (const auto& [name, t] : tensors)
      out.write(reinterpret_cast<const char*>(t.data()), static_cast<std::streamsize>(t.size() * 4));
    out.flush();
    if (!out) {
      out.close();
      std::error_code ignored;
      std::filesystem::remove(partial, ignored);
      throw Error(path.string() + ": write failed (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) {
    std::filesystem::remove(partial, ec);
    throw Error(path.string() + ": cannot rename the finished file into place: " + ec.message());
  }
}

}  // namespace as
