#include "hub/cache_scan.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "hub/hub_cache.h"
#include "io/config.h"

namespace as::hub {

namespace fs = std::filesystem;

namespace {

// exists() follows symlinks, so a link whose blob is gone is missing.
bool present(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

// The shards an index names, all present; else the reason.
std::string index_problem(const fs::path& dir) {
  std::ifstream in(dir / "model.safetensors.index.json", std::ios::binary);
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.contains("weight_map") || !j["weight_map"].is_object())
    return "model.safetensors.index.json has no weight_map";
  for (const auto& [tensor, shard] : j["weight_map"].items())
    if (!shard.is_string() || !present(dir / shard.get<std::string>())) return "a shard named by the index is missing";
  return {};
}

std::string find_weights(const fs::path& dir, std::string* weights) {
  for (const char* name : {"model.safetensors", "model.safetensors.index.json", "pytorch_model.bin"}) {
    if (!present(dir / name)) continue;
    if (std::string(name) == "model.safetensors.index.json")
      if (std::string problem = index_problem(dir); !problem.empty()) return problem;
    if (weights) *weights = name;
    return {};
  }
  return "no model.safetensors, model.safetensors.index.json or pytorch_model.bin";
}

bool has_tokenizer(const fs::path& dir) {
  return present(dir / "vocab.txt") || present(dir / "tokenizer.json") ||
         (present(dir / "vocab.json") && present(dir / "merges.txt"));
}

uint64_t folder_size(const fs::path& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    std::error_code size_ec;
    const auto size = fs::file_size(entry.path(), size_ec);  // follows the link to its blob
    if (!size_ec) total += size;
  }
  return total;
}

std::string read_ref(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string commit;
  std::getline(in, commit);
  while (!commit.empty() && (commit.back() == '\r' || commit.back() == ' ')) commit.pop_back();
  return commit;
}

// commit -> the refs (relative paths under refs/, e.g. "main", "refs/pr/1") that name it.
std::map<std::string, std::vector<std::string>> refs_by_commit(const fs::path& repo_dir) {
  std::map<std::string, std::vector<std::string>> out;
  const fs::path refs = repo_dir / "refs";
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(refs, ec))
    if (entry.is_regular_file()) out[read_ref(entry.path())].push_back(fs::relative(entry.path(), refs).generic_string());
  for (auto& [commit, names] : out) std::sort(names.begin(), names.end());
  return out;
}

void scan_repo(const fs::path& repo_dir, const std::string& repo_id, std::vector<CachedModel>& out) {
  const auto refs = refs_by_commit(repo_dir);
  std::error_code ec;
  for (const auto& snapshot : fs::directory_iterator(repo_dir / "snapshots", ec)) {
    if (!snapshot.is_directory()) continue;
    CachedModel model;
    if (!loadable_model_problem(snapshot.path(), &model.model_type, &model.weights).empty()) continue;
    model.repo_id = repo_id;
    model.commit = snapshot.path().filename().string();
    if (auto it = refs.find(model.commit); it != refs.end()) model.refs = it->second;
    model.snapshot = snapshot.path();
    model.size_bytes = folder_size(snapshot.path());
    out.push_back(std::move(model));
  }
}

}  // namespace

std::string loadable_model_problem(const fs::path& dir, std::string* model_type, std::string* weights) {
  if (!present(dir / "config.json")) return "no config.json";
  try {
    const ModelConfig config = load_config(dir / "config.json");
    if (model_type) *model_type = config.model_type;
  } catch (const Error& e) {
    return e.what();
  }
  if (std::string problem = find_weights(dir, weights); !problem.empty()) return problem;
  if (!has_tokenizer(dir)) return "no vocab.txt, vocab.json + merges.txt or tokenizer.json";
  return {};
}

std::vector<CachedModel> list_cached_models(const fs::path& cache_root) {
  std::vector<CachedModel> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(cache_root, ec)) {
    if (!entry.is_directory()) continue;
    if (auto repo_id = repo_id_from_folder(entry.path().filename().string())) scan_repo(entry.path(), *repo_id, out);
  }
  std::sort(out.begin(), out.end(), [](const CachedModel& a, const CachedModel& b) {
    if (a.repo_id != b.repo_id) return a.repo_id < b.repo_id;
    if (a.refs.empty() != b.refs.empty()) return !a.refs.empty();
    return a.commit < b.commit;
  });
  return out;
}

}  // namespace as::hub
