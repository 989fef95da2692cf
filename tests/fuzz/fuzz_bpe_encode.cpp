// Arbitrary bytes through the real GPT-2 vocabulary and merges (the GPT-2 test checkpoint in
// ../shared/models). Valid UTF-8 must come back byte for byte from decode(encode(x)), and the same
// from the streaming decoder; invalid UTF-8 is replaced (and reported), never a crash. A special
// token typed in the text (<|endoftext|>) swallows the whitespace beside it, as HF's slow tokenizer
// does for special_tokens_map.json's plain strings, so texts holding one are not checked byte for byte.
// The hand-written pre-tokenisation scanner must split exactly where the PCRE2 pattern does. One
// input in eight without outer whitespace is also repeated, joined by <|endoftext|>, into a text of
// 16 KiB or more (where pre-tokens seen before in the call reuse their pieces): its ids must be the
// text's own ids and the separator's, repeated.
#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "fuzz_support.h"
#include "fuzz_tokenizer_support.h"
#include "tokenizers/pretokenizer.h"
#include "tokenizers/tokenizer.h"
#include "tokenizers/unicode.h"

namespace {

const as::Tokenizer& gpt2() {
  static const std::unique_ptr<as::Tokenizer> tokenizer =
      as::load_tokenizer(as::fuzz::shared_dir() / "models" / "random-gpt2-L4-H256");
  return *tokenizer;
}

}  // namespace

// Loads the vocabulary before fuzzing starts, so that the one-time load (seconds under ASan) is not
// charged to the first input's -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  gpt2();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const as::Tokenizer& tokenizer = gpt2();
  const std::string_view text = as::fuzz::text_of(data, size);
  size_t replaced = 0;
  const std::string valid = as::unicode::make_valid_utf8(text, &replaced);

  const as::Encoding encoding = tokenizer.encode(text);
  for (const auto& token : encoding.tokens)
    as::fuzz::fuzz_require(token.id >= 0 && token.id < tokenizer.vocab_size(), "token ids lie in the vocabulary");
  const auto ids = encoding.ids();
  const std::string decoded = tokenizer.decode(ids);
  const bool typed_special = std::any_of(encoding.tokens.begin(), encoding.tokens.end(),
                                         [](const as::Token& t) { return t.special; });
  // Invalid bytes become U+FFFD before tokenising, so the valid form is what comes back.
  as::fuzz::fuzz_require(typed_special || decoded == valid, "decode(encode(x)) == x (x made valid UTF-8)");
  as::fuzz::fuzz_require(replaced == 0 || !encoding.warnings.empty(), "replaced bytes are reported");

  as::IncrementalDecoder stream(tokenizer);
  std::string streamed;
  for (const int32_t id : ids) streamed += stream.push(id);
  streamed += stream.flush();
  as::fuzz::fuzz_require(streamed == decoded, "streaming decode equals decode");
  tokenizer.explain(text);

  const std::u32string chars = as::unicode::decode_utf8(valid);
  const bool outer_space = !chars.empty() && (as::unicode::is_python_space(chars.front()) ||
                                              as::unicode::is_python_space(chars.back()));
  if (size > 0 && data[0] % 8 == 0 && !outer_space) {
    std::vector<int32_t> part_ids = ids;  // GPT-2 adds no special tokens, and `text` reads as `valid`
    part_ids.push_back(50256);            // <|endoftext|>
    as::fuzz::require_repeats_keep_their_ids(tokenizer, valid + "<|endoftext|>", part_ids);
  }

  static const as::Gpt2PreTokenizer pre_tokenizer;
  std::vector<std::pair<size_t, size_t>> scanned, matched;
  pre_tokenizer.split(valid, [&](size_t b, size_t e) { scanned.emplace_back(b, e); });
  pre_tokenizer.split_with_regex_only(valid, [&](size_t b, size_t e) { matched.emplace_back(b, e); });
  as::fuzz::fuzz_require(scanned == matched, "the pre-tokenisation scanner splits where the regex does");
  return 0;
}
