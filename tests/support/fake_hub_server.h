#pragma once
// A local imitation of the Hugging Face hub's resolve endpoint for the downloader tests; it
// listens on 127.0.0.1 only, on a port the kernel picks, and stops by itself (destructor, or
// after a minute and a half at most).
//   GET/HEAD /<repo>/resolve/<revision>/<file>
//     small files: 200, ETag, X-Repo-Commit, Content-Length
//     LFS files:   302 to /cdn/<sha256>, with X-Linked-Etag (the SHA-256), X-Linked-Size, X-Repo-Commit
//     absent:      404 + X-Error-Code: EntryNotFound; unknown repo 401 RepoNotFound; unknown revision 404
//   GET /cdn/<sha256>  the bytes, honouring "Range: bytes=N-" (206); can drop the connection once
#include <atomic>
#include <cstddef>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace as::test {

struct ServedFile {
  std::string content;
  bool lfs = false;
  std::string etag_override;  // non-empty: announced instead of the real SHA-256 (a corrupt upload)
  // Once: the first CDN GET without a Range sends this many bytes, then closes the connection.
  size_t drop_after = 0;
  // A slow link: the CDN sends 64 KiB pieces this many milliseconds apart.
  int piece_delay_ms = 0;
};

struct ServedRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers;  // names lower-case
  int status = 0;
};

class FakeHubServer {
 public:
  FakeHubServer();
  ~FakeHubServer();
  FakeHubServer(const FakeHubServer&) = delete;
  FakeHubServer& operator=(const FakeHubServer&) = delete;

  std::string endpoint() const;  // "http://127.0.0.1:<port>"
  // `refs`: revision names (besides the commit itself) that resolve to `commit`.
  void add_repo(const std::string& repo_id, const std::string& commit, const std::vector<std::string>& refs);
  void add_file(const std::string& repo_id, const std::string& name, ServedFile file);
  // Every file of a checkpoint folder; *.safetensors and *.bin as LFS files.
  void add_folder(const std::string& repo_id, const std::filesystem::path& folder);
  ServedFile& file(const std::string& repo_id, const std::string& name);
  // A renamed repository: requests for `old_id` get the hub's relative 307 redirect to `new_id`.
  void add_rename(const std::string& old_id, const std::string& new_id);
  // A gated or private repository: resolve requests without "Authorization: Bearer <token>" get 401.
  void require_token(const std::string& repo_id, const std::string& token);

  std::vector<ServedRequest> requests() const;
  // The SHA-256 an LFS file is announced with.
  std::string etag_of(const std::string& repo_id, const std::string& name);

 private:
  struct Repo {
    std::string commit;
    std::vector<std::string> refs;
    std::map<std::string, ServedFile> files;
    std::string token;  // non-empty: needed as a bearer token
  };
  void serve();
  void handle(int client);
  void answer(int client, ServedRequest& request);
  void answer_resolve(int client, ServedRequest& request);
  void answer_cdn(int client, ServedRequest& request);
  std::string announced_etag(const ServedFile& f, const std::string& sha) const;

  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::map<std::string, Repo> repos_;
  std::map<std::string, std::string> sha_;  // "<repo>\n<file>" -> SHA-256 of its content
  std::map<std::string, std::string> renamed_;  // old repository id -> new
  std::vector<ServedRequest> log_;
  std::thread thread_;
};

}  // namespace as::test
