#pragma once
// A safe reader for PyTorch's pytorch_model.bin (torch.save's zip format, torch >= 1.6): the zip is
// walked by io/torch_zip, data.pkl is interpreted by the restricted unpickler in io/torch_pickle
// (nothing is ever executed), and every storage and tensor view is checked against its zip record
// before any element is read. Everything is validated when the checkpoint is opened, so a bad file
// fails there with one message and never yields a partial model.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/tensor.h"
#include "io/safetensors.h"  // DType, dtype_name, dtype_size
#include "io/torch_pickle.h"
#include "io/torch_zip.h"

namespace as {

class TensorSource;

// One entry of the state dict as torch describes it: a strided view into a storage.
struct TorchTensorInfo {
  std::string name;
  DType dtype = DType::F32;
  Shape shape;
  std::vector<int64_t> stride;  // in elements
  int64_t storage_offset = 0;   // in elements
  std::string storage_key;
};

struct TorchStorageInfo {
  std::string key;
  DType dtype = DType::F32;
  uint64_t numel = 0;
  std::string record;    // the zip member holding its bytes, e.g. "pytorch_model/data/3"
  std::string location;  // 'cpu', 'cuda:0', ...: informational, everything is read to host memory
};

class TorchCheckpoint {
 public:
  // Maps and validates the file; errors start with its file name.
  static std::shared_ptr<const TorchCheckpoint> open(const std::filesystem::path& path);
  // The same for bytes in memory (tests and fuzzing); `keep_alive` owns `bytes`.
  static std::shared_ptr<const TorchCheckpoint> from_bytes(std::span<const uint8_t> bytes,
                                                           std::shared_ptr<const void> keep_alive, std::string label);
  ~TorchCheckpoint();
  TorchCheckpoint(const TorchCheckpoint&) = delete;
  TorchCheckpoint& operator=(const TorchCheckpoint&) = delete;

  const std::string& label() const { return label_; }
  const std::string& prefix() const { return prefix_; }  // the archive's top folder, e.g. "pytorch_model"
  const std::vector<TorchTensorInfo>& tensors() const { return tensors_; }  // every entry, in file order
  const std::vector<TorchStorageInfo>& storages() const { return storages_; }
  bool contains(const std::string& name) const { return index_.count(name) != 0; }
  const TorchTensorInfo& info(const std::string& name) const;
  const TorchStorageInfo& storage(const std::string& key) const;
  // The storage's raw little-endian bytes (CRC-checked on first use).
  std::span<const uint8_t> storage_bytes(const std::string& key) const;

  // Values in logical row-major order, whatever the strides: float32 for any dtype (a zero-copy
  // view for contiguous F32), exact doubles for float dtypes (and integers below 2^53), exact
  // integers for integer and bool tensors.
  Tensor read_f32(const std::string& name) const;
  std::vector<double> read_f64(const std::string& name) const;
  std::vector<int64_t> read_i64(const std::string& name) const;

  // "F32", "F16", "BF16" (or "F64"): the float dtype holding most bytes of the weights; "none".
  std::string dominant_dtype() const;

 private:
  TorchCheckpoint() = default;
  void load(std::span<const uint8_t> bytes);
  void find_prefix();
  void check_byte_order() const;
  void resolve_storages(const std::vector<PickledStorage>& storages,
                        const std::vector<PickledTensor>& tensors);
  void add_tensors(const std::vector<PickledTensor>& tensors);
  void check_view(const TorchTensorInfo& t) const;
  size_t storage_index(const std::string& key) const;
  [[noreturn]] void fail(const std::string& what) const;

  std::string label_;
  std::shared_ptr<const void> keep_alive_;
  std::unique_ptr<ZipArchive> zip_;
  std::string prefix_;
  std::vector<TorchTensorInfo> tensors_;
  std::vector<TorchStorageInfo> storages_;
  std::vector<const ZipMember*> records_;  // per storage
  std::map<std::string, size_t> index_;
  std::map<std::string, size_t> storage_index_;
  mutable std::unique_ptr<std::atomic<bool>[]> crc_checked_;  // per storage; a race only checks twice
};

// `*.position_ids`: a buffer older transformers saved (an arange); it is not a weight and modern
// HF does not persist it, so the TensorSource hides it.
bool is_dropped_torch_buffer(const std::string& name);

// A TensorSource over a pytorch_model.bin: get() checks the shape config.json implies and returns
// float32; dtype() is the dominant float dtype; label() the file name.
std::unique_ptr<TensorSource> open_torch_checkpoint(const std::filesystem::path& bin_file);

}  // namespace as
