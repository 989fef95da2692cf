#include "support/fake_hub_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <stdexcept>

#include "hub/sha256.h"
#include "support/test_support.h"

namespace as::test {

namespace {

constexpr auto kMaxLifetime = std::chrono::seconds(90);

std::string sha256_of(const std::string& bytes) {
  hub::Sha256 h;
  h.update(bytes.data(), bytes.size());
  return h.hex_digest();
}

void send_all(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
    if (n <= 0) return;  // the client went away
    data += n;
    size -= static_cast<size_t>(n);
  }
}

void send_head(int fd, int status, const std::string& reason, const std::vector<std::string>& headers) {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n";
  for (const std::string& h : headers) out += h + "\r\n";
  out += "Connection: close\r\n\r\n";
  send_all(fd, out.data(), out.size());
}

bool read_request(int fd, ServedRequest& request) {
  std::string text;
  char buf[4096];
  while (text.find("\r\n\r\n") == std::string::npos) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0 || text.size() > 65536) return false;
    text.append(buf, static_cast<size_t>(n));
  }
  std::istringstream in(text.substr(0, text.find("\r\n\r\n")));
  std::string line;
  std::getline(in, line);
  std::istringstream first(line);
  first >> request.method >> request.path;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t start = colon + 1;
    while (start < line.size() && line[start] == ' ') ++start;
    request.headers[name] = line.substr(start);
  }
  return true;
}

}  // namespace

FakeHubServer::FakeHubServer() {
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listener_ < 0) throw std::runtime_error("fake hub: socket() failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listener_, 16) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
    throw std::runtime_error("fake hub: cannot listen on 127.0.0.1");
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { serve(); });
}

FakeHubServer::~FakeHubServer() {
  stop_ = true;
  thread_.join();
  ::close(listener_);
}

std::string FakeHubServer::endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }

void FakeHubServer::add_repo(const std::string& repo_id, const std::string& commit, const std::vector<std::string>& refs) {
  std::lock_guard lock(mutex_);
  repos_[repo_id].commit = commit;
  repos_[repo_id].refs = refs;
}

void FakeHubServer::add_file(const std::string& repo_id, const std::string& name, ServedFile file) {
  const std::string sha = sha256_of(file.content);
  std::lock_guard lock(mutex_);
  sha_[repo_id + "\n" + name] = sha;
  repos_.at(repo_id).files[name] = std::move(file);
}

void FakeHubServer::add_folder(const std::string& repo_id, const std::filesystem::path& folder) {
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string ext = entry.path().extension().string();
    ServedFile f;
    f.content = read_file(entry.path());
    f.lfs = ext == ".safetensors" || ext == ".bin";
    add_file(repo_id, entry.path().filename().string(), std::move(f));
  }
}

ServedFile& FakeHubServer::file(const std::string& repo_id, const std::string& name) {
  std::lock_guard lock(mutex_);
  return repos_.at(repo_id).files.at(name);
}

std::vector<ServedRequest> FakeHubServer::requests() const {
  std::lock_guard lock(mutex_);
  return log_;
}

std::string FakeHubServer::etag_of(const std::string& repo_id, const std::string& name) {
  std::lock_guard lock(mutex_);
  return announced_etag(repos_.at(repo_id).files.at(name), sha_.at(repo_id + "\n" + name));
}

void FakeHubServer::add_rename(const std::string& old_id, const std::string& new_id) {
  std::lock_guard lock(mutex_);
  renamed_[old_id] = new_id;
}

void FakeHubServer::require_token(const std::string& repo_id, const std::string& token) {
  std::lock_guard lock(mutex_);
  repos_.at(repo_id).token = token;
}

std::string FakeHubServer::announced_etag(const ServedFile& f, const std::string& sha) const {
  if (!f.etag_override.empty()) return f.etag_override;
  // Small files: the hub sends the git blob id; any stable id of the content serves here.
  return f.lfs ? sha : sha.substr(0, 40);
}

void FakeHubServer::serve() {
  const auto deadline = std::chrono::steady_clock::now() + kMaxLifetime;
  while (!stop_ && std::chrono::steady_clock::now() < deadline) {
    pollfd p{listener_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int client = ::accept(listener_, nullptr, nullptr);
    if (client < 0) continue;
    timeval timeout{5, 0};
    ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);  // a client that stops reading
    handle(client);
    ::close(client);
  }
}

void FakeHubServer::handle(int client) {
  ServedRequest request;
  if (!read_request(client, request)) return;
  answer(client, request);
  std::lock_guard lock(mutex_);
  log_.push_back(std::move(request));
}

void FakeHubServer::answer(int client, ServedRequest& request) {
  if (request.path.rfind("/cdn/", 0) == 0) return answer_cdn(client, request);
  if (request.path.find("/resolve/") != std::string::npos) return answer_resolve(client, request);
  request.status = 404;
  send_head(client, 404, "Not Found", {"Content-Length: 0"});
}

