#pragma once
// Byte-level BPE reproducing HuggingFace's slow GPT2Tokenizer / RobertaTokenizer (transformers
// 4.31): special tokens typed in the text, GPT-2's pre-tokenisation regex, bytes mapped to
// printable characters, merges by rank (cached per pre-token), exact decoding back to bytes.
#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tokenizers/bpe_cache.h"
#include "tokenizers/bpe_merges.h"
#include "tokenizers/post_processor.h"
#include "tokenizers/pretokenizer.h"
#include "tokenizers/special_tokens.h"
#include "tokenizers/tokenizer.h"
#include "tokenizers/vocab.h"

namespace as {

struct BpeConfig {
  // Recognised when typed in the text, with the slow tokenizer's whitespace stripping flags.
  std::vector<SpecialToken> special_tokens;
  PostProcessor post = PostProcessor::plain();
  bool add_prefix_space = false;  // GPT2Tokenizer(add_prefix_space=True) prepends " " to the text
  // Named special tokens (empty when the tokenizer has none); their ids come from the vocabulary.
  std::string bos_token, eos_token, unk_token, pad_token, mask_token, cls_token, sep_token;
};

using MergeList = std::vector<std::pair<std::string, std::string>>;

class ByteLevelBpeTokenizer final : public Tokenizer {
 public:
  ByteLevelBpeTokenizer(Vocab vocab, const MergeList& merges, BpeConfig config);

  // vocab.json: {"token": id, ...}
  static Vocab read_vocab_json(const std::filesystem::path& path);
  // merges.txt as GPT2Tokenizer reads it: the first line (#version) and the text after the last
  // newline are skipped; every other line is split on whitespace into a pair.
  static MergeList read_merges_txt(const std::filesystem::path& path);
  // The same for the files' text already in memory; `label` names the file in errors.
  static Vocab parse_vocab_json(std::string_view text, const std::string& label);
  static MergeList parse_merges_txt(std::string_view text);

  std::string kind() const override { return "bpe"; }
  Encoding encode(std::string_view text, const EncodeOptions& options = {}) const override;
  Encoding encode_pair(std::string_view text_a, std::string_view text_b,
                       const EncodeOptions& options = {}) const override;
  std::string decode(std::span<const int32_t> ids) const override;
  std::string decode_stream_piece(int32_t id, bool first) const override;
  std::vector<WordExplanation> explain(std::string_view text) const override;

  int32_t vocab_size() const override { return vocab_.id_limit(); }
  std::optional<int32_t> token_to_id(std::string_view token) const override { return vocab_.find(token); }
  std::string id_to_token(int32_t id) const override;
  SpecialTokenIds special_ids() const override;

  const BpeConfig& config() const { return config_; }

 private:
  std::vector<Token> tokenize(std::string_view text, std::vector<std::string>& warnings,
                              std::vector<WordExplanation>* explanations) const;
  // One token to be: its id (or special token index), bytes [begin, end) of the processed text,
  // its word, and its kind.
  struct PlannedToken {
    int32_t id;
    uint32_t begin;
    uint32_t end;
    int32_t word;
    bool continuation;
    bool special;
  };
  // Special tokens, pre-tokenisation and merges of the (valid UTF-8) text.
  std::vector<PlannedToken> plan_tokens(std::string_view text, std::vector<WordExplanation>* explanations) const;
  // The pieces of one pre-token: from `recent` (this call's cache, may be null), the shared cache,
  // or the merge loop.
  void pieces_of(std::string_view pre_token, std::vector<BpePiece>& out, BpeCallCache* recent,
                 WordExplanation* explanation) const;
  const std::string& raw_bytes(int32_t id) const;
  // The string of an id that came from the vocabulary itself (so it has one).
  const TokenText& token_text(int32_t id) const { return vocab_.text(id); }

  Vocab vocab_;
  BpeMerges merges_;
  BpeConfig config_;
  SpecialTokenMatcher specials_;
  Gpt2PreTokenizer pre_tokenizer_;
  std::array<int32_t, 256> byte_symbol_{};  // vocabulary id of each single byte's character
  std::vector<std::string> raw_bytes_;      // id -> the bytes the token stands for
  BpeCache cache_;
};

}  // namespace as
