#pragma once
// Shared by the libFuzzer targets. The contract under test: any input either parses or fails with
// as::Error (a message for the user). Any other exception, a sanitizer report, a timeout or a
// broken invariant (fuzz_require) is a bug and stops the fuzzer with the input that caused it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"

namespace as::fuzz {

inline std::string_view text_of(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Runs `parse`; as::Error is the expected answer to bad input, everything else escapes.
template <class Parse>
void accept_engine_errors(Parse&& parse) {
  try {
    parse();
  } catch (const as::Error&) {
  }
}

// An invariant of the code under test, checked in Release builds too.
inline void fuzz_require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

// ../shared (test checkpoints): $AS_SHARED_DIR, else the folder the build was configured with.
inline std::filesystem::path shared_dir() {
  if (const char* env = std::getenv("AS_SHARED_DIR"); env && *env) return env;
  return AS_SHARED_DIR;
}

}  // namespace as::fuzz
