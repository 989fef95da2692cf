#pragma once
// Reader for HuggingFace safetensors files: an 8-byte little-endian header length, a JSON header
// {name: {dtype, shape, data_offsets}} and the raw little-endian tensor bytes. The header is fully
// validated before any tensor is touched; F32 tensors are used in place in the memory map.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/tensor.h"
#include "io/mapped_file.h"

namespace as {

enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL };

const char* dtype_name(DType dtype);
size_t dtype_size(DType dtype);

struct TensorInfo {
  std::string name;
  DType dtype = DType::F32;
  Shape shape;
  uint64_t begin = 0;  // byte offsets relative to the data area
  uint64_t end = 0;
};

class SafetensorsFile {
 public:
  // Opens, maps and validates; throws as::Error naming the file and the problem.
  static std::shared_ptr<const SafetensorsFile> open(const std::filesystem::path& path);
  // The same for a whole file's bytes already in memory; `name` stands for the file in messages.
  static std::shared_ptr<const SafetensorsFile> from_bytes(const std::filesystem::path& name, std::string bytes);

  const std::filesystem::path& path() const { return file_->path(); }
  const std::map<std::string, TensorInfo>& tensors() const { return tensors_; }
  const std::map<std::string, std::string>& metadata() const { return metadata_; }
  bool contains(const std::string& name) const { return tensors_.count(name) != 0; }
  const TensorInfo& info(const std::string& name) const;

  // The tensor as float32: a zero-copy view for F32, an exact converted copy for F16/BF16/F64.
  Tensor load_f32(const std::string& name) const;
  const uint8_t* raw(const TensorInfo& info) const { return data_begin_ + info.begin; }

 private:
  SafetensorsFile() = default;
  void parse_header();
  void check_no_overlap() const;

  std::shared_ptr<const MappedFile> file_;
  const uint8_t* data_begin_ = nullptr;
  uint64_t data_size_ = 0;
  std::map<std::string, TensorInfo> tensors_;
  std::map<std::string, std::string> metadata_;
};

// Writes F32 tensors in safetensors format (used by `run --out` and tests). Keys sorted.
void write_safetensors(const std::filesystem::path& path, const std::map<std::string, Tensor>& tensors,
                       const std::map<std::string, std::string>& metadata = {});

}  // namespace as
