// `models`: the checkpoints in the Hugging Face cache that AttentionScope can open.
// `download`: fetches a model from the hub into that cache; progress on stderr, result on stdout.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "hub/cache_scan.h"
#include "hub/downloader.h"
#include "hub/hub_cache.h"

namespace as::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void on_interrupt(int) { g_interrupted = true; }

std::filesystem::path cache_root(const Args& args) {
  const auto given = args.get("cache-dir");
  return given ? std::filesystem::path(*given) : hub::default_cache_root();
}

double megabytes(uint64_t bytes) { return static_cast<double>(bytes) / 1e6; }

// One line per file and per whole percent of the total, so a log stays short.
class ProgressPrinter {
 public:
  void operator()(const hub::DownloadProgress& p) {
    const int percent = p.total == 0 ? -1 : static_cast<int>(100 * p.done / p.total);
    if (p.file == file_ && percent == percent_) return;
    file_ = p.file;
    percent_ = percent;
    std::fprintf(stderr, "download: %s %.1f/%.1f MB", p.file.c_str(), megabytes(p.file_done), megabytes(p.file_total));
    if (p.total != 0) std::fprintf(stderr, " (all files: %.1f/%.1f MB, %d%%)", megabytes(p.done), megabytes(p.total), percent);
    std::fputc('\n', stderr);
  }

 private:
  std::string file_;
  int percent_ = -2;
};

}  // namespace

int cmd_models(const Args& args) {
  args.allow_only({"cache-dir"});
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const hub::CachedModel& m : hub::list_cached_models(cache_root(args)))
    out.push_back({{"repo_id", m.repo_id},
                   {"commit", m.commit},
                   {"refs", m.refs},
                   {"path", m.snapshot.string()},
                   {"model_type", m.model_type},
                   {"weights", m.weights},
                   {"size_bytes", m.size_bytes}});
  std::cout << out.dump() << "\n";
  return 0;
}

int cmd_download(const std::string& repo_id, const Args& args) {
  args.allow_only({"revision", "endpoint", "cache-dir"});
  hub::DownloadOptions options;
  options.repo_id = repo_id;
  options.revision = args.get_or("revision", "main");
  options.endpoint = args.get_or("endpoint", "");
  options.cache_root = cache_root(args);
  ProgressPrinter printer;
  options.progress = [&printer](const hub::DownloadProgress& p) { printer(p); };
  // Ctrl+C stops cleanly: the partial file stays for the next run to resume.
  options.cancel = &g_interrupted;
  std::signal(SIGINT, on_interrupt);
  const hub::DownloadResult r = hub::download_model(options);
  std::signal(SIGINT, SIG_DFL);

  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const hub::DownloadedFile& f : r.files) {
    nlohmann::ordered_json file = {{"name", f.name}, {"size_bytes", f.size}, {"downloaded", f.downloaded}};
    if (f.lfs) file["sha256"] = f.etag;
    files.push_back(file);
  }
  nlohmann::ordered_json out = {{"repo_id", r.repo_id}, {"revision", r.revision}, {"commit", r.commit},
                                {"path", r.snapshot.string()}, {"files", files}};
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace as::cli
