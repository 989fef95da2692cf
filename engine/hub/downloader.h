#pragma once
// Downloads the files the engine needs from a Hugging Face model repository into the shared hub
// cache (see hub_cache.h): config.json, the weights (model.safetensors, else the sharded index
// and its shards, else pytorch_model.bin) and the tokenizer files the repository has. Large (LFS)
// files are checked against the SHA-256 the hub sends as their ETag; an interrupted download
// resumes from its .incomplete file with a Range request.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace as::hub {

constexpr const char* kDefaultEndpoint = "https://huggingface.co";

struct DownloadProgress {
  std::string file;
  uint64_t file_done = 0;
  uint64_t file_total = 0;
  uint64_t done = 0;   // every file of the snapshot, cached ones included
  uint64_t total = 0;  // 0 while the file list is still being worked out
};

struct DownloadOptions {
  std::string repo_id;                // "org/name" or "name"
  std::string revision = "main";      // branch, tag or commit
  std::string endpoint;               // empty: $HF_ENDPOINT, else kDefaultEndpoint
  std::filesystem::path cache_root;   // empty: default_cache_root()
  std::string token;                  // empty: $HF_TOKEN (for gated or private repositories)
  std::function<void(const DownloadProgress&)> progress;  // called on the calling thread
  const std::atomic<bool>* cancel = nullptr;               // set: throws as::Cancelled, keeps .incomplete
};

struct DownloadedFile {
  std::string name;
  uint64_t size = 0;
  std::string etag;
  bool lfs = false;         // large file: verified against its SHA-256
  bool downloaded = false;  // false: the blob was already in the cache
};

struct DownloadResult {
  std::string repo_id;
  std::string revision;
  std::string commit;
  std::filesystem::path snapshot;  // the folder to load the model from
  std::vector<DownloadedFile> files;
};

// Throws as::Error with the reason (not found, unsupported model type, hash mismatch, network)
// or as::Cancelled.
DownloadResult download_model(const DownloadOptions& options);

// $HF_ENDPOINT if set, else kDefaultEndpoint; without a trailing '/'.
std::string resolve_endpoint(const std::string& given);

}  // namespace as::hub
