#pragma once
// Adds the special tokens around one or two encoded texts ([CLS] A [SEP] B [SEP], <s> A </s></s> B </s>,
// or nothing for GPT-2), assigns token type ids, and truncates like HF's "longest_first".
#include <cstdint>
#include <string>
#include <vector>

#include "tokenizers/tokenizer.h"

namespace as {

struct TemplatePiece {
  enum class Kind { kSpecial, kFirst, kSecond };
  Kind kind = Kind::kFirst;
  std::string token;  // kSpecial: the token string
  int32_t id = 0;     // kSpecial: its id
  int32_t type_id = 0;
};

// Reserves room for `count` tokens. A 1 MB text can need 40 MB of tokens; on Linux such a block is
// marked for transparent huge pages, so that the kernel faults it in 2 MB at a time instead of
// 4 KB at a time (it is fresh memory on every call: glibc maps blocks over 32 MB directly).
void reserve_tokens(std::vector<Token>& tokens, size_t count);

// The warning for a text whose ill-formed UTF-8 had to be replaced.
std::string invalid_utf8_warning(size_t replaced_sequences);

// Tokenizers reserve this many extra slots so that adding [CLS]/[SEP] does not move every token.
constexpr size_t kRoomForSpecialTokens = 8;

class PostProcessor {
 public:
  // [CLS] A [SEP] / [CLS] A [SEP] B [SEP]; types 0 for A and its [SEP]s, 1 for B and the last [SEP].
  static PostProcessor bert(const std::string& cls, int32_t cls_id, const std::string& sep, int32_t sep_id);
  // <s> A </s> / <s> A </s></s> B </s>; every type 0 (RoBERTa has a single token type).
  static PostProcessor roberta(const std::string& cls, int32_t cls_id, const std::string& sep, int32_t sep_id);
  // A / A B with types 0 and 1 (GPT-2 adds no special tokens).
  static PostProcessor plain();
  static PostProcessor from_templates(std::vector<TemplatePiece> single, std::vector<TemplatePiece> pair);

  size_t added_tokens(bool pair) const;
  // The template for one text or a pair (kSpecial pieces carry the token ids it adds).
  const std::vector<TemplatePiece>& pieces(bool pair) const { return pair ? pair_ : single_; }

  // Truncates (when options.max_length > 0), then builds the final encoding. `warnings` are
  // the ones gathered while encoding the texts; truncation appends its own.
  Encoding assemble(std::vector<Token> first, std::vector<Token>* second, const EncodeOptions& options,
                    std::vector<std::string> warnings) const;

 private:
  std::vector<TemplatePiece> single_;
  std::vector<TemplatePiece> pair_;
};

}  // namespace as
