#pragma once
// BERT's WordPiece tokenizer, reproducing HuggingFace's slow BertTokenizer (transformers 4.31):
// per-code-point lower-casing outside special tokens, BasicTokenizer, then greedy
// longest-match-first WordPiece with "##" continuations.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tokenizers/basic_tokenizer.h"
#include "tokenizers/post_processor.h"
#include "tokenizers/special_tokens.h"
#include "tokenizers/tokenizer.h"
#include "tokenizers/vocab.h"
#include "tokenizers/wordpiece_trie.h"

namespace as {

struct WordPieceConfig {
  BasicTokenizerOptions basic;
  std::string unk_token = "[UNK]";
  std::string sep_token = "[SEP]";
  std::string pad_token = "[PAD]";
  std::string cls_token = "[CLS]";
  std::string mask_token = "[MASK]";
  std::vector<std::string> additional_special_tokens;  // also recognised when typed in the text
  // false reproduces a BertTokenizer built directly from vocab.txt instead of through
  // from_pretrained (transformers 4.31): its no-split list stays empty, so special tokens typed in
  // the text are only recognised as whole whitespace-separated words ("[MASK]." -> "[", "mask", "]", ".").
  bool split_special_tokens_from_text = true;
  std::string continuing_subword_prefix = "##";
  size_t max_input_chars_per_word = 100;
  // How special tokens surround the texts; unset: [CLS] A [SEP] / [CLS] A [SEP] B [SEP].
  std::optional<PostProcessor> post_processor;
};

class WordPieceTokenizer final : public Tokenizer {
 public:
  WordPieceTokenizer(Vocab vocab, WordPieceConfig config);

  // vocab.txt: one token per line, the line number is the id.
  static Vocab read_vocab_txt(const std::filesystem::path& path);
  // The same for the file's text already in memory; `label` names it in errors.
  static Vocab parse_vocab_txt(std::string_view data, const std::string& label);

  std::string kind() const override { return "wordpiece"; }
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

  const WordPieceConfig& config() const { return config_; }

 private:
  struct Scratch;
  struct RunToken;
  struct Output;
  // Tokens of one text (no [CLS]/[SEP]); explanations per word when `explanations` is given.
  std::vector<Token> tokenize(std::string_view text, std::vector<std::string>& warnings,
                              std::vector<WordExplanation>* explanations) const;
  // The two equivalent orders of lower-casing and finding special tokens; see tokenize().
  void split_then_lower(std::string_view valid_text, Output& out) const;
  void lower_then_split(std::string_view valid_text, Output& out) const;
  BasicTokenizer::WordSink to_wordpiece(Output& out) const;
  // BasicTokenizer on valid UTF-8 starting at character `first_index`; a long text's runs between
  // separators are tokenized once each (tokenize_run), later occurrences reuse the tokens.
  void tokenize_runs(std::string_view text, int32_t first_index, Output& out, const BasicTokenizer::WordSink& sink) const;
  void tokenize_run(std::string_view run, int32_t first_index, Output& out, const BasicTokenizer::WordSink& sink) const;
  void add_special(Output& out, int special, Span span) const;
  // Greedy longest-match-first on the word made of characters [begin, end) of `text`.
  void wordpiece(const SpannedText& text, size_t begin, size_t end, bool never_split, int32_t word_index,
                 Scratch& scratch, std::vector<Token>& out, WordExplanation* explanation) const;
  static Token& add_token(std::vector<Token>& out, const TokenText& piece, int32_t id, Span span, bool continuation,
                          int32_t word);
  // The id of the longest piece starting at character `start` of the word in `scratch` (kept in
  // *end), or -1. longest_match walks the trie; match_listing_candidates runs the Python loop and
  // records every candidate it tries (for explain()). Both find the same piece.
  int32_t longest_match(Scratch& scratch, size_t start, size_t* end) const;
  int32_t match_listing_candidates(Scratch& scratch, size_t start, WordExplanation& explanation, size_t* end) const;

  Vocab vocab_;
  WordPieceConfig config_;
  BasicTokenizer basic_;
  SpecialTokenMatcher specials_;
  PostProcessor post_;
  int32_t unk_id_ = 0;
  TokenText unk_text_;
  bool split_before_lowering_ = false;  // special_tokens_survive_lower_casing: the fast route is exact
  WordPieceTrie trie_;
  size_t longest_entry_bytes_ = 0;
  int32_t continuation_root_ = WordPieceTrie::kNone;  // the trie node after "##"
};

}  // namespace as