void FakeHubServer::answer_resolve(int client, ServedRequest& request) {
  const size_t at = request.path.find("/resolve/");
  const std::string repo_id = request.path.substr(1, at - 1);
  const std::string rest = request.path.substr(at + 9);
  const size_t slash = rest.find('/');
  const std::string revision = rest.substr(0, slash);
  const std::string name = slash == std::string::npos ? "" : rest.substr(slash + 1);
  std::unique_lock lock(mutex_);
  if (const auto renamed = renamed_.find(repo_id); renamed != renamed_.end()) {
    // What the hub answers for a renamed repository: a redirect relative to itself.
    request.status = 307;
    return send_head(client, 307, "Temporary Redirect",
                     {"Location: /" + renamed->second + "/resolve/" + rest, "Content-Length: 0"});
  }
  auto repo = repos_.find(repo_id);
  const auto authorization = request.headers.find("authorization");
  if (repo != repos_.end() && !repo->second.token.empty() &&
      (authorization == request.headers.end() || authorization->second != "Bearer " + repo->second.token)) {
    request.status = 401;
    return send_head(client, 401, "Unauthorized", {"X-Error-Code: GatedRepo", "Content-Length: 0"});
  }
  if (repo == repos_.end()) {
    request.status = 401;
    return send_head(client, 401, "Unauthorized", {"X-Error-Code: RepoNotFound", "Content-Length: 0"});
  }
  const auto& refs = repo->second.refs;
  if (revision != repo->second.commit && std::find(refs.begin(), refs.end(), revision) == refs.end()) {
    request.status = 404;
    return send_head(client, 404, "Not Found", {"X-Error-Code: RevisionNotFound", "Content-Length: 0"});
  }
  const std::string commit_header = "X-Repo-Commit: " + repo->second.commit;
  auto file = repo->second.files.find(name);
  if (file == repo->second.files.end()) {
    request.status = 404;
    return send_head(client, 404, "Not Found", {commit_header, "X-Error-Code: EntryNotFound", "Content-Length: 0"});
  }
  const ServedFile f = file->second;
  const std::string sha = sha_.at(repo_id + "\n" + name);
  lock.unlock();
  const std::string etag = announced_etag(f, sha);
  if (f.lfs) {
    request.status = 302;
    return send_head(client, 302, "Found",
                     {commit_header, "X-Linked-Etag: \"" + etag + "\"", "X-Linked-Size: " + std::to_string(f.content.size()),
                      "ETag: \"" + etag + "\"", "Location: " + endpoint() + "/cdn/" + sha,
                      "Content-Length: 0"});
  }
  request.status = 200;
  send_head(client, 200, "OK", {commit_header, "ETag: \"" + etag + "\"", "Content-Length: " + std::to_string(f.content.size())});
  if (request.method == "GET") send_all(client, f.content.data(), f.content.size());
}

void FakeHubServer::answer_cdn(int client, ServedRequest& request) {
  const std::string sha = request.path.substr(5);
  ServedFile* found = nullptr;
  std::unique_lock lock(mutex_);
  for (auto& [id, repo] : repos_)
    for (auto& [name, f] : repo.files)
      if (f.lfs && sha_.at(id + "\n" + name) == sha) found = &f;
  if (!found) {
    request.status = 404;
    return send_head(client, 404, "Not Found", {"Content-Length: 0"});
  }
  const std::string content = found->content;
  const int piece_delay_ms = found->piece_delay_ms;
  size_t drop_after = 0;
  const auto range = request.headers.find("range");
  if (range == request.headers.end() && found->drop_after > 0) {
    drop_after = found->drop_after;
    found->drop_after = 0;  // once
  }
  lock.unlock();
  size_t start = 0;
  if (range != request.headers.end()) start = std::stoull(range->second.substr(range->second.find('=') + 1));
  if (start > content.size()) {
    request.status = 416;
    return send_head(client, 416, "Range Not Satisfiable", {"Content-Length: 0"});
  }
  const size_t length = content.size() - start;
  if (range != request.headers.end()) {
    request.status = 206;
    send_head(client, 206, "Partial Content",
              {"Content-Length: " + std::to_string(length),
               "Content-Range: bytes " + std::to_string(start) + "-" + std::to_string(content.size() - 1) + "/" +
                   std::to_string(content.size())});
  } else {
    request.status = 200;
    send_head(client, 200, "OK", {"Content-Length: " + std::to_string(length)});
  }
  if (request.method != "GET") return;
  const size_t to_send = drop_after > 0 ? drop_after : length;
  constexpr size_t kPiece = 64 * 1024;
  for (size_t sent = 0; sent < to_send && !stop_; sent += kPiece) {
    send_all(client, content.data() + start + sent, std::min(kPiece, to_send - sent));
    if (piece_delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(piece_delay_ms));
  }
}

}  // namespace as::test
