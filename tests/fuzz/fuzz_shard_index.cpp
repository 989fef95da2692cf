// model.safetensors.index.json: the weight_map of a sharded checkpoint.
#include "fuzz_support.h"
#include "io/weight_store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  as::fuzz::accept_engine_errors([&] {
    for (const auto& [tensor, file] : as::parse_shard_index(as::fuzz::text_of(data, size), "model.safetensors.index.json"))
      as::fuzz::fuzz_require(file.find('/') == std::string::npos && file.find("..") == std::string::npos,
                             "shard names never leave the model folder");
  });
  return 0;
}
