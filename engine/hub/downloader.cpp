#include "hub/downloader.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "hub/http_client.h"
#include "hub/hub_cache.h"
#include "hub/sha256.h"
#include "io/config.h"

namespace as::hub {

namespace fs = std::filesystem;

namespace {

// Transport failures (not HTTP errors) are retried from where the file stopped, this many times.
constexpr int kMaxAttempts = 5;
constexpr int kMaxRelativeRedirects = 5;
constexpr uint64_t kProgressStep = 256 * 1024;

const char* const kTokenizerFiles[] = {"tokenizer.json",        "vocab.txt",  "vocab.json", "merges.txt",
                                       "tokenizer_config.json", "special_tokens_map.json"};

struct FileMeta {
  std::string name;
  std::string commit;
  std::string etag;
  uint64_t size = 0;
  bool lfs = false;
};

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

// huggingface_hub's normalisation: weak ETags (W/"…") and quotes are dropped.
std::string normalize_etag(std::string etag) {
  if (etag.rfind("W/", 0) == 0) etag.erase(0, 2);
  if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"') etag = etag.substr(1, etag.size() - 2);
  return etag;
}

// An ETag or commit becomes a file or folder name in the cache: nothing that could leave it.
bool is_safe_component(const std::string& s) {
  if (s.empty() || s == "." || s == "..") return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

std::string percent_encode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

uint64_t parse_size(const std::string& text) {
  if (text.empty()) return 0;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  return end && *end == '\0' ? v : 0;
}

uint64_t file_size_or_zero(const fs::path& p) {
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  return ec ? 0 : size;
}

class Download {
 public:
  explicit Download(const DownloadOptions& options)
      : options_(options),
        endpoint_(resolve_endpoint(options.endpoint)),
        client_(options.token.empty() ? env("HF_TOKEN") : options.token),
        cache_(options.cache_root.empty() ? default_cache_root() : options.cache_root, options.repo_id),
        request_revision_(options.revision) {}

  DownloadResult run();

 private:
  std::string url(const std::string& file) const {
    return endpoint_ + "/" + options_.repo_id + "/resolve/" + percent_encode(request_revision_) + "/" + file;
  }
  std::string where() const { return options_.repo_id + "@" + options_.revision; }
  std::optional<FileMeta> head(const std::string& file, bool required);
  FileMeta meta_from(const std::string& file, const HttpResponse& response) const;
  void check_config() const;
  std::vector<std::string> shards_of(const FileMeta& index) const;
  void plan_weights();
  void plan_tokenizer();
  void fetch(const FileMeta& meta);
  void download_blob(const FileMeta& meta);
  void store_blob(const FileMeta& meta, Sha256& hasher, const std::string& last_error) const;
  void report(const std::string& file, uint64_t file_done, uint64_t file_total) const;

  const DownloadOptions& options_;
  std::string endpoint_;
  HttpClient client_;
  RepoCache cache_;
  std::string request_revision_;
  std::string commit_;
  std::vector<FileMeta> planned_;
  std::vector<DownloadedFile> files_;
  uint64_t done_ = 0;
  uint64_t total_ = 0;
};

std::optional<FileMeta> Download::head(const std::string& file, bool required) {
  std::string target = url(file);
  HttpResponse response;
  for (int hop = 0;; ++hop) {
    response = client_.head(target);
    const std::string location = response.header("location");
    // A relative redirect is the hub itself (a renamed repository); an absolute one is the CDN
    // holding an LFS file, whose headers we do not need.
    const bool relative = response.status / 100 == 3 && location.rfind("/", 0) == 0;
    if (!relative || hop == kMaxRelativeRedirects) break;
    target = endpoint_ + location;
  }
  const std::string error_code = response.header("x-error-code");
  if (response.status == 404 && !required && (error_code.empty() || error_code == "EntryNotFound")) return std::nullopt;
  if (response.status == 401 || response.status == 403 || error_code == "RepoNotFound")
    throw Error(where() + ": repository not found or it needs a login (HTTP " + std::to_string(response.status) +
                "); check the name, and for gated or private models set HF_TOKEN");
  if (error_code == "RevisionNotFound") throw Error(where() + ": revision '" + options_.revision + "' not found");
  if (response.status == 404) throw Error(where() + ": " + file + " not found (HTTP 404 from " + target + ")");
  if (response.status / 100 != 2 && response.status / 100 != 3)
    throw Error(where() + ": HTTP " + std::to_string(response.status) + " for " + file + " from " + target);
  return meta_from(file, response);
}

FileMeta Download::meta_from(const std::string& file, const HttpResponse& response) const {
  FileMeta meta;
  meta.name = file;
  meta.commit = response.header("x-repo-commit");
  const std::string linked = response.header("x-linked-etag");
  meta.lfs = !linked.empty();
  meta.etag = normalize_etag(meta.lfs ? linked : response.header("etag"));
  meta.size = parse_size(meta.lfs ? response.header("x-linked-size") : response.header("content-length"));
  if (!is_safe_component(meta.commit))
    throw Error(where() + ": " + file + ": the server sent no usable X-Repo-Commit header (is " + endpoint_ +
                " a Hugging Face hub?)");
  if (!is_safe_component(meta.etag))
    throw Error(where() + ": " + file + ": the server sent no usable ETag header ('" + meta.etag + "')");
  if (!commit_.empty() && meta.commit != commit_)
    throw Error(where() + ": " + file + " answered for commit " + meta.commit + ", expected " + commit_);
  return meta;
}

void Download::report(const std::string& file, uint64_t file_done, uint64_t file_total) const {
  if (!options_.progress) return;
  DownloadProgress p;
  p.file = file;
  p.file_done = file_done;
  p.file_total = file_total;
  p.done = total_ == 0 ? 0 : done_ + file_done;
  p.total = total_;
  options_.progress(p);
}

void Download::download_blob(const FileMeta& meta) {
  const fs::path part = cache_.incomplete_blob(meta.etag);
  fs::create_directories(part.parent_path());
  uint64_t offset = file_size_or_zero(part);
  if (offset > meta.size) {
    fs::remove(part);
    offset = 0;
  }
  auto hasher = std::make_unique<Sha256>();
  if (meta.lfs && offset > 0) hash_file_into(*hasher, part);
  std::string last_error;
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    if (offset == meta.size && meta.size > 0) break;  // every byte is there (an earlier run, or this one)
    std::FILE* out = std::fopen(part.c_str(), "ab");
    if (!out) throw Error(part.string() + ": cannot write");
    uint64_t written = offset;
    uint64_t reported = offset;
    GetRequest request;
    request.url = url(meta.name);
    request.offset = offset;
    request.cancel = options_.cancel;
    request.on_data = [&](long status, const char* data, size_t size) {
      if (status == 200 && offset > 0 && written == offset) {
        // The server ignored the Range: start the file again.
        out = std::freopen(part.c_str(), "wb", out);
        if (!out) return false;
        hasher = std::make_unique<Sha256>();
        written = 0;
        offset = 0;
      }
      if (std::fwrite(data, 1, size, out) != size) return false;
      if (meta.lfs) hasher->update(data, size);
      written += size;
      if (written - reported >= kProgressStep || written == meta.size) {
        reported = written;
        report(meta.name, written, meta.size);
      }
      return true;
    };
    const GetResult result = client_.get(request);
    if (out) std::fclose(out);
    if (result.cancelled) throw Cancelled();
    const long status = result.response.status;
    if (status == 416) {  // our offset no longer fits the file: start over
      fs::remove(part);
      offset = 0;
      hasher = std::make_unique<Sha256>();
      continue;
    }
    if (status != 0 && status != 200 && status != 206)
      throw Error(where() + ": HTTP " + std::to_string(status) + " while downloading " + meta.name +
                  (result.error_body.empty() ? "" : " (" + result.error_body.substr(0, 200) + ")"));
    offset = file_size_or_zero(part);
    if (result.complete) break;
    last_error = result.error;  // a dropped connection: the next attempt resumes at `offset`
  }
  store_blob(meta, *hasher, last_error);
}

// The .incomplete file becomes blobs/<etag> once it has every byte and, for LFS files, the
// SHA-256 the hub announced; a file with other bytes is removed so a rerun starts afresh.
void Download::store_blob(const FileMeta& meta, Sha256& hasher, const std::string& last_error) const {
  const fs::path part = cache_.incomplete_blob(meta.etag);
  const uint64_t got = file_size_or_zero(part);
  if (got != meta.size)
    throw Error(where() + ": downloading " + meta.name + " stopped at " + std::to_string(got) + " of " +
                std::to_string(meta.size) + " bytes" + (last_error.empty() ? "" : " (" + last_error + ")") +
                "; run the download again to resume");
  if (meta.lfs) {
    const std::string digest = hasher.hex_digest();
    if (digest != meta.etag) {
      fs::remove(part);
      throw Error(where() + ": SHA-256 mismatch for " + meta.name + ": the hub says " + meta.etag +
                  ", the downloaded file hashes to " + digest + "; the partial file was removed");
    }
  }
  fs::rename(part, cache_.blob(meta.etag));
}

void Download::fetch(const FileMeta& meta) {
  const fs::path blob = cache_.blob(meta.etag);
  bool cached = fs::exists(blob) && file_size_or_zero(blob) == meta.size;
  if (!cached) {
    BlobLock lock(cache_.lock_file(meta.etag), options_.cancel);
    // Another process may have finished this blob while we waited for the lock.
    cached = fs::exists(blob) && file_size_or_zero(blob) == meta.size;
    if (!cached) download_blob(meta);
  }
  cache_.link_snapshot_file(commit_, meta.name, meta.etag);
  files_.push_back({meta.name, meta.size, meta.etag, meta.lfs, !cached});
  report(meta.name, meta.size, meta.size);
  if (total_ != 0) done_ += meta.size;
}

// Before any weights: a model type the engine cannot run is not worth gigabytes.
void Download::check_config() const {
  try {
    load_config(cache_.snapshot(commit_) / "config.json");
  } catch (const Error& e) {
    throw Error(where() + " cannot be opened by AttentionScope (" + e.what() +
                "); only config.json was downloaded");
  }
}

std::vector<std::string> Download::shards_of(const FileMeta& index) const {
  const fs::path file = cache_.snapshot(commit_) / index.name;
  std::ifstream in(file, std::ios::binary);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw Error(where() + ": " + index.name + " is not valid JSON (" + e.what() + ")");
  }
  if (!j.contains("weight_map") || !j["weight_map"].is_object())
    throw Error(where() + ": " + index.name + " has no \"weight_map\" object");
  std::set<std::string> shards;
  for (const auto& [tensor, shard] : j["weight_map"].items()) {
    if (!shard.is_string() || !is_safe_component(shard.get<std::string>()))
      throw Error(where() + ": " + index.name + ": tensor " + tensor + " names an unusable shard " + shard.dump());
    shards.insert(shard.get<std::string>());
  }
  if (shards.empty()) throw Error(where() + ": " + index.name + " lists no shards");
  return {shards.begin(), shards.end()};
}

void Download::plan_weights() {
  if (auto single = head("model.safetensors", false)) {
    planned_.push_back(*single);
    return;
  }
  if (auto index = head("model.safetensors.index.json", false)) {
    fetch(*index);
    for (const std::string& shard : shards_of(*index)) planned_.push_back(*head(shard, true));
    return;
  }
  if (auto bin = head("pytorch_model.bin", false)) {
    planned_.push_back(*bin);
    return;
  }
  throw Error(where() + " has no weights AttentionScope reads (model.safetensors, model.safetensors.index.json or "
              "pytorch_model.bin)");
}

void Download::plan_tokenizer() {
  std::set<std::string> present;
  for (const char* name : kTokenizerFiles) {
    if (auto meta = head(name, false)) {
      planned_.push_back(*meta);
      present.insert(name);
    }
  }
  const bool readable = present.count("vocab.txt") || present.count("tokenizer.json") ||
                        (present.count("vocab.json") && present.count("merges.txt"));
  if (!readable)
    throw Error(where() + " has no tokenizer AttentionScope reads (vocab.txt, vocab.json + merges.txt or tokenizer.json)");
}

DownloadResult Download::run() {
  validate_repo_id(options_.repo_id);
  validate_revision(options_.revision);
  const FileMeta config = *head("config.json", true);
  // Every later request names the commit, so all files come from one snapshot even if the
  // branch moves meanwhile.
  commit_ = config.commit;
  request_revision_ = commit_;
  fetch(config);
  check_config();
  plan_weights();
  plan_tokenizer();
  for (const DownloadedFile& f : files_) total_ += f.size;
  done_ = total_;
  for (const FileMeta& m : planned_) total_ += m.size;
  for (const FileMeta& m : planned_) fetch(m);
  if (options_.revision != commit_) cache_.write_ref(options_.revision, commit_);
  return {options_.repo_id, options_.revision, commit_, cache_.snapshot(commit_), files_};
}

}  // namespace

std::string resolve_endpoint(const std::string& given) {
  std::string endpoint = !given.empty() ? given : !env("HF_ENDPOINT").empty() ? env("HF_ENDPOINT") : kDefaultEndpoint;
  while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
  if (endpoint.rfind("http://", 0) != 0 && endpoint.rfind("https://", 0) != 0)
    throw Error("endpoint '" + endpoint + "': expected an http:// or https:// URL");
  return endpoint;
}

DownloadResult download_model(const DownloadOptions& options) { return Download(options).run(); }

}  // namespace as::hub
