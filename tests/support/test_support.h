#pragma once
// Paths to ../shared (test checkpoints + golden files) and small helpers shared by the tests.
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace as::test {

std::filesystem::path shared_dir();
std::filesystem::path models_dir();   // shared/models
std::filesystem::path golden_dir();   // shared/golden
std::filesystem::path temp_dir();     // a per-run scratch folder inside the build tree
bool have_shared();

nlohmann::json read_json(const std::filesystem::path& path);
std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace as::test

// Skips the current test when ../shared is absent (e.g. a source-only checkout).
#define AS_REQUIRE_SHARED()                                              \
  do {                                                                   \
    if (!::as::test::have_shared()) GTEST_SKIP() << "../shared missing"; \
  } while (0)
