#include "io/checked_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"

namespace as {

namespace {

int64_t mtime_ns(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + static_cast<int64_t>(st.st_mtim.tv_nsec);
}

}  // namespace

std::shared_ptr<const CheckedFile> CheckedFile::open(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(path.string() + ": cannot open: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw Error(path.string() + ": not a regular file");
  }
  std::shared_ptr<CheckedFile> file(new CheckedFile());
  file->path_ = path;
  file->fd_ = fd;
  file->size_ = static_cast<uint64_t>(st.st_size);
  file->mtime_ns_ = mtime_ns(st);
  return file;
}

std::shared_ptr<const CheckedFile> CheckedFile::hold(std::filesystem::path name, std::string bytes) {
  std::shared_ptr<CheckedFile> file(new CheckedFile());
  file->path_ = std::move(name);
  file->size_ = bytes.size();
  file->held_ = std::move(bytes);
  return file;
}

CheckedFile::~CheckedFile() {
  if (fd_ >= 0) ::close(fd_);
}

void CheckedFile::fail_changed(const std::string& what) const {
  throw Error(path_.filename().string() + ": the file changed on disk while the model was using it (" + what +
              "); load the model again");
}

void CheckedFile::check_unchanged() const {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) fail_changed(std::string("cannot stat: ") + std::strerror(errno));
  if (static_cast<uint64_t>(st.st_size) != size_)
    fail_changed("size was " + std::to_string(size_) + " bytes, now " + std::to_string(st.st_size));
  if (mtime_ns(st) != mtime_ns_) fail_changed("it was modified after it was opened");
}

void CheckedFile::read(uint64_t offset, uint64_t n, void* dst) const {
  if (fd_ < 0) {  // held in memory
    if (offset > size_ || n > size_ - offset)
      throw Error(path_.filename().string() + ": reading " + std::to_string(n) + " bytes at offset " +
                  std::to_string(offset) + " runs past its " + std::to_string(size_) + " bytes");
    if (n > 0) std::memcpy(dst, held_.data() + offset, n);
    return;
  }
  check_unchanged();
  auto* out = static_cast<uint8_t*>(dst);
  uint64_t done = 0;
  while (done < n) {
    const ssize_t got = ::pread(fd_, out + done, n - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw Error(path_.string() + ": read failed: " + std::strerror(errno));
    if (got == 0)
      fail_changed("reading " + std::to_string(n) + " bytes at offset " + std::to_string(offset) + " hit the end of the file");
    done += static_cast<uint64_t>(got);
  }
}

std::shared_ptr<const uint8_t[]> CheckedFile::read_all() const {
  std::shared_ptr<uint8_t[]> bytes(new uint8_t[size_ > 0 ? size_ : 1]);
  read(0, size_, bytes.get());
  return bytes;
}

}  // namespace as
