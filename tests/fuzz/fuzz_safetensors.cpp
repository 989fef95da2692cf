// A whole safetensors file from arbitrary bytes: header length, JSON header, validation of every
// entry, then every float tensor converted to float32 (reads all the bytes the header points at).
#include "fuzz_support.h"
#include "io/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  as::fuzz::accept_engine_errors([&] {
    const auto file = as::SafetensorsFile::from_bytes("fuzz.safetensors", std::string(as::fuzz::text_of(data, size)));
    for (const auto& [name, info] : file->tensors()) {
      as::fuzz::fuzz_require(info.begin <= info.end && info.end <= size, "validated tensor lies inside the input");
      const as::Tensor t = file->load_f32(name);
      as::fuzz::fuzz_require(t.size() == as::numel(info.shape), "loaded tensor has the header's element count");
    }
  });
  return 0;
}
