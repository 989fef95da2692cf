// config.json of every supported family (bert, distilbert, roberta, gpt2: the seeds hold one of
// each; model_type inside the JSON picks the family's keys and defaults).
#include "fuzz_support.h"
#include "io/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  as::fuzz::accept_engine_errors([&] {
    const as::ModelConfig c = as::parse_config(std::string(as::fuzz::text_of(data, size)));
    // What the model builders rely on once a config is accepted.
    as::fuzz::fuzz_require(c.num_heads > 0 && c.hidden_size > 0 && c.num_layers > 0 && c.vocab_size > 0,
                           "accepted config has positive sizes");
    as::fuzz::fuzz_require(c.hidden_size % c.num_heads == 0, "hidden size splits into whole heads");
    as::fuzz::fuzz_require(c.head_dim() > 0, "positive head size");
  });
  return 0;
}
