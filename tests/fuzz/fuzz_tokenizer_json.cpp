// tokenizer.json (WordPiece or byte-level BPE, any format version), then the loaded tokenizer
// encodes, explains and decodes a fixed sentence pair.
#include "fuzz_support.h"
#include "tokenizers/tokenizer_factory.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  as::fuzz::accept_engine_errors([&] {
    const auto tokenizer = as::parse_tokenizer_json(as::fuzz::text_of(data, size), "tokenizer.json");
    const auto encoding = tokenizer->encode_pair("Hello, world! [MASK] héllo 東京", "<|endoftext|> the end");
    for (const auto& token : encoding.tokens)
      as::fuzz::fuzz_require(token.id >= 0 && token.id < tokenizer->vocab_size(), "token ids lie in the vocabulary");
    tokenizer->explain("unaffable Ġworld");
    const auto ids = encoding.ids();
    tokenizer->decode(ids);
  });
  return 0;
}
