#pragma once
// Reader for HuggingFace safetensors files: an 8-byte little-endian header length, a JSON header
// {name: {dtype, shape, data_offsets}} and the raw little-endian tensor bytes. The header is fully
// validated before any tensor is touched. Tensors are read (never mapped) into heap tensors, so a
// checkpoint changed on disk later cannot crash the model (see CheckedFile).
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/tensor.h"
#include "io/checked_file.h"

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
  // Opens, reads the header and validates it; throws as::Error naming the file and the problem.
  static std::shared_ptr<const SafetensorsFile> open(const std::filesystem::path& path);
  // The same for a whole file's bytes already in memory; `name` stands for the file in messages.
  static std::shared_ptr<const SafetensorsFile> from_bytes(const std::filesystem::path& name, std::string bytes);

  const std::filesystem::path& path() const { return file_->path(); }
  const std::map<std::string, TensorInfo>& tensors() const { return tensors_; }
  const std::map<std::string, std::string>& metadata() const { return metadata_; }
  bool contains(const std::string& name) const { return tensors_.count(name) != 0; }
  const TensorInfo& info(const std::string& name) const;

  // The tensor as float32 in owned storage (F16/BF16/F64 converted exactly); throws as::Error
  // when the file has changed on disk since it was opened.
  Tensor load_f32(const std::string& name) const;

 private:
  SafetensorsFile() = default;
  void parse_header();
  void check_no_overlap() const;

  std::shared_ptr<const CheckedFile> file_;
  uint64_t data_begin_ = 0;  // file offset of the data area
  uint64_t data_size_ = 0;
  std::map<std::string, TensorInfo> tensors_;
  std::map<std::string, std::string> metadata_;
};

// Writes F32 tensors in safetensors format (used by `run --out` and tests). Keys sorted.
void write_safetensors(const std::filesystem::path& path, const std::map<std::string, Tensor>& tensors,
                       const std::map<std::string, std::string>& metadata = {});

}  // namespace as
