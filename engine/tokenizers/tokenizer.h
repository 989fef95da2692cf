#pragma once
// Tokenizers that reproduce HuggingFace's (slow, Python) BertTokenizer and GPT2Tokenizer exactly,
// with the detail the GUI needs to explain them: character spans, word indices, special flags,
// WordPiece matching steps and BPE merge sequences.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizers/token_text.h"

namespace as {

struct Token {
  // 40 bytes (the text is an interned pointer, fields ordered by size): a 1 MB text can have half
  // a million tokens, and their memory traffic is a large share of tokenising it.
  int32_t id = 0;
  int32_t word = -1;          // index of the word (pre-token) it belongs to; -1 for added special tokens
  TokenText text;             // the vocabulary string: "##ing", "Ġthe", "[CLS]"
  int64_t start = 0;          // span [start, end) in the ORIGINAL text, in Unicode code points
  int64_t end = 0;            //   (added special tokens such as [CLS] have start == end == 0, as HF fast)
  bool special = false;       // [CLS], [SEP], [MASK], <|endoftext|>, ... (added or typed in the text)
  bool continuation = false;  // continues the previous token's word ("##" piece; BPE piece inside a word)
};

static_assert(sizeof(void*) != 8 || sizeof(Token) == 40, "Token grew: see the note on its fields");

struct EncodeOptions {
  bool add_special_tokens = true;  // [CLS] A [SEP] (B [SEP]) for BERT; nothing for GPT-2
  int64_t max_length = 0;          // 0 = no limit; otherwise truncate (longest-first for pairs) and warn
};

struct Encoding {
  std::vector<Token> tokens;
  std::vector<int32_t> token_type_ids;  // segment of each token (0 for A, 1 for B)
  std::vector<std::string> warnings;    // invalid UTF-8 replaced, truncation ("dropped N tokens"), ...
  int64_t dropped_tokens = 0;           // how many tokens truncation removed
  int64_t dropped_from_second = 0;      //   of them from the second text of a pair (longest_first)

  std::vector<int32_t> ids() const;
};

// One step of greedy longest-match-first WordPiece: the candidate tried and whether it was in the vocab.
struct WordPieceStep {
  int64_t start = 0;  // byte offsets of the candidate inside the word
  int64_t end = 0;
  std::string candidate;  // with "##" when it is a continuation
  bool matched = false;
};

// One BPE merge applied to a word: the pair, its rank in merges.txt, and the pieces after it.
struct BpeMerge {
  std::string left;
  std::string right;
  int32_t rank = 0;
  std::vector<std::string> pieces_after;
};

struct WordExplanation {
  std::string word;                   // the pre-token (BERT: after normalisation; GPT-2: byte-level string)
  std::vector<std::string> pieces;    // final tokens of the word
  std::vector<WordPieceStep> wordpiece_steps;  // WordPiece only
  std::vector<std::string> initial_symbols;    // BPE only: the symbols before any merge
  std::vector<BpeMerge> merges;                // BPE only, in the order applied
};

struct SpecialTokenIds {
  std::optional<int32_t> cls, sep, mask, pad, unk, bos, eos;
};

class Tokenizer {
 public:
  virtual ~Tokenizer() = default;

  virtual std::string kind() const = 0;  // "wordpiece" or "bpe"
  virtual Encoding encode(std::string_view text, const EncodeOptions& options = {}) const = 0;
  virtual Encoding encode_pair(std::string_view text_a, std::string_view text_b,
                               const EncodeOptions& options = {}) const = 0;
  // Decodes to text (GPT-2: the exact original bytes; BERT: HF's convert_tokens_to_string).
  virtual std::string decode(std::span<const int32_t> ids) const = 0;
  // What one token adds to a decoded stream (used by IncrementalDecoder): GPT-2 gives the token's
  // raw bytes, possibly part of a UTF-8 character; BERT gives " word", or "ing" for "##ing"
  // (no space before the first token). The default decodes the id on its own.
  virtual std::string decode_stream_piece(int32_t id, bool first) const;
  virtual std::vector<WordExplanation> explain(std::string_view text) const = 0;

  virtual int32_t vocab_size() const = 0;
  virtual std::optional<int32_t> token_to_id(std::string_view token) const = 0;
  virtual std::string id_to_token(int32_t id) const = 0;
  virtual SpecialTokenIds special_ids() const = 0;
};

// Streaming decode for generation: push ids one at a time, get the text that is complete so far.
// A multi-byte UTF-8 character split across tokens is held back until its last byte arrives.
class IncrementalDecoder {
 public:
  explicit IncrementalDecoder(const Tokenizer& tokenizer) : tokenizer_(tokenizer) {}
  std::string push(int32_t id);
  std::string flush();  // whatever is still held back (incomplete bytes become U+FFFD)

 private:
  const Tokenizer& tokenizer_;
  std::string pending_;
  bool first_ = true;
};

// Loads the tokenizer a HuggingFace model folder ships: vocab.txt (+ tokenizer_config.json),
// vocab.json + merges.txt (+ tokenizer_config.json / special_tokens_map.json), or tokenizer.json.
// `model_type` (from config.json: "bert", "gpt2", ...) picks defaults when files are silent.
std::unique_ptr<Tokenizer> load_tokenizer(const std::filesystem::path& model_dir,
                                          const std::string& model_type = "");

}  // namespace as
