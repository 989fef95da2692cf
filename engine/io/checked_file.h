#pragma once
// A checkpoint file read with pread(2) through a descriptor held open, never memory-mapped.
// A mapped file that is truncated or rewritten while in use kills the process with SIGBUS at the
// next access, possibly deep inside a GEMM; a read returns short instead, and the size and mtime
// recorded at open are compared before every read, so a file changed under us is reported as an
// error. A file replaced by rename or deleted keeps its old contents readable through the open
// descriptor, so those cases simply go on reading what was opened.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace as {

class CheckedFile {
 public:
  // Opens a regular file; throws as::Error naming it when that fails.
  static std::shared_ptr<const CheckedFile> open(const std::filesystem::path& path);
  // Bytes already in memory (a fuzzer's input, a test's) presented like a file named `name`.
  static std::shared_ptr<const CheckedFile> hold(std::filesystem::path name, std::string bytes);
  ~CheckedFile();
  CheckedFile(const CheckedFile&) = delete;
  CheckedFile& operator=(const CheckedFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  uint64_t size() const { return size_; }  // as it was at open

  // Reads exactly `n` bytes at `offset` into `dst`; throws as::Error when the file has changed
  // since it was opened or the read comes back short.
  void read(uint64_t offset, uint64_t n, void* dst) const;
  // The whole file in one heap buffer (formats parsed in place, e.g. pytorch_model.bin).
  std::shared_ptr<const uint8_t[]> read_all() const;

 private:
  CheckedFile() = default;
  void check_unchanged() const;
  [[noreturn]] void fail_changed(const std::string& what) const;

  std::filesystem::path path_;
  int fd_ = -1;
  uint64_t size_ = 0;
  int64_t mtime_ns_ = 0;
  std::string held_;  // the contents when made by hold() (fd_ is then -1)
};

}  // namespace as
