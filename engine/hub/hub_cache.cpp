#include "hub/hub_cache.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "core/error.h"

namespace as::hub {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

void validate_name_part(const std::string& part, const std::string& repo_id) {
  if (part.empty()) throw Error("model id '" + repo_id + "': empty name (expected org/name or name)");
  for (char c : part)
    if (!is_name_char(c))
      throw Error("model id '" + repo_id + "': character '" + std::string(1, c) +
                  "' is not allowed (letters, digits, '-', '_', '.')");
  if (part.find("--") != std::string::npos || part.find("..") != std::string::npos)
    throw Error("model id '" + repo_id + "': '--' and '..' are not allowed");
  if (part.front() == '-' || part.front() == '.' || part.back() == '-' || part.back() == '.')
    throw Error("model id '" + repo_id + "': a name cannot start or end with '-' or '.'");
}

}  // namespace

fs::path default_cache_root() {
  if (!env("HF_HUB_CACHE").empty()) return env("HF_HUB_CACHE");
  if (!env("HUGGINGFACE_HUB_CACHE").empty()) return env("HUGGINGFACE_HUB_CACHE");  // older name, still honoured
  if (!env("HF_HOME").empty()) return fs::path(env("HF_HOME")) / "hub";
  if (!env("XDG_CACHE_HOME").empty()) return fs::path(env("XDG_CACHE_HOME")) / "huggingface" / "hub";
  if (env("HOME").empty()) throw Error("cannot find the Hugging Face cache: set HF_HUB_CACHE or HOME");
  return fs::path(env("HOME")) / ".cache" / "huggingface" / "hub";
}

void validate_repo_id(const std::string& repo_id) {
  const size_t slash = repo_id.find('/');
  if (slash == std::string::npos) {
    validate_name_part(repo_id, repo_id);
    return;
  }
  if (repo_id.find('/', slash + 1) != std::string::npos)
    throw Error("model id '" + repo_id + "': expected org/name with one '/'");
  validate_name_part(repo_id.substr(0, slash), repo_id);
  validate_name_part(repo_id.substr(slash + 1), repo_id);
}

void validate_revision(const std::string& revision) {
  if (revision.empty()) throw Error("revision: empty (expected a branch, tag or commit, e.g. main)");
  size_t start = 0;
  while (start <= revision.size()) {
    size_t slash = revision.find('/', start);
    if (slash == std::string::npos) slash = revision.size();
    const std::string part = revision.substr(start, slash - start);
    if (part.empty() || part == "." || part == "..") throw Error("revision '" + revision + "': not a valid branch, tag or commit");
    for (char c : part)
      if (!is_name_char(c)) throw Error("revision '" + revision + "': character '" + std::string(1, c) + "' is not allowed");
    start = slash + 1;
  }
}

std::string repo_folder_name(const std::string& repo_id) {
  std::string out = "models--";
  for (char c : repo_id) {
    if (c == '/') out += "--";
    else out.push_back(c);
  }
  return out;
}

std::optional<std::string> repo_id_from_folder(const std::string& folder_name) {
  const std::string prefix = "models--";
  if (folder_name.rfind(prefix, 0) != 0 || folder_name.size() == prefix.size()) return std::nullopt;
  std::string rest = folder_name.substr(prefix.size());
  const size_t sep = rest.find("--");
  if (sep != std::string::npos) rest.replace(sep, 2, "/");
  return rest;
}

RepoCache::RepoCache(const fs::path& cache_root, const std::string& repo_id)
    : dir_(cache_root / repo_folder_name(repo_id)), locks_(cache_root / ".locks" / repo_folder_name(repo_id)) {}

fs::path RepoCache::lock_file(const std::string& etag) const { return locks_ / (etag + ".lock"); }

fs::path RepoCache::blob(const std::string& etag) const { return dir_ / "blobs" / etag; }

fs::path RepoCache::incomplete_blob(const std::string& etag) const { return dir_ / "blobs" / (etag + ".incomplete"); }

fs::path RepoCache::snapshot(const std::string& commit) const { return dir_ / "snapshots" / commit; }

void RepoCache::link_snapshot_file(const std::string& commit, const std::string& file, const std::string& etag) const {
  const fs::path link = snapshot(commit) / file;
  fs::create_directories(link.parent_path());
  // Relative, so the cache can be moved or mounted elsewhere; one "../" per folder below snapshots/.
  const fs::path relative_file(file);
  fs::path target = fs::path("..") / "..";
  for (auto it = relative_file.begin(); std::next(it) != relative_file.end(); ++it) target /= "..";
  target = target / "blobs" / etag;
  std::error_code ignored;
  fs::remove(link, ignored);
  fs::create_symlink(target, link);
}

void RepoCache::write_ref(const std::string& revision, const std::string& commit) const {
  const fs::path ref = dir_ / "refs" / revision;
  fs::create_directories(ref.parent_path());
  std::ofstream out(ref, std::ios::binary | std::ios::trunc);
  out << commit;  // no newline, as huggingface_hub writes it
  if (!out) throw Error(ref.string() + ": cannot write");
}

}  // namespace as::hub

namespace as::hub {

BlobLock::BlobLock(const fs::path& lock_file, const std::atomic<bool>* cancel) {
  fs::create_directories(lock_file.parent_path());
  fd_ = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw Error(lock_file.string() + ": cannot open the lock file");
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (cancel && cancel->load()) {
      ::close(fd_);
      throw Cancelled();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // another download of this blob is running
  }
}

BlobLock::~BlobLock() {
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

}  // namespace as::hub
