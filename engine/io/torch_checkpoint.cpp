#include "io/torch_checkpoint.h"

#include <bit>
#include <cstring>
#include <limits>
#include <string_view>

#include "core/error.h"
#include "core/half.h"
#include "io/checked_file.h"
#include "models/tensor_source.h"

namespace as {

// Storage bytes are little-endian (torch.save's default); they are read with memcpy.
static_assert(std::endian::native == std::endian::little, "the torch checkpoint reader assumes a little-endian host");

namespace {

// A view may show a storage element more than once (expand() gives stride 0); such views are only
// ever small buffers, and the limit keeps a forged size from asking for terabytes of output.
constexpr int64_t kMaxRepeatingViewElements = int64_t{1} << 24;

// A file that starts with PROTO is a bare pickle stream: torch.save's format before 1.6.
void reject_legacy_format(std::span<const uint8_t> bytes, const std::string& label) {
  if (bytes.size() >= 2 && bytes[0] == 0x80 && bytes[1] <= 5)
    throw Error(label +
                ": is a bare pickle stream, torch.save's legacy format (torch < 1.6 or "
                "_use_new_zipfile_serialization=False), which is not supported; re-save it with torch >= 1.6 or "
                "convert it to safetensors");
}

bool is_contiguous(const TorchTensorInfo& t) {
  int64_t expected = 1;
  for (size_t d = t.shape.size(); d-- > 0;) {
    if (t.shape[d] != 1 && t.stride[d] != expected) return false;
    expected *= t.shape[d];
  }
  return true;
}

// Calls fn(output index, storage element index) for every element in row-major order. The view
// was validated by check_view, so every partial sum below stays within the storage.
template <class Fn>
void for_each_element(const TorchTensorInfo& t, Fn&& fn) {
  const int64_t n = numel(t.shape);
  if (n == 0) return;
  const size_t rank = t.shape.size();
  if (rank == 0) return fn(int64_t{0}, t.storage_offset);
  const int64_t inner = t.shape[rank - 1];
  const int64_t inner_stride = inner > 1 ? t.stride[rank - 1] : 0;
  std::vector<int64_t> idx(rank - 1, 0);
  for (int64_t out = 0; out < n; out += inner) {
    // Recomputing the row start (instead of adding and undoing strides) keeps every intermediate
    // value inside the validated range, whatever strides a size-1 dimension carries.
    int64_t row = t.storage_offset;
    for (size_t d = 0; d + 1 < rank; ++d) row += idx[d] * t.stride[d];
    for (int64_t j = 0; j < inner; ++j) fn(out + j, row + j * inner_stride);
    for (size_t d = rank - 1; d-- > 0;) {
      if (++idx[d] < t.shape[d]) break;
      idx[d] = 0;
    }
  }
}

template <class T>
T load_as(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <class Out, class Load>
void gather(const TorchTensorInfo& t, const uint8_t* base, size_t elem, Out* dst, Load load) {
  for_each_element(t, [&](int64_t out, int64_t src) {
    dst[out] = static_cast<Out>(load(base + static_cast<size_t>(src) * elem));
  });
}

// Converts each element exactly where the target type allows (F16/BF16 -> float is exact).
template <class Out>
void convert(const TorchTensorInfo& t, const uint8_t* base, Out* dst) {
  switch (t.dtype) {
    case DType::F32: return gather(t, base, 4, dst, [](const uint8_t* p) { return load_as<float>(p); });
    case DType::F64: return gather(t, base, 8, dst, [](const uint8_t* p) { return load_as<double>(p); });
    case DType::F16: return gather(t, base, 2, dst, [](const uint8_t* p) { return f16_to_float(load_as<uint16_t>(p)); });
    case DType::BF16: return gather(t, base, 2, dst, [](const uint8_t* p) { return bf16_to_float(load_as<uint16_t>(p)); });
    case DType::I64: return gather(t, base, 8, dst, [](const uint8_t* p) { return load_as<int64_t>(p); });
    case DType::I32: return gather(t, base, 4, dst, [](const uint8_t* p) { return load_as<int32_t>(p); });
    case DType::I16: return gather(t, base, 2, dst, [](const uint8_t* p) { return load_as<int16_t>(p); });
    case DType::I8: return gather(t, base, 1, dst, [](const uint8_t* p) { return load_as<int8_t>(p); });
    case DType::U8: return gather(t, base, 1, dst, [](const uint8_t* p) { return p[0]; });
    case DType::BOOL: return gather(t, base, 1, dst, [](const uint8_t* p) { return p[0] != 0; });
  }
}

bool is_float(DType d) { return d == DType::F32 || d == DType::F64 || d == DType::F16 || d == DType::BF16; }

}  // namespace

bool is_dropped_torch_buffer(const std::string& name) {
  constexpr std::string_view kSuffix = ".position_ids";
  return name == "position_ids" || std::string_view(name).ends_with(kSuffix);
}

TorchCheckpoint::~TorchCheckpoint() = default;

std::shared_ptr<const TorchCheckpoint> TorchCheckpoint::open(const std::filesystem::path& path) {
  // Read into the heap rather than mapped: F32 tensors are used in place in this buffer for as
  // long as the model lives, and a mapping would turn a later change of the file into SIGBUS.
  auto file = CheckedFile::open(path);
  std::shared_ptr<const uint8_t[]> buffer = file->read_all();
  const std::span<const uint8_t> bytes(buffer.get(), file->size());
  return from_bytes(bytes, buffer, path.filename().string());
}

std::shared_ptr<const TorchCheckpoint> TorchCheckpoint::from_bytes(std::span<const uint8_t> bytes,
                                                                   std::shared_ptr<const void> keep_alive,
                                                                   std::string label) {
  std::shared_ptr<TorchCheckpoint> ckpt(new TorchCheckpoint());
  ckpt->label_ = std::move(label);
  ckpt->keep_alive_ = std::move(keep_alive);
  ckpt->load(bytes);
  return ckpt;
}

void TorchCheckpoint::fail(const std::string& what) const { throw Error(label_ + ": " + what); }

void TorchCheckpoint::load(std::span<const uint8_t> bytes) {
  reject_legacy_format(bytes, label_);
  zip_ = std::make_unique<ZipArchive>(bytes, label_);
  find_prefix();
  check_byte_order();
  const ZipMember& pkl = *zip_->find(prefix_ + "/data.pkl");
  zip_->verify_crc(pkl);
  const StateDictPickle dict = parse_state_dict_pickle(zip_->stored_data(pkl), label_);
  resolve_storages(dict.storages, dict.tensors);
  add_tensors(dict.tensors);
}

// The top folder is the file stem at save time ("pytorch_model", "archive", ...): find the one
// folder holding data.pkl rather than assume its name.
void TorchCheckpoint::find_prefix() {
  constexpr std::string_view kPickle = "/data.pkl";
  std::vector<std::string> found;
  for (const auto& m : zip_->members()) {
    const std::string_view n = m.name;
    if (n.size() > kPickle.size() && n.ends_with(kPickle) && n.find('/') == n.size() - kPickle.size())
      found.emplace_back(n.substr(0, n.size() - kPickle.size()));
  }
  if (found.empty()) fail("no '<folder>/data.pkl' record in the zip archive; this is not a torch.save checkpoint");
  if (found.size() > 1)
    fail("several data.pkl records ('" + printable_name(found[0]) + "/data.pkl', '" + printable_name(found[1]) +
         "/data.pkl'); expected one checkpoint per file");
  prefix_ = found[0];
}

// torch >= 2.1 records the byte order of the storages; older files are little-endian.
void TorchCheckpoint::check_byte_order() const {
  const ZipMember* m = zip_->find(prefix_ + "/byteorder");
  if (!m) return;
  const auto data = zip_->stored_data(*m);
  const std::string_view order(reinterpret_cast<const char*>(data.data()), data.size());
  if (order == "little") return;
  if (order == "big") fail("was saved on a big-endian machine (byteorder 'big'); only little-endian checkpoints are supported");
  fail("unexpected content in record '" + printable_name(m->name) + "' (expected 'little')");
}

// Each storage's record must hold exactly numel x element size bytes: torch itself trusts numel
// and reads past a short record.
void TorchCheckpoint::resolve_storages(const std::vector<PickledStorage>& storages,
                                       const std::vector<PickledTensor>& tensors) {
  std::vector<const std::string*> first_user(storages.size(), nullptr);
  for (const auto& t : tensors)
    if (!first_user[t.storage]) first_user[t.storage] = &t.name;
  for (size_t i = 0; i < storages.size(); ++i) {
    const PickledStorage& s = storages[i];
    TorchStorageInfo info{s.key, s.dtype, s.numel, prefix_ + "/data/" + s.key, s.location};
    const std::string who = (first_user[i] ? "tensor '" + *first_user[i] + "': " : std::string()) + "storage '" + s.key +
                            "' (" + s.type_name + " of " + std::to_string(s.numel) + " elements)";
    const ZipMember* record = zip_->find(info.record);
    if (!record) fail(who + " has no record '" + printable_name(info.record) + "' in the archive");
    const uint64_t size = zip_->stored_data(*record).size();
    const uint64_t elem = dtype_size(s.dtype);
    if (s.numel > std::numeric_limits<uint64_t>::max() / elem) fail(who + ": the element count overflows");
    if (size != s.numel * elem)
      fail(who + " needs " + std::to_string(s.numel * elem) + " bytes, but its record '" + printable_name(info.record) + "' holds " +
           std::to_string(size) + " bytes; the file is truncated or corrupt");
    storage_index_.emplace(s.key, storages_.size());
    storages_.push_back(std::move(info));
    records_.push_back(record);
  }
  crc_checked_ = std::make_unique<std::atomic<bool>[]>(storages_.size());
}

void TorchCheckpoint::add_tensors(const std::vector<PickledTensor>& tensors) {
  for (const auto& p : tensors) {
    const TorchStorageInfo& s = storages_[p.storage];
    TorchTensorInfo t{p.name, s.dtype, p.size, p.stride, p.storage_offset, s.key};
    check_view(t);
    index_.emplace(t.name, tensors_.size());
    tensors_.push_back(std::move(t));
  }
}

// offset + sum((size_d - 1) * stride_d) is the furthest element the view reaches: it must lie in
// the storage. Sizes, strides and the offset are non-negative (the unpickler checked).
void TorchCheckpoint::check_view(const TorchTensorInfo& t) const {
  const TorchStorageInfo& s = storage(t.storage_key);
  const std::string view = "tensor '" + t.name + "' (size " + shape_to_string(t.shape) + ", stride " + shape_to_string(t.stride) +
                           ", storage offset " + std::to_string(t.storage_offset) + ")";
  int64_t n = 1;
  for (int64_t d : t.shape)
    if (__builtin_mul_overflow(n, d, &n)) fail(view + ": the element count overflows");
  if (n == 0) return;
  int64_t reach = t.storage_offset;
  for (size_t d = 0; d < t.shape.size(); ++d) {
    int64_t term = 0;
    if (__builtin_mul_overflow(t.shape[d] - 1, t.stride[d], &term) || __builtin_add_overflow(reach, term, &reach))
      fail(view + ": the furthest element overflows");
  }
  if (static_cast<uint64_t>(reach) >= s.numel)
    fail(view + " reaches element " + std::to_string(reach) + " of storage '" + s.key + "', which has only " +
         std::to_string(s.numel) + " elements; the file is corrupt");
  if (static_cast<uint64_t>(n) > s.numel && n > kMaxRepeatingViewElements)
    fail(view + " repeats elements of storage '" + s.key + "' to " + std::to_string(n) + " elements (limit " +
         std::to_string(kMaxRepeatingViewElements) + " for views larger than their storage)");
}

const TorchTensorInfo& TorchCheckpoint::info(const std::string& name) const {
  auto it = index_.find(name);
  if (it == index_.end()) fail("missing tensor '" + name + "'");
  return tensors_[it->second];
}

size_t TorchCheckpoint::storage_index(const std::string& key) const {
  auto it = storage_index_.find(key);
  if (it == storage_index_.end()) fail("no storage '" + key + "'");
  return it->second;
}

const TorchStorageInfo& TorchCheckpoint::storage(const std::string& key) const { return storages_[storage_index(key)]; }

std::span<const uint8_t> TorchCheckpoint::storage_bytes(const std::string& key) const {
  const size_t i = storage_index(key);
  if (!crc_checked_[i].load(std::memory_order_acquire)) {
    zip_->verify_crc(*records_[i]);
    crc_checked_[i].store(true, std::memory_order_release);
  }
  return zip_->stored_data(*records_[i]);
}

Tensor TorchCheckpoint::read_f32(const std::string& name) const {
  const TorchTensorInfo& t = info(name);
  const auto bytes = storage_bytes(t.storage_key);
  // Contiguous F32 is used in place, like safetensors: torch aligns records to 64 bytes.
  if (t.dtype == DType::F32 && numel(t.shape) > 0 && is_contiguous(t)) {
    const uint8_t* p = bytes.data() + static_cast<size_t>(t.storage_offset) * 4;
    if (reinterpret_cast<uintptr_t>(p) % alignof(float) == 0)
      return Tensor(t.shape, reinterpret_cast<const float*>(p), keep_alive_);
  }
  Tensor out(t.shape);
  convert(t, bytes.data(), out.mutable_data());
  return out;
}

std::vector<double> TorchCheckpoint::read_f64(const std::string& name) const {
  const TorchTensorInfo& t = info(name);
  const auto bytes = storage_bytes(t.storage_key);
  std::vector<double> out(static_cast<size_t>(numel(t.shape)));
  convert(t, bytes.data(), out.data());
  return out;
}

std::vector<int64_t> TorchCheckpoint::read_i64(const std::string& name) const {
  const TorchTensorInfo& t = info(name);
  if (is_float(t.dtype))
    fail("tensor '" + name + "' is " + dtype_name(t.dtype) + "; read_i64 reads integer and bool tensors");
  const auto bytes = storage_bytes(t.storage_key);
  std::vector<int64_t> out(static_cast<size_t>(numel(t.shape)));
  convert(t, bytes.data(), out.data());
  return out;
}

std::string TorchCheckpoint::dominant_dtype() const {
  std::map<std::string, uint64_t> bytes_per_dtype;
  std::map<std::string, bool> counted;  // storage keys: shared storages count once
  for (const auto& t : tensors_) {
    if (!is_float(t.dtype) || is_dropped_torch_buffer(t.name) || counted[t.storage_key]) continue;
    counted[t.storage_key] = true;
    const TorchStorageInfo& s = storage(t.storage_key);
    bytes_per_dtype[dtype_name(s.dtype)] += s.numel * dtype_size(s.dtype);
  }
  std::string best = "none";
  uint64_t most = 0;
  for (const auto& [name, bytes] : bytes_per_dtype) {
    if (best != "none" && bytes <= most) continue;
    best = name;
    most = bytes;
  }
  return best;
}

namespace {

class TorchCheckpointSource final : public TensorSource {
 public:
  explicit TorchCheckpointSource(std::shared_ptr<const TorchCheckpoint> ckpt) : ckpt_(std::move(ckpt)) {}
  bool has(const std::string& name) const override { return !is_dropped_torch_buffer(name) && ckpt_->contains(name); }
  Tensor get(const std::string& name, const Shape& expected) const override {
    if (!has(name)) throw Error(ckpt_->label() + ": missing tensor '" + name + "'");
    const TorchTensorInfo& ti = ckpt_->info(name);
    if (ti.shape != expected)
      throw Error(ckpt_->label() + ": tensor '" + name + "' has shape " + shape_to_string(ti.shape) + ", expected " +
                  shape_to_string(expected) + " from config.json");
    return ckpt_->read_f32(name);
  }
  std::string dtype() const override { return ckpt_->dominant_dtype(); }
  std::string label() const override { return ckpt_->label(); }

 private:
  std::shared_ptr<const TorchCheckpoint> ckpt_;
};

}  // namespace

std::unique_ptr<TensorSource> open_torch_checkpoint(const std::filesystem::path& bin_file) {
  return std::make_unique<TorchCheckpointSource>(TorchCheckpoint::open(bin_file));
}

}  // namespace as
