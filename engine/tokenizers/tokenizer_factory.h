#pragma once
// Builds WordPiece and byte-level BPE tokenizers from what a model folder provides: the slow
// tokenizer files (vocab.txt; vocab.json + merges.txt) or a fast-tokenizer tokenizer.json.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "tokenizers/bpe.h"
#include "tokenizers/tokenizer_settings.h"
#include "tokenizers/wordpiece.h"

namespace as {

// vocab.txt + the folder's settings (do_lower_case, strip_accents, never_split, special tokens).
std::unique_ptr<WordPieceTokenizer> load_wordpiece(const std::filesystem::path& dir);

// vocab.json + merges.txt + the folder's settings; `model_type` picks GPT-2 or RoBERTa defaults.
std::unique_ptr<ByteLevelBpeTokenizer> load_byte_level_bpe(const std::filesystem::path& dir,
                                                           const std::string& model_type);

// A HuggingFace tokenizers file (WordPiece, including the 2020 format whose "model" has no
// "type", or byte-level BPE). tokenizer_config.json / special_tokens_map.json next to it are read
// too, as the slow tokenizers would, so both routes give the same ids.
std::unique_ptr<Tokenizer> load_tokenizer_json(const std::filesystem::path& file, const std::string& model_type = "");

// A tokenizers file held in memory, without companion files: the family's defaults stand in for
// tokenizer_config.json and special_tokens_map.json. `label` names it in errors.
std::unique_ptr<Tokenizer> parse_tokenizer_json(std::string_view json_text, const std::string& label,
                                                const std::string& model_type = "");

}  // namespace as
