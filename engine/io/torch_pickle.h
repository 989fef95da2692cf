#pragma once
// A restricted interpreter for the data.pkl of a torch.save'd state dict. It never calls anything:
// the only "callables" it knows are the whitelisted globals a state dict needs, and it evaluates
// them itself (OrderedDict() -> an empty dict, _rebuild_tensor_v2(...) -> a tensor record,
// persistent ids -> storage records). Any other global, any opcode outside the small set torch's
// pickler emits for a state dict, and any structure that does not fit is an as::Error naming the
// file, the offending global or opcode and its byte offset.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/tensor.h"
#include "io/safetensors.h"  // DType

namespace as {

// Hard limits on what a pickle may make the interpreter hold; real state dicts stay far below.
namespace pickle_limits {
inline constexpr uint64_t kMaxPickleBytes = 256ull << 20;
inline constexpr size_t kMaxStackDepth = 1u << 20;   // values on the stack, and open MARKs
inline constexpr size_t kMaxMemoEntries = 1u << 22;
inline constexpr size_t kMaxObjects = 1u << 22;      // values created in total
inline constexpr uint32_t kMaxStringBytes = 1u << 20;
inline constexpr size_t kMaxGlobalNameBytes = 256;
inline constexpr size_t kMaxRank = 64;
}  // namespace pickle_limits

// One storage named by a persistent id ('storage', torch.<T>Storage, key, location, numel).
struct PickledStorage {
  std::string key;        // the record is <prefix>/data/<key>
  DType dtype = DType::F32;
  std::string type_name;  // "FloatStorage", for messages
  uint64_t numel = 0;
  std::string location;   // 'cpu', 'cuda:0', ...: where torch would put it; we always read to host
};

// One entry of the state dict: _rebuild_tensor_v2(storage, offset, size, stride, ...).
struct PickledTensor {
  std::string name;
  size_t storage = 0;  // index into StateDictPickle::storages
  int64_t storage_offset = 0;
  Shape size;
  std::vector<int64_t> stride;
  bool requires_grad = false;
};

struct StateDictPickle {
  std::vector<PickledStorage> storages;  // in order of first reference; shared keys appear once
  std::vector<PickledTensor> tensors;    // in the dict's order
};

// `label` starts every error message (e.g. "pytorch_model.bin"). Sizes and offsets are checked to
// be non-negative here; whether they fit their storage is the caller's job (it knows the records).
StateDictPickle parse_state_dict_pickle(std::span<const uint8_t> pickle, const std::string& label);

// The pickle opcode's name ("GLOBAL", "STACK_GLOBAL", ...) or "unknown", for messages.
const char* pickle_opcode_name(uint8_t opcode);

}  // namespace as
