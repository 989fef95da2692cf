// vocab.json + merges.txt, given as one input split at its first NUL byte (JSON text never holds
// a raw NUL), then a GPT-2-style tokenizer built on them must encode a fixed sentence and decode
// it back byte for byte (every byte has a symbol, so byte-level BPE loses nothing), provided ids
// and tokens are one to one: when two tokens share an id, the later one owns it, as in HF's
// decoder = {v: k for k, v in encoder.items()}, and decoding cannot give the other one back.
#include <cstring>

#include "fuzz_support.h"
#include "tokenizers/bpe.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = as::fuzz::text_of(data, size);
  const size_t split = input.find('\0');
  if (split == std::string_view::npos) return 0;
  as::fuzz::accept_engine_errors([&] {
    as::Vocab vocab = as::ByteLevelBpeTokenizer::parse_vocab_json(input.substr(0, split), "vocab.json");
    const as::MergeList merges = as::ByteLevelBpeTokenizer::parse_merges_txt(input.substr(split + 1));
    int32_t ids_with_a_token = 0;
    for (int32_t id = 0; id < vocab.id_limit(); ++id) ids_with_a_token += vocab.token(id) != nullptr;
    const bool one_to_one = static_cast<size_t>(ids_with_a_token) == vocab.size();
    as::BpeConfig config;
    if (const auto eos = vocab.find("<|endoftext|>")) {
      config.eos_token = config.bos_token = "<|endoftext|>";
      config.special_tokens.push_back({"<|endoftext|>", *eos, false, false});
    }
    const as::ByteLevelBpeTokenizer tokenizer(std::move(vocab), merges, config);
    const std::string sentence = "Hello world, it's 2024!  héllo 東京 <|endoftext|>\n\tend";
    const auto ids = tokenizer.encode(sentence).ids();
    const std::string decoded = tokenizer.decode(ids);
    as::fuzz::fuzz_require(!one_to_one || decoded == sentence, "decode(encode(x)) == x");
  });
  return 0;
}
