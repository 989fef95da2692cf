#pragma once
// Facts about a checkpoint folder that the model panel shows beyond what the engine reports.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace as::ui {

// The `_comment` of the folder's config.json when it says the weights are RANDOM (the project's
// shared test checkpoints do), so the UI can warn that predictions are meaningless. nullopt when
// there is no such comment or config.json cannot be read (the loader reports that itself).
std::optional<std::string> random_weights_note(const std::filesystem::path& model_dir);

// "30,522"
std::string format_count(int64_t value);

// "11,267,900 (11.3 M)": exact count for the curious, rounded for a quick read.
std::string format_parameter_count(int64_t parameters);

}  // namespace as::ui
