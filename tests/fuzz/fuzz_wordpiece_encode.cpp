// Arbitrary bytes (valid UTF-8 or not) through the real bert-base-uncased vocabulary (the BERT
// test checkpoint in ../shared/models): encode a single text and a pair (split at the first tab),
// explain and decode, checking ids and character spans. One input in eight is also repeated on lines
// of its own into a text of 16 KiB or more, the size from which runs of text seen before in the
// same call reuse their tokens: the ids must be the text's own ids repeated (no WordPiece token
// crosses a line break).
#include <memory>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "fuzz_tokenizer_support.h"
#include "tokenizers/tokenizer.h"
#include "tokenizers/unicode.h"

namespace {

const as::Tokenizer& bert() {
  static const std::unique_ptr<as::Tokenizer> tokenizer =
      as::load_tokenizer(as::fuzz::shared_dir() / "models" / "random-bert-uncased-L4-H256");
  return *tokenizer;
}

}  // namespace

// Loads the vocabulary before fuzzing starts, so that the one-time load (seconds under ASan) is not
// charged to the first input's -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  bert();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const as::Tokenizer& tokenizer = bert();
  const std::string_view text = as::fuzz::text_of(data, size);
  size_t replaced = 0;
  const std::string valid = as::unicode::make_valid_utf8(text, &replaced);
  const auto code_points = static_cast<int64_t>(as::unicode::count_code_points(valid));

  const as::Encoding single = tokenizer.encode(text);
  int64_t previous_start = 0;
  for (const auto& token : single.tokens) {
    as::fuzz::fuzz_require(token.id >= 0 && token.id < tokenizer.vocab_size(), "token ids lie in the vocabulary");
    as::fuzz::fuzz_require(tokenizer.id_to_token(token.id) == token.text, "token text is the vocabulary's string");
    as::fuzz::fuzz_require(0 <= token.start && token.start <= token.end && token.end <= code_points,
                           "spans lie inside the text");
    if (!token.special || token.end > 0) {
      as::fuzz::fuzz_require(token.start >= previous_start, "spans run left to right");
      previous_start = token.start;
    }
  }
  as::fuzz::fuzz_require(replaced == 0 || !single.warnings.empty(), "replaced bytes are reported");
  const auto ids = single.ids();
  tokenizer.decode(ids);
  tokenizer.explain(text);

  if (size > 0 && data[0] % 8 == 0)
    as::fuzz::require_repeats_keep_their_ids(tokenizer, valid + '\n', tokenizer.encode(valid, {false, 0}).ids());

  const size_t tab = text.find('\t');
  if (tab != std::string_view::npos) {
    const as::Encoding pair = tokenizer.encode_pair(text.substr(0, tab), text.substr(tab + 1), {true, 64});
    as::fuzz::fuzz_require(pair.tokens.size() <= 64, "truncation keeps max_length");
    as::fuzz::fuzz_require(pair.token_type_ids.size() == pair.tokens.size(), "one segment id per token");
  }
  return 0;
}
