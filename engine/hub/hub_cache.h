#pragma once
// The Hugging Face hub cache on disk, laid out as huggingface_hub lays it out so that Python
// tools and this program share downloads:
//   <root>/models--<org>--<name>/blobs/<etag>                 file contents (<etag>.incomplete while downloading)
//   <root>/models--<org>--<name>/snapshots/<commit>/<file>    relative symlink to ../../blobs/<etag>
//   <root>/models--<org>--<name>/refs/<revision>              the commit hash the revision pointed at
#include <atomic>
#include <filesystem>
#include <optional>
#include <string>

namespace as::hub {

// $HF_HUB_CACHE, else $HF_HOME/hub, else $XDG_CACHE_HOME/huggingface/hub, else ~/.cache/huggingface/hub.
std::filesystem::path default_cache_root();

// "org/name" or "name": letters, digits, '-', '_', '.'; no "--" or ".." (the hub's own rules,
// which also keep the folder name reversible). Throws as::Error saying what is wrong.
void validate_repo_id(const std::string& repo_id);
// A branch, tag or commit; may contain '/' (e.g. "refs/pr/1") but no ".." or empty parts.
void validate_revision(const std::string& revision);

std::string repo_folder_name(const std::string& repo_id);  // "org/name" -> "models--org--name"
// "models--org--name" -> "org/name"; nullopt for folders that are not model repositories.
std::optional<std::string> repo_id_from_folder(const std::string& folder_name);

class RepoCache {
 public:
  RepoCache(const std::filesystem::path& cache_root, const std::string& repo_id);

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path blob(const std::string& etag) const;
  std::filesystem::path incomplete_blob(const std::string& etag) const;
  std::filesystem::path snapshot(const std::string& commit) const;
  // <root>/.locks/models--org--name/<etag>.lock, the file huggingface_hub locks while it writes that blob.
  std::filesystem::path lock_file(const std::string& etag) const;

  // snapshots/<commit>/<file> -> ../../blobs/<etag> (replacing an older link of that name).
  void link_snapshot_file(const std::string& commit, const std::string& file, const std::string& etag) const;
  void write_ref(const std::string& revision, const std::string& commit) const;

 private:
  std::filesystem::path dir_;
  std::filesystem::path locks_;
};

// An exclusive flock() on a blob's lock file, as Python's filelock takes it, so that this program
// and huggingface_hub never write the same blob at once. Waits while another process holds it,
// checking `cancel` (throws as::Cancelled when set).
class BlobLock {
 public:
  BlobLock(const std::filesystem::path& lock_file, const std::atomic<bool>* cancel);
  ~BlobLock();
  BlobLock(const BlobLock&) = delete;
  BlobLock& operator=(const BlobLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace as::hub
