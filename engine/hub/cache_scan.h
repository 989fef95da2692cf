#pragma once
// Which models in the Hugging Face hub cache AttentionScope can open: every snapshot whose
// config.json has a supported model_type and that holds weights and tokenizer files the engine
// reads (symlinks to blobs that are missing do not count).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace as::hub {

struct CachedModel {
  std::string repo_id;                // "org/name" or "name"
  std::string commit;                 // the snapshot's folder name
  std::vector<std::string> refs;      // branches / tags pointing at this commit (may be empty)
  std::filesystem::path snapshot;     // the folder to open
  std::string model_type;             // from config.json
  std::string weights;                // "model.safetensors", "model.safetensors.index.json" or "pytorch_model.bin"
  uint64_t size_bytes = 0;            // the snapshot's files (their blobs' sizes)
};

// Sorted by repo id, then snapshots that a ref points at first, then commit. A missing cache
// folder is an empty list.
std::vector<CachedModel> list_cached_models(const std::filesystem::path& cache_root);

// Why `dir` cannot be opened (empty when it can); fills model_type and weights when it can.
std::string loadable_model_problem(const std::filesystem::path& dir, std::string* model_type = nullptr,
                                   std::string* weights = nullptr);

}  // namespace as::hub
