#pragma once
// A read-only memory map of a whole file (RAII). Weights stay in the page cache and are shared
// with other processes instead of being copied into the heap. Bytes already in memory (a fuzzer's
// input, a download) can stand in for a file through hold().
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace as {

class MappedFile {
 public:
  static std::shared_ptr<const MappedFile> open(const std::filesystem::path& path);
  // Owns `bytes` and presents them like a mapped file named `name` (used in error messages).
  static std::shared_ptr<const MappedFile> hold(std::filesystem::path name, std::string bytes);
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
  bool mapped_ = false;  // false: data_ points into held_ (or is null for an empty file)
  std::string held_;
};

}  // namespace as
