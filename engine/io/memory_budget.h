#pragma once
// Refusing a load that cannot fit: a checkpoint bigger than the memory the system can still give
// would otherwise end in the OOM killer or in swapping the desktop to a halt, long after the user
// chose it. The check happens before the weights are allocated.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace as {

// MemAvailable from a /proc/meminfo-format file, in bytes; nullopt when it cannot be read.
std::optional<uint64_t> available_memory_bytes(const std::filesystem::path& meminfo = "/proc/meminfo");

// Throws as::Error naming `what`, the bytes needed and those available when `needed` exceeds
// `available`. An unknown `available` (no /proc) lets the load go ahead.
void ensure_memory_for(uint64_t needed, std::optional<uint64_t> available, const std::string& what);

// "1.5 GiB", "300.0 MiB": sizes for messages.
std::string format_bytes(uint64_t bytes);

}  // namespace as
