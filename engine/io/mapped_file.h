#pragma once
// A read-only memory map of a whole file (RAII). Weights stay in the page cache and are shared
// with other processes instead of being copied into the heap.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>

namespace as {

class MappedFile {
 public:
  static std::shared_ptr<const MappedFile> open(const std::filesystem::path& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const uint8_t* data() const { return data_; }
  uint64_t size() const { return size_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  MappedFile() = default;
  std::filesystem::path path_;
  const uint8_t* data_ = nullptr;
  uint64_t size_ = 0;
};

}  // namespace as
