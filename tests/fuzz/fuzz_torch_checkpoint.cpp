// pytorch_model.bin (torch.save's zip + restricted unpickler) from arbitrary bytes, then every
// tensor read as float32 (CRC checks and strided views over the storages).
#include <memory>

#include "fuzz_support.h"
#include "io/torch_checkpoint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  as::fuzz::accept_engine_errors([&] {
    auto bytes = std::make_shared<std::string>(as::fuzz::text_of(data, size));
    const auto checkpoint = as::TorchCheckpoint::from_bytes(
        {reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size()}, bytes, "pytorch_model.bin");
    for (const auto& info : checkpoint->tensors()) {
      const as::Tensor t = checkpoint->read_f32(info.name);
      as::fuzz::fuzz_require(t.size() == as::numel(info.shape), "read tensor has the pickled element count");
    }
  });
  return 0;
}
