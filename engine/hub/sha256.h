#pragma once
// Streaming SHA-256 (OpenSSL libcrypto): the hub's ETag of an LFS file is the SHA-256 of its
// content, so every downloaded weight file is checked against it.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

namespace as::hub {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(const void* data, size_t size);
  // Lower-case hex of the digest; the hasher cannot be updated afterwards.
  std::string hex_digest();

 private:
  struct Context;
  std::unique_ptr<Context> ctx_;
};

// Feeds the whole file at `path` into `hasher` (used to resume a hash over a partial download).
void hash_file_into(Sha256& hasher, const std::filesystem::path& path);

}  // namespace as::hub
