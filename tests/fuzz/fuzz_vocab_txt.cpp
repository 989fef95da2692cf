// vocab.txt (one WordPiece token per line), then a tokenizer with BERT's defaults built on it
// encodes and decodes a fixed sentence.
#include "fuzz_support.h"
#include "tokenizers/wordpiece.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  as::fuzz::accept_engine_errors([&] {
    as::Vocab vocab = as::WordPieceTokenizer::parse_vocab_txt(as::fuzz::text_of(data, size), "vocab.txt");
    const as::WordPieceTokenizer tokenizer(std::move(vocab), as::WordPieceConfig{});
    const auto encoding = tokenizer.encode("The capital of France is [MASK]. unaffable ##ing héllo");
    for (const auto& token : encoding.tokens)
      as::fuzz::fuzz_require(token.id >= 0 && token.id < tokenizer.vocab_size(), "token ids lie in the vocabulary");
    const auto ids = encoding.ids();
    tokenizer.decode(ids);
  });
  return 0;
}
