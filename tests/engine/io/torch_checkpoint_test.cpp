// The safe pytorch_model.bin reader (io/torch_zip, io/torch_pickle, io/torch_checkpoint): the
// malicious and broken files of ../shared/models/pickle-attacks are refused with their specific
// messages, the dtype zoo loads exactly as torch does, the real BERT .bin lists and decodes
// correctly (down to a forward pass against the golden outputs), and mutated copies of the valid
// files only ever raise as::Error. The mutated copies live in exactly-sized heap buffers so that
// AddressSanitizer would flag any read outside them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <typeinfo>
#include <vector>

#include "core/error.h"
#include "core/half.h"
#include "io/config.h"
#include "io/torch_checkpoint.h"
#include "io/torch_pickle.h"
#include "io/torch_zip.h"
#include "models/bert.h"
#include "models/tensor_source.h"
#include "support/golden.h"
#include "support/test_support.h"

namespace as {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Bytes = std::vector<uint8_t>;

fs::path attacks_dir() { return test::models_dir() / "pickle-attacks"; }
fs::path zoo_bin() { return attacks_dir() / "valid-dtype-zoo" / "pytorch_model.bin"; }
fs::path bert_dir() { return test::models_dir() / "random-bert-uncased-L2-H64-bin"; }

Bytes read_bytes(const fs::path& path) {
  const std::string s = test::read_file(path);
  return Bytes(s.begin(), s.end());
}

// `fn` must throw an as::Error whose message contains every fragment.
void expect_error(const std::function<void()>& fn, const std::vector<std::string>& fragments) {
  try {
    fn();
  } catch (const Error& e) {
    const std::string msg = e.what();
    for (const auto& f : fragments) EXPECT_NE(msg.find(f), std::string::npos) << "message: " << msg << "\nmissing: " << f;
    return;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "threw " << typeid(e).name() << " instead of as::Error: " << e.what();
    return;
  }
  ADD_FAILURE() << "no error; expected one containing '" << fragments.front() << "'";
}

std::shared_ptr<const TorchCheckpoint> open_bytes(const Bytes& bytes) {
  auto owned = std::make_shared<const Bytes>(bytes);
  return TorchCheckpoint::from_bytes(*owned, owned, "pytorch_model.bin");
}

bool is_float(DType d) { return d == DType::F32 || d == DType::F64 || d == DType::F16 || d == DType::BF16; }

// ---- builders for synthetic pickles and archives ------------------------------------------------

void put_le(Bytes& b, uint64_t v, int n) {
  for (int i = 0; i < n; ++i) b.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

// Emits pickle opcodes the way torch's protocol-2 pickler does (plus whatever a test needs).
class Pickle {
 public:
  Pickle& op(uint8_t c) {
    b_.push_back(c);
    return *this;
  }
  Pickle& text(const std::string& s) {
    b_.insert(b_.end(), s.begin(), s.end());
    return *this;
  }
  Pickle& proto() { return op(0x80).op(2); }
  Pickle& global(const std::string& module, const std::string& name) { return op('c').text(module + "\n" + name + "\n"); }
  Pickle& str(const std::string& s) {
    op('X');
    put_le(b_, s.size(), 4);
    return text(s);
  }
  Pickle& integer(int64_t v) {  // LONG1 with 8 bytes: any int64, including negatives
    op(0x8a).op(8);
    put_le(b_, static_cast<uint64_t>(v), 8);
    return *this;
  }
  Pickle& ints(const std::vector<int64_t>& v) {
    op('(');
    for (int64_t x : v) integer(x);
    return op('t');
  }
  Pickle& ordered_dict() { return global("collections", "OrderedDict").op(')').op('R'); }
  Pickle& storage(const std::string& type, const std::string& key, int64_t numel, const std::string& location = "cpu") {
    op('(').str("storage").global("torch", type).str(key).str(location).integer(numel).op('t');
    return op('Q');
  }
  // _rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())
  Pickle& tensor(const std::string& type, const std::string& key, int64_t numel, int64_t offset, const Shape& size,
                 const std::vector<int64_t>& stride) {
    global("torch._utils", "_rebuild_tensor_v2").op('(');
    storage(type, key, numel).integer(offset).ints(size).ints(stride).op(0x89).ordered_dict();
    return op('t').op('R');
  }
  const Bytes& bytes() const { return b_; }

 private:
  Bytes b_;
};

struct TensorSpec {
  std::string name, type, key;
  int64_t numel = 0, offset = 0;
  Shape size;
  std::vector<int64_t> stride;
};

// OrderedDict([(name, tensor), ...]) as torch.save writes a state dict.
Bytes state_dict_pickle(const std::vector<TensorSpec>& specs) {
  Pickle p;
  p.proto().ordered_dict().op('(');
  for (const auto& s : specs) p.str(s.name).tensor(s.type, s.key, s.numel, s.offset, s.size, s.stride);
  return p.op('u').op('.').bytes();
}

struct ZipEntry {
  std::string name;
  Bytes data{};
  uint16_t method = 0;
  std::optional<uint32_t> crc{};  // default: the real CRC-32
};

// A plain zip writer (no data descriptors, unlike torch); `zip64` adds zip64 extra fields with
// sentinel sizes and offsets and the zip64 end records.
Bytes write_zip(const std::vector<ZipEntry>& entries, bool zip64 = false) {
  Bytes out, central;
  const uint32_t sentinel = 0xFFFFFFFFu;
  for (const auto& e : entries) {
    const uint64_t offset = out.size();
    const uint32_t crc = e.crc.value_or(crc32(e.data));
    const uint64_t size = e.data.size();
    put_le(out, 0x04034b50, 4);
    put_le(out, 45, 2);
    put_le(out, 0x0800, 2);
    put_le(out, e.method, 2);
    put_le(out, 0, 4);  // time, date
    put_le(out, crc, 4);
    put_le(out, zip64 ? sentinel : size, 4);
    put_le(out, zip64 ? sentinel : size, 4);
    put_le(out, e.name.size(), 2);
    put_le(out, zip64 ? 20 : 0, 2);
    out.insert(out.end(), e.name.begin(), e.name.end());
    if (zip64) {
      put_le(out, 0x0001, 2);
      put_le(out, 16, 2);
      put_le(out, size, 8);
      put_le(out, size, 8);
    }
    out.insert(out.end(), e.data.begin(), e.data.end());

    put_le(central, 0x02014b50, 4);
    put_le(central, 45, 2);
    put_le(central, 45, 2);
    put_le(central, 0x0800, 2);
    put_le(central, e.method, 2);
    put_le(central, 0, 4);
    put_le(central, crc, 4);
    put_le(central, zip64 ? sentinel : size, 4);
    put_le(central, zip64 ? sentinel : size, 4);
    put_le(central, e.name.size(), 2);
    put_le(central, zip64 ? 28 : 0, 2);
    put_le(central, 0, 2);  // comment
    put_le(central, 0, 2);  // disk
    put_le(central, 0, 2);  // internal attributes
    put_le(central, 0, 4);  // external attributes
    put_le(central, zip64 ? sentinel : offset, 4);
    central.insert(central.end(), e.name.begin(), e.name.end());
    if (zip64) {
      put_le(central, 0x0001, 2);
      put_le(central, 24, 2);
      put_le(central, size, 8);
      put_le(central, size, 8);
      put_le(central, offset, 8);
    }
  }
  const uint64_t cd_offset = out.size();
  out.insert(out.end(), central.begin(), central.end());
  if (zip64) {
    const uint64_t rec = out.size();
    put_le(out, 0x06064b50, 4);
    put_le(out, 44, 8);
    put_le(out, 45, 2);
    put_le(out, 45, 2);
    put_le(out, 0, 4);
    put_le(out, 0, 4);
    put_le(out, entries.size(), 8);
    put_le(out, entries.size(), 8);
    put_le(out, central.size(), 8);
    put_le(out, cd_offset, 8);
    put_le(out, 0x07064b50, 4);
    put_le(out, 0, 4);
    put_le(out, rec, 8);
    put_le(out, 1, 4);
  }
  put_le(out, 0x06054b50, 4);
  put_le(out, 0, 4);
  put_le(out, zip64 ? 0xFFFF : entries.size(), 2);
  put_le(out, zip64 ? 0xFFFF : entries.size(), 2);
  put_le(out, zip64 ? sentinel : central.size(), 4);
  put_le(out, zip64 ? sentinel : cd_offset, 4);
  put_le(out, 0, 2);
  return out;
}

Bytes floats(const std::vector<float>& v) {
  Bytes b(v.size() * 4);
  std::memcpy(b.data(), v.data(), b.size());
  return b;
}

// <prefix>/data.pkl, <prefix>/data/<key> for every record, <prefix>/version.
Bytes make_checkpoint(const Bytes& pickle, const std::map<std::string, Bytes>& records, const std::string& prefix = "archive") {
  std::vector<ZipEntry> entries{{prefix + "/data.pkl", pickle}};
  for (const auto& [key, data] : records) entries.push_back({prefix + "/data/" + key, data});
  entries.push_back({prefix + "/version", {'3', '\n'}});
  return write_zip(entries);
}

// The zoo's members, renamed from pytorch_model/... to <prefix>/...
std::vector<ZipEntry> zoo_entries(const std::string& prefix) {
  const Bytes raw = read_bytes(zoo_bin());
  const ZipArchive zip(raw, "zoo");
  std::vector<ZipEntry> out;
  for (const auto& m : zip.members()) {
    const auto data = zip.stored_data(m);
    out.push_back({prefix + m.name.substr(m.name.find('/')), Bytes(data.begin(), data.end())});
  }
  return out;
}

// ---- pickle-attacks ------------------------------------------------------------------------------

// Every attack folder and the fragments its error must contain: the file, the culprit, the reason.
const std::map<std::string, std::vector<std::string>>& attack_messages() {
  static const std::map<std::string, std::vector<std::string>> m = {
      {"non-whitelisted-global",
       {"pytorch_model.bin: refusing to load: the pickle calls '__builtin__.print', which is not part of a PyTorch "
        "state dict (allowed: collections.OrderedDict, torch._utils._rebuild_tensor_v2, torch.*Storage)"}},
      {"truncated-zip",
       {"pytorch_model.bin: not a complete zip archive (no end-of-central-directory record); the file is truncated or "
        "corrupt"}},
      {"tensor-larger-than-storage",
       {"pytorch_model.bin: tensor 'bert.embeddings.LayerNorm.weight' (size [64], stride [1], storage offset 0)",
        "reaches element 63 of storage '0', which has only 32 elements"}},
      {"storage-record-too-short",
       {"pytorch_model.bin: tensor 'bert.embeddings.LayerNorm.weight': storage '0' (FloatStorage of 64 elements)",
        "needs 256 bytes, but its record 'pytorch_model/data/0' holds 128 bytes"}},
  };
  return m;
}

class TorchPickleAttacks : public ::testing::TestWithParam<std::string> {};

TEST_P(TorchPickleAttacks, RefusedWithItsSpecificMessage) {
  AS_REQUIRE_SHARED();
  const fs::path file = attacks_dir() / GetParam() / "pytorch_model.bin";
  const auto& fragments = attack_messages().at(GetParam());
  expect_error([&] { TorchCheckpoint::open(file); }, fragments);
  expect_error([&] { open_torch_checkpoint(file); }, fragments);
  expect_error([&] { open_bytes(read_bytes(file)); }, fragments);
}

INSTANTIATE_TEST_SUITE_P(SharedFiles, TorchPickleAttacks,
                         ::testing::Values("non-whitelisted-global", "truncated-zip", "tensor-larger-than-storage",
                                           "storage-record-too-short"),
                         [](const auto& param_info) {
                           std::string n = param_info.param;
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

// A new attack file dropped into the folder must get a test (and a message) too.
TEST(TorchPickleAttackFolder, EveryFolderIsCovered) {
  AS_REQUIRE_SHARED();
  size_t folders = 0;
  for (const auto& entry : fs::directory_iterator(attacks_dir())) {
    if (!entry.is_directory()) continue;
    ++folders;
    const std::string name = entry.path().filename().string();
    if (name == "valid-dtype-zoo") continue;
    EXPECT_TRUE(attack_messages().count(name)) << "pickle-attacks/" << name << " has no expected message in this test";
  }
  EXPECT_EQ(folders, attack_messages().size() + 1);
}

// ---- valid-dtype-zoo -----------------------------------------------------------------------------

std::string safetensors_dtype(const std::string& torch_dtype) {
  static const std::map<std::string, std::string> m = {
      {"float32", "F32"}, {"float64", "F64"}, {"float16", "F16"}, {"bfloat16", "BF16"}, {"int64", "I64"},
      {"int32", "I32"},   {"int16", "I16"},   {"int8", "I8"},     {"uint8", "U8"},      {"bool", "BOOL"}};
  return m.at(torch_dtype);
}

// Every tensor against expected.json (written from torch.load): dtype, geometry and values.
void expect_matches_zoo(const TorchCheckpoint& ckpt) {
  const json expected = test::read_json(attacks_dir() / "valid-dtype-zoo" / "expected.json")["tensors"];
  size_t count = 0;
  for (const auto& [name, e] : expected.items()) {
    if (name.front() == '_') continue;
    ++count;
    SCOPED_TRACE(name);
    ASSERT_TRUE(ckpt.contains(name));
    const TorchTensorInfo& t = ckpt.info(name);
    EXPECT_EQ(dtype_name(t.dtype), safetensors_dtype(e["dtype"].get<std::string>()));
    EXPECT_EQ(t.shape, e["shape"].get<Shape>());
    EXPECT_EQ(t.stride, e["stride"].get<std::vector<int64_t>>());
    EXPECT_EQ(t.storage_offset, e["storage_offset"].get<int64_t>());
    const json& values = e["values_c_order"];
    const Tensor f = ckpt.read_f32(name);
    ASSERT_EQ(static_cast<size_t>(f.size()), values.size());
    if (is_float(t.dtype)) {
      const std::vector<double> d = ckpt.read_f64(name);
      for (size_t i = 0; i < values.size(); ++i) {
        EXPECT_EQ(d[i], values[i].get<double>()) << "element " << i;
        EXPECT_EQ(f.data()[i], static_cast<float>(values[i].get<double>())) << "element " << i;
      }
    } else {
      const std::vector<int64_t> v = ckpt.read_i64(name);
      for (size_t i = 0; i < values.size(); ++i) {
        const int64_t want = values[i].is_boolean() ? int64_t{values[i].get<bool>()} : values[i].get<int64_t>();
        EXPECT_EQ(v[i], want) << "element " << i;
        EXPECT_EQ(f.data()[i], static_cast<float>(want)) << "element " << i;
      }
    }
  }
  EXPECT_EQ(count, ckpt.tensors().size());
  for (const auto& group : expected["_shared_storage"]) {
    const std::string first = group[0].get<std::string>();
    for (const auto& other : group) {
      EXPECT_EQ(ckpt.info(other.get<std::string>()).storage_key, ckpt.info(first).storage_key) << other;
      EXPECT_EQ(ckpt.storage_bytes(ckpt.info(other.get<std::string>()).storage_key).data(),
                ckpt.storage_bytes(ckpt.info(first).storage_key).data());
    }
  }
}

TEST(TorchDtypeZoo, EveryTensorMatchesExpectedJson) {
  AS_REQUIRE_SHARED();
  const auto ckpt = TorchCheckpoint::open(zoo_bin());
  EXPECT_EQ(ckpt->prefix(), "pytorch_model");
  EXPECT_EQ(ckpt->label(), "pytorch_model.bin");
  EXPECT_EQ(ckpt->storages().size(), 13u);
  expect_matches_zoo(*ckpt);
}

TEST(TorchDtypeZoo, IntegerReadsOfFloatTensorsAreRefused) {
  AS_REQUIRE_SHARED();
  const auto ckpt = TorchCheckpoint::open(zoo_bin());
  expect_error([&] { ckpt->read_i64("f16"); }, {"pytorch_model.bin: tensor 'f16' is F16; read_i64 reads integer"});
  expect_error([&] { ckpt->info("nope"); }, {"pytorch_model.bin: missing tensor 'nope'"});
}

TEST(TorchDtypeZoo, TensorSourceChecksShapesLikeWeightStore) {
  AS_REQUIRE_SHARED();
  const auto source = open_torch_checkpoint(zoo_bin());
  EXPECT_EQ(source->label(), "pytorch_model.bin");
  EXPECT_EQ(source->dtype(), "F32");  // 68 bytes of F32 storages against 24 F64, 12 F16, 10 BF16
  ASSERT_TRUE(source->has("f32_transposed_view"));
  const Tensor t = source->get("f32_transposed_view", {3, 2});
  EXPECT_EQ(std::vector<float>(t.values().begin(), t.values().end()),
            (std::vector<float>{-1.0f, 0.5f, -0.5f, 1.0f, 0.0f, 1.5f}));
  const Tensor i = source->get("i64_position_ids", {1, 8});  // integer tensors read as float32
  EXPECT_EQ(i.data()[7], 7.0f);
  expect_error([&] { source->get("f32", {3, 2}); },
               {"pytorch_model.bin: tensor 'f32' has shape [2, 3], expected [3, 2] from config.json"});
  EXPECT_FALSE(source->has("missing"));
  expect_error([&] { source->get("missing", {1}); }, {"pytorch_model.bin: missing tensor 'missing'"});
}

// ---- the real BERT .bin --------------------------------------------------------------------------

struct ExpectedEntry {
  std::string name;
  Shape shape;
};

// The 49 entries in file order (../shared/models/README.md, random-bert-uncased-L2-H64-bin), with
// the shapes config.json implies.
std::vector<ExpectedEntry> bert_entries(const json& c) {
  const int64_t h = c["hidden_size"], inter = c["intermediate_size"], v = c["vocab_size"];
  const int64_t p = c["max_position_embeddings"], types = c["type_vocab_size"], layers = c["num_hidden_layers"];
  std::vector<ExpectedEntry> e = {{"bert.embeddings.position_ids", {1, p}},
                                  {"bert.embeddings.word_embeddings.weight", {v, h}},
                                  {"bert.embeddings.position_embeddings.weight", {p, h}},
                                  {"bert.embeddings.token_type_embeddings.weight", {types, h}},
                                  {"bert.embeddings.LayerNorm.weight", {h}},
                                  {"bert.embeddings.LayerNorm.bias", {h}}};
  auto linear = [&](const std::string& prefix, int64_t in, int64_t out) {
    e.push_back({prefix + ".weight", {out, in}});
    e.push_back({prefix + ".bias", {out}});
  };
  auto norm = [&](const std::string& prefix) {
    e.push_back({prefix + ".weight", {h}});
    e.push_back({prefix + ".bias", {h}});
  };
  for (int64_t l = 0; l < layers; ++l) {
    const std::string layer = "bert.encoder.layer." + std::to_string(l);
    for (const char* m : {".attention.self.query", ".attention.self.key", ".attention.self.value"}) linear(layer + m, h, h);
    linear(layer + ".attention.output.dense", h, h);
    norm(layer + ".attention.output.LayerNorm");
    linear(layer + ".intermediate.dense", h, inter);
    linear(layer + ".output.dense", inter, h);
    norm(layer + ".output.LayerNorm");
  }
  linear("bert.pooler.dense", h, h);
  e.push_back({"cls.predictions.bias", {v}});
  linear("cls.predictions.transform.dense", h, h);
  norm("cls.predictions.transform.LayerNorm");
  linear("cls.predictions.decoder", h, v);
  linear("cls.seq_relationship", h, 2);
  return e;
}

TEST(TorchBertBin, ListsEveryEntryWithItsShapeAndStorage) {
  AS_REQUIRE_SHARED();
  const auto ckpt = TorchCheckpoint::open(bert_dir() / "pytorch_model.bin");
  const auto expected = bert_entries(test::read_json(bert_dir() / "config.json"));
  EXPECT_EQ(ckpt->prefix(), "pytorch_model");
  ASSERT_EQ(ckpt->tensors().size(), 49u);
  ASSERT_EQ(expected.size(), 49u);
  EXPECT_EQ(ckpt->storages().size(), 47u);
  for (size_t i = 0; i < expected.size(); ++i) {
    const TorchTensorInfo& t = ckpt->tensors()[i];
    SCOPED_TRACE(t.name);
    EXPECT_EQ(t.name, expected[i].name);
    EXPECT_EQ(t.shape, expected[i].shape);
    EXPECT_EQ(t.storage_offset, 0);
    EXPECT_EQ(t.dtype, i == 0 ? DType::I64 : DType::F16);
    EXPECT_EQ(ckpt->storage(t.storage_key).location, "cpu");
    EXPECT_EQ(ckpt->storage(t.storage_key).record, "pytorch_model/data/" + t.storage_key);
  }
  EXPECT_EQ(ckpt->info("bert.embeddings.position_ids").stride, (std::vector<int64_t>{512, 1}));
  EXPECT_EQ(ckpt->info("bert.encoder.layer.1.output.dense.weight").stride, (std::vector<int64_t>{256, 1}));
  EXPECT_EQ(ckpt->dominant_dtype(), "F16");
}

TEST(TorchBertBin, SharedStoragesResolveToOneRecord) {
  AS_REQUIRE_SHARED();
  const auto ckpt = TorchCheckpoint::open(bert_dir() / "pytorch_model.bin");
  const std::pair<const char*, const char*> shared[] = {
      {"cls.predictions.decoder.weight", "bert.embeddings.word_embeddings.weight"},
      {"cls.predictions.decoder.bias", "cls.predictions.bias"}};
  EXPECT_EQ(ckpt->info("bert.embeddings.word_embeddings.weight").storage_key, "1");
  EXPECT_EQ(ckpt->info("cls.predictions.bias").storage_key, "40");
  for (const auto& [a, b] : shared) {
    SCOPED_TRACE(a);
    EXPECT_EQ(ckpt->info(a).storage_key, ckpt->info(b).storage_key);
    EXPECT_EQ(ckpt->storage_bytes(ckpt->info(a).storage_key).data(), ckpt->storage_bytes(ckpt->info(b).storage_key).data());
    const Tensor ta = ckpt->read_f32(a), tb = ckpt->read_f32(b);
    ASSERT_EQ(ta.size(), tb.size());
    EXPECT_EQ(std::memcmp(ta.data(), tb.data(), static_cast<size_t>(ta.size()) * 4), 0);
  }
}

// IEEE half decoded from its fields, independently of core/half.h (finite values).
double decode_half_by_hand(uint16_t h) {
  const int sign = (h >> 15) ? -1 : 1, exp = (h >> 10) & 0x1F, mant = h & 0x3FF;
  if (exp == 0) return sign * std::ldexp(mant / 1024.0, -14);  // zero and subnormals
  return sign * std::ldexp(1.0 + mant / 1024.0, exp - 15);
}

// Finds a member's bytes by scanning for its local header: no help from the reader under test.
size_t record_offset_by_hand(const Bytes& raw, const std::string& name) {
  for (size_t pos = 0; pos + 30 + name.size() <= raw.size(); ++pos) {
    if (raw[pos] != 'P' || raw[pos + 1] != 'K' || raw[pos + 2] != 3 || raw[pos + 3] != 4) continue;
    const size_t name_len = raw[pos + 26] | raw[pos + 27] << 8, extra_len = raw[pos + 28] | raw[pos + 29] << 8;
    if (std::string(raw.begin() + static_cast<std::ptrdiff_t>(pos + 30),
                    raw.begin() + static_cast<std::ptrdiff_t>(pos + 30 + name_len)) == name)
      return pos + 30 + name_len + extra_len;
  }
  return SIZE_MAX;
}

TEST(TorchBertBin, ValuesMatchHandDecodedRecordBytes) {
  AS_REQUIRE_SHARED();
  const Bytes raw = read_bytes(bert_dir() / "pytorch_model.bin");
  const auto ckpt = TorchCheckpoint::open(bert_dir() / "pytorch_model.bin");
  // Word embeddings: storage '1', F16, [30522, 64]. Values decoded with Python's struct '<e'.
  const size_t we = record_offset_by_hand(raw, "pytorch_model/data/1");
  ASSERT_NE(we, SIZE_MAX);
  const Tensor w = ckpt->read_f32("bert.embeddings.word_embeddings.weight");
  const std::pair<int64_t, double> known[] = {
      {0, 0.62158203125}, {1, 0.298828125}, {2, -1.130859375}, {3, 0.37890625}, {64 * 1000 + 5, -0.53662109375},
      {30522 * 64 - 1, -0.01348876953125}};
  for (const auto& [i, value] : known) {
    const auto at = we + 2 * static_cast<size_t>(i);
    const auto bits = static_cast<uint16_t>(raw[at] | raw[at + 1] << 8);
    EXPECT_EQ(decode_half_by_hand(bits), value) << "element " << i;
    EXPECT_EQ(static_cast<double>(w.data()[i]), value) << "element " << i;
  }
  // A [64, 256] matrix: every element against the record, in row-major order.
  const std::string name = "bert.encoder.layer.1.output.dense.weight";
  const size_t at = record_offset_by_hand(raw, "pytorch_model/data/" + ckpt->info(name).storage_key);
  ASSERT_NE(at, SIZE_MAX);
  const Tensor m = ckpt->read_f32(name);
  for (int64_t i = 0; i < m.size(); ++i) {
    const auto bits = static_cast<uint16_t>(raw[at + 2 * i] | raw[at + 2 * i + 1] << 8);
    ASSERT_EQ(static_cast<double>(m.data()[i]), decode_half_by_hand(bits)) << "element " << i;
  }
  // position_ids: an arange of int64.
  const std::vector<int64_t> pos = ckpt->read_i64("bert.embeddings.position_ids");
  ASSERT_EQ(pos.size(), 512u);
  for (size_t i = 0; i < pos.size(); ++i) ASSERT_EQ(pos[i], static_cast<int64_t>(i));
}

TEST(TorchBertBin, TensorSourceDropsPositionIdsAndChecksShapes) {
  AS_REQUIRE_SHARED();
  const auto source = open_torch_checkpoint(bert_dir() / "pytorch_model.bin");
  EXPECT_EQ(source->label(), "pytorch_model.bin");
  EXPECT_EQ(source->dtype(), "F16");
  EXPECT_FALSE(source->has("bert.embeddings.position_ids"));
  EXPECT_TRUE(source->has("cls.predictions.decoder.weight"));
  expect_error([&] { source->get("bert.embeddings.position_ids", {1, 512}); },
               {"pytorch_model.bin: missing tensor 'bert.embeddings.position_ids'"});
  expect_error([&] { source->get("bert.pooler.dense.weight", {64, 32}); },
               {"pytorch_model.bin: tensor 'bert.pooler.dense.weight' has shape [64, 64], expected [64, 32] from "
                "config.json"});
  EXPECT_EQ(source->get("bert.embeddings.LayerNorm.weight", {64}).size(), 64);
}

// The whole checkpoint through BertModel, against transformers' outputs for the "pair" case.
TEST(TorchBertBin, ForwardFromTheBinMatchesGolden) {
  AS_REQUIRE_SHARED();
  const auto source = open_torch_checkpoint(bert_dir() / "pytorch_model.bin");
  BertModel model(load_config(bert_dir() / "config.json"), *source, make_cpu_backend(1), LoadOptions{});
  const fs::path golden = test::golden_dir() / "random-bert-uncased-L2-H64-bin";
  const json g = test::read_json(golden / "pair.json");
  ForwardInput in;
  in.ids = g["input_ids"].get<std::vector<int32_t>>();
  in.token_type_ids = g["token_type_ids"].get<std::vector<int32_t>>();
  ForwardOptions options;
  options.logits_positions = std::vector<int64_t>{};
  const ForwardResult r = model.forward(in, options);
  const auto tensors = SafetensorsFile::open(golden / g["tensors_file"].get<std::string>());
  for (size_t i = 0; i < r.hidden_states.size(); ++i)
    test::expect_close(r.hidden_states[i], tensors->load_f32("hidden_states." + std::to_string(i)), test::kHiddenTol,
                       "hidden_states." + std::to_string(i));
  for (size_t l = 0; l < r.attentions.size(); ++l)
    test::expect_close(r.attentions[l], tensors->load_f32("attentions." + std::to_string(l)), test::kAttentionTol,
                       "attentions." + std::to_string(l));
  ASSERT_TRUE(r.nsp_logits.has_value());
  EXPECT_NEAR((*r.nsp_logits)[0], g["nsp"]["logits"][0].get<double>(), test::kLogitTol);
  EXPECT_NEAR((*r.nsp_logits)[1], g["nsp"]["logits"][1].get<double>(), test::kLogitTol);
}

// ---- synthetic archives: zip variants and container errors ---------------------------------------

TEST(TorchSyntheticCheckpoint, AnyTopFolderAndAPlainZipLoad) {
  AS_REQUIRE_SHARED();
  for (bool zip64 : {false, true}) {
    SCOPED_TRACE(zip64 ? "zip64" : "plain");
    const auto ckpt = open_bytes(write_zip(zoo_entries("archive"), zip64));
    EXPECT_EQ(ckpt->prefix(), "archive");
    EXPECT_EQ(ckpt->storage("0").record, "archive/data/0");
    expect_matches_zoo(*ckpt);
  }
}

TEST(TorchSyntheticCheckpoint, CompressedMemberIsRefused) {
  AS_REQUIRE_SHARED();
  auto entries = zoo_entries("archive");
  for (auto& e : entries)
    if (e.name == "archive/data/3") e.method = 8;
  expect_error([&] { open_bytes(write_zip(entries)); },
               {"pytorch_model.bin: zip member 'archive/data/3' is compressed (method 8, deflate)",
                "this reader does not decompress"});
}

TEST(TorchSyntheticCheckpoint, MissingRecordsAreRefused) {
  AS_REQUIRE_SHARED();
  auto entries = zoo_entries("archive");
  std::erase_if(entries, [](const ZipEntry& e) { return e.name == "archive/data/3"; });
  expect_error([&] { open_bytes(write_zip(entries)); },
               {"tensor 'f16': storage '3' (HalfStorage of 6 elements) has no record 'archive/data/3'"});
  std::erase_if(entries, [](const ZipEntry& e) { return e.name == "archive/data.pkl"; });
  expect_error([&] { open_bytes(write_zip(entries)); },
               {"pytorch_model.bin: no '<folder>/data.pkl' record in the zip archive"});
}

TEST(TorchSyntheticCheckpoint, MemberNamesInMessagesArePrintable) {
  AS_REQUIRE_SHARED();
  auto entries = zoo_entries("arch\xff\x01ive");
  for (auto& e : entries)
    if (e.name.ends_with("/data/3")) e.method = 8;
  expect_error([&] { open_bytes(write_zip(entries)); }, {"zip member 'arch\\xff\\x01ive/data/3' is compressed"});
}

TEST(TorchSyntheticCheckpoint, CrcMismatchIsReportedOnRead) {
  AS_REQUIRE_SHARED();
  auto entries = zoo_entries("archive");
  for (auto& e : entries) {
    if (e.name != "archive/data/0") continue;
    e.crc = crc32(e.data);
    e.data[0] ^= 0x40;
  }
  const auto ckpt = open_bytes(write_zip(entries));
  expect_error([&] { ckpt->read_f32("f32"); }, {"zip member 'archive/data/0' fails its CRC-32 check"});
  EXPECT_NO_THROW(ckpt->read_f32("f16"));
}

TEST(TorchSyntheticCheckpoint, BigEndianCheckpointIsRefused) {
  AS_REQUIRE_SHARED();
  auto entries = zoo_entries("archive");
  entries.push_back({"archive/byteorder", {'b', 'i', 'g'}});
  expect_error([&] { open_bytes(write_zip(entries)); }, {"big-endian"});
  entries.back().data = {'l', 'i', 't', 't', 'l', 'e'};
  EXPECT_NO_THROW(open_bytes(write_zip(entries)));
}

TEST(TorchSyntheticCheckpoint, NonZipInputsAreRefused) {
  Pickle legacy;
  legacy.proto().op(0x8a).op(10);
  expect_error([&] { open_bytes(legacy.bytes()); }, {"pytorch_model.bin: is a bare pickle stream", "legacy format"});
  expect_error([&] { open_bytes({'h', 'e', 'l', 'l', 'o'}); }, {"pytorch_model.bin: not a zip archive"});
  expect_error([&] { open_bytes({}); }, {"pytorch_model.bin: not a zip archive"});
}

TEST(TorchSyntheticCheckpoint, StridedViewsGatherInRowMajorOrder) {
  const std::vector<TensorSpec> specs = {
      {"expanded", "FloatStorage", "0", 4, 0, {3, 4}, {0, 1}},                   // expand(): stride 0
      {"transposed", "FloatStorage", "0", 4, 0, {2, 2}, {1, 2}},
      {"size_one_dims", "FloatStorage", "0", 4, 1, {1, 3, 1}, {int64_t{1} << 62, 1, int64_t{1} << 61}},
      {"scalar", "FloatStorage", "0", 4, 3, {}, {}},
  };
  const auto ckpt = open_bytes(make_checkpoint(state_dict_pickle(specs), {{"0", floats({1, 2, 3, 4})}}));
  auto values = [&](const std::string& n) {
    const Tensor t = ckpt->read_f32(n);
    return std::vector<float>(t.values().begin(), t.values().end());
  };
  EXPECT_EQ(values("expanded"), (std::vector<float>{1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4}));
  EXPECT_EQ(values("transposed"), (std::vector<float>{1, 3, 2, 4}));
  EXPECT_EQ(values("size_one_dims"), (std::vector<float>{2, 3, 4}));
  EXPECT_EQ(values("scalar"), (std::vector<float>{4}));
  EXPECT_EQ(ckpt->read_f64("expanded").size(), 12u);
}

TEST(TorchSyntheticCheckpoint, ViewsThatDoNotFitAreRefused) {
  const Bytes four = floats({1, 2, 3, 4});
  auto open_one = [&](const TensorSpec& s) { open_bytes(make_checkpoint(state_dict_pickle({s}), {{"0", four}})); };
  expect_error([&] { open_one({"w", "FloatStorage", "0", 4, 1, {2, 2}, {2, 1}}); },
               {"tensor 'w' (size [2, 2], stride [2, 1], storage offset 1) reaches element 4 of storage '0', which has "
                "only 4 elements"});
  expect_error([&] { open_one({"w", "FloatStorage", "0", 4, 0, {int64_t{1} << 40, int64_t{1} << 40}, {1, 1}}); },
               {"tensor 'w'", "the element count overflows"});
  expect_error([&] { open_one({"w", "FloatStorage", "0", 4, 0, {2, 2}, {int64_t{1} << 62, int64_t{1} << 62}}); },
               {"tensor 'w'", "the furthest element overflows"});
  expect_error([&] { open_one({"w", "FloatStorage", "0", 4, 0, {1 << 20, 1 << 20}, {0, 0}}); },
               {"tensor 'w'", "repeats elements of storage '0'"});
  expect_error([&] { open_one({"w", "FloatStorage", "0", 2, 0, {2}, {1}}); },
               {"storage '0' (FloatStorage of 2 elements) needs 8 bytes, but its record 'archive/data/0' holds 16"});
  expect_error([&] { open_one({"w", "FloatStorage", "0", 4, -1, {2}, {1}}); },
               {"the storage offset of _rebuild_tensor_v2 is negative (-1)"});
  expect_error([&] { open_one({"w", "FloatStorage", "0", 4, 0, {2}, {-1}}); }, {"the stride of _rebuild_tensor_v2"});
  expect_error([&] { open_one({"w", "FloatStorage", "0", 4, 0, {2, 2}, {1}}); }, {"2 sizes but 1 strides"});
  expect_error([&] { open_one({"w", "FloatStorage", "../0", 4, 0, {2}, {1}}); }, {"storage key '../0'"});
  // An empty view reads nothing, wherever it points.
  EXPECT_NO_THROW(open_one({"w", "FloatStorage", "0", 4, 100, {0, 3}, {3, 1}}));
}

TEST(TorchSyntheticCheckpoint, StorageReferencesMustAgree) {
  const std::vector<TensorSpec> specs = {{"a", "FloatStorage", "0", 4, 0, {4}, {1}},
                                         {"b", "HalfStorage", "0", 4, 0, {4}, {1}}};
  expect_error([&] { open_bytes(make_checkpoint(state_dict_pickle(specs), {{"0", floats({1, 2, 3, 4})}})); },
               {"storage '0' is referenced as FloatStorage of 4 elements and as HalfStorage of 4"});
}

// ---- the restricted unpickler on hand-written pickles --------------------------------------------

StateDictPickle parse(const Pickle& p) { return parse_state_dict_pickle(p.bytes(), "pytorch_model.bin"); }

TEST(TorchPickle, UnsupportedOpcodesAreNamedWithTheirOffset) {
  Pickle stack_global;
  stack_global.proto().op(0x93);
  expect_error([&] { parse(stack_global); },
               {"pytorch_model.bin: data.pkl: unsupported pickle opcode 0x93 (STACK_GLOBAL) at byte 2"});
  // The opcodes that construct or call arbitrary objects.
  for (uint8_t op : {uint8_t{'i'}, uint8_t{'o'}, uint8_t{0x81}, uint8_t{0x92}, uint8_t{'P'}, uint8_t{0x82}}) {
    Pickle p;
    p.proto().op(')').op(op);
    expect_error([&] { parse(p); }, {std::string("(") + pickle_opcode_name(op) + ") at byte 3"});
  }
  Pickle unknown;
  unknown.op(0xff);
  expect_error([&] { parse(unknown); }, {"unsupported pickle opcode 0xff (unknown) at byte 0"});
}

TEST(TorchPickle, OnlyWhitelistedGlobalsAreAccepted) {
  for (const auto& [module, name] : std::vector<std::pair<std::string, std::string>>{
           {"os", "system"}, {"builtins", "eval"}, {"torch._utils", "_rebuild_parameter"},
           {"torch", "ComplexFloatStorage"}, {"torch.storage", "_load_from_bytes"}, {"collections", "defaultdict"}}) {
    Pickle p;
    p.proto().global(module, name);
    expect_error([&] { parse(p); },
                 {"pytorch_model.bin: refusing to load: the pickle calls '" + module + "." + name +
                  "', which is not part of a PyTorch state dict"});
  }
  Pickle direct;  // torch.FloatStorage() called directly rather than through a persistent id
  direct.proto().global("torch", "FloatStorage").op(')').op('R');
  expect_error([&] { parse(direct); }, {"'torch.FloatStorage' is called directly"});
  Pickle with_args;
  with_args.proto().global("collections", "OrderedDict").op('N').op(0x85).op('R');
  expect_error([&] { parse(with_args); }, {"collections.OrderedDict is called with 1 arguments"});
}

TEST(TorchPickle, StructuralErrorsAreReported) {
  struct Case {
    std::function<void(Pickle&)> build;
    std::string fragment;
  };
  const std::vector<Case> cases = {
      {[](Pickle& p) { p.proto().op('}'); }, "ends without a STOP opcode"},
      {[](Pickle& p) { p.proto().op('}').op('.').op('N'); }, "1 trailing bytes after STOP"},
      {[](Pickle& p) { p.proto().op('N').op('.'); }, "the pickle holds None, not a state dict"},
      {[](Pickle& p) { p.proto().op('}').op('}').op('.'); }, "STOP with 2 values"},
      {[](Pickle& p) { p.proto().op('s'); }, "stack underflow (opcode SETITEM at byte 2)"},
      {[](Pickle& p) { p.proto().op('N').op('(').op(0x86); }, "stack underflow (opcode TUPLE2"},
      {[](Pickle& p) { p.proto().op('t'); }, "no MARK to close"},
      {[](Pickle& p) { p.proto().op('h').op(7); }, "memo slot 7 is read before it is set"},
      {[](Pickle& p) { p.proto().op('X').op(0xF0).op(0xFF).op(0xFF).op(0xFF); }, "longer than any state dict key"},
      {[](Pickle& p) { p.proto().op('X').op(100).op(0).op(0).op(0).text("abc"); }, "ends in the middle of an opcode"},
      {[](Pickle& p) { p.proto().op('X').op(1).op(0).op(0).op(0).op(0xC0); }, "not valid UTF-8"},
      {[](Pickle& p) { p.proto().op(0x8a).op(9).text("123456789"); }, "9 bytes does not fit in 64 bits"},
      {[](Pickle& p) { p.op(0x80).op(9); }, "pickle protocol 9 is not supported"},
      {[](Pickle& p) { p.proto().op('c').text("os\x01\n"); }, "printable ASCII"},
      {[](Pickle& p) { p.proto().op('}').op('}').op('b'); }, "BUILD on a dict"},
      {[](Pickle& p) { p.proto().op(']').op('N').op('N').op('s'); }, "SETITEM on a list"},
      {[](Pickle& p) { p.proto().op('}').op('N').op('a'); }, "APPEND on a dict"},
      {[](Pickle& p) { p.proto().op('}').op('(').op('N').op('u'); }, "SETITEMS with an odd number"},
      {[](Pickle& p) { p.proto().op('}').str("x").op('K').op(1).op('s').op('.'); }, "entry 'x' is an int, not a tensor"},
      {[](Pickle& p) { p.proto().op('(').str("storage").op('t').op('Q'); }, "unsupported persistent id"},
      {[](Pickle& p) { p.proto().op('N').op('Q'); }, "a persistent id must be a tuple, got None"},
  };
  for (const auto& c : cases) {
    Pickle p;
    c.build(p);
    SCOPED_TRACE(c.fragment);
    expect_error([&] { parse(p); }, {"pytorch_model.bin: data.pkl: ", c.fragment});
  }
}

TEST(TorchPickle, DuplicateNamesAreRefused) {
  const TensorSpec s{"w", "FloatStorage", "0", 4, 0, {4}, {1}};
  expect_error([&] { parse_state_dict_pickle(state_dict_pickle({s, s}), "x"); }, {"state dict entry 'w' appears twice"});
}

TEST(TorchPickle, HardLimitsStopBombs) {
  Pickle marks;
  marks.proto();
  for (size_t i = 0; i <= pickle_limits::kMaxStackDepth; ++i) marks.op('(');
  expect_error([&] { parse(marks); }, {"too many nested MARKs"});
  Pickle stack;  // pushes one memoized value over and over: no new objects, only stack entries
  stack.proto().op('N').op('q').op(0);
  for (size_t i = 0; i <= pickle_limits::kMaxStackDepth; ++i) stack.op('h').op(0);
  expect_error([&] { parse(stack); }, {"the pickle stack grows beyond"});
}

// Everything torch's pickler may emit for a state dict, in one hand-written file: LONG_BINPUT /
// LONG_BINGET, BININT2/BININT/LONG1, NEWTRUE, a 7-argument _rebuild_tensor_v2, and a BUILD whose
// state holds lists, floats and a list that contains itself (which must not leak).
TEST(TorchPickle, ParsesEveryAcceptedOpcode) {
  Pickle p;
  p.proto().ordered_dict().op('r').text(std::string("\x10\x27\0\0", 4));  // LONG_BINPUT 10000
  p.str("layer.weight").global("torch._utils", "_rebuild_tensor_v2").op('(');
  p.op('(').str("storage").global("torch", "BFloat16Storage").str("7").str("cuda:0").op('M').op(0x00).op(0x01).op('t').op('Q');
  p.op('K').op(2).op('(').op('J').op(2).op(0).op(0).op(0).op('K').op(3).op('t');  // size (2, 3)
  p.op('K').op(3).op('K').op(1).op(0x86);                                           // stride (3, 1)
  p.op(0x88).ordered_dict().op('N').op('t').op('R').op('s');
  p.op('(').str("layer.bias").global("torch._utils", "_rebuild_tensor_v2").op('(');
  p.op('(').str("storage").global("torch", "BoolStorage").str("8").str("cpu").op(0x8a).op(0).op('t').op('Q');
  p.op('K').op(0).op('K').op(0).op(0x85).op('K').op(1).op(0x85).op(0x89).op('}').op('t').op('R').op('u');
  p.op(']').op('q').op(1).op('h').op(1).op('a');  // a list that contains itself
  p.op('(').op('G').text(std::string("\x3f\xf8\0\0\0\0\0\0", 8)).op(0x88).op('N').op(0x87).op('e');
  p.op('b').op('j').text(std::string("\x10\x27\0\0", 4)).op('b');  // BUILD, LONG_BINGET, BUILD
  p.op('.');
  // The LONG_BINGET pushed the dict again and BUILD consumed it as state: one value is left.
  const StateDictPickle sd = parse(p);
  ASSERT_EQ(sd.tensors.size(), 2u);
  ASSERT_EQ(sd.storages.size(), 2u);
  const PickledTensor& w = sd.tensors[0];
  EXPECT_EQ(w.name, "layer.weight");
  EXPECT_EQ(w.size, (Shape{2, 3}));
  EXPECT_EQ(w.stride, (std::vector<int64_t>{3, 1}));
  EXPECT_EQ(w.storage_offset, 2);
  EXPECT_TRUE(w.requires_grad);
  EXPECT_EQ(sd.storages[w.storage].dtype, DType::BF16);
  EXPECT_EQ(sd.storages[w.storage].numel, 256u);
  EXPECT_EQ(sd.storages[w.storage].location, "cuda:0");
  EXPECT_EQ(sd.storages[w.storage].type_name, "BFloat16Storage");
  EXPECT_EQ(sd.tensors[1].name, "layer.bias");
  EXPECT_EQ(sd.storages[sd.tensors[1].storage].numel, 0u);  // LONG1 of zero bytes
  EXPECT_FALSE(sd.tensors[1].requires_grad);
}

// ---- robustness: mutated copies only ever raise as::Error ----------------------------------------

enum class Outcome { Loaded, Refused };

// Opens `bytes` and reads every tensor of at most `max_elements` elements in every way.
Outcome open_and_read(std::span<const uint8_t> bytes, int64_t max_elements) {
  try {
    const auto ckpt = TorchCheckpoint::from_bytes(bytes, nullptr, "mutant.bin");
    for (const auto& t : ckpt->tensors()) {
      if (numel(t.shape) > max_elements) continue;
      ckpt->read_f32(t.name);
      ckpt->read_f64(t.name);
      if (!is_float(t.dtype)) ckpt->read_i64(t.name);
    }
    return Outcome::Loaded;
  } catch (const Error&) {
    return Outcome::Refused;
  }
}

struct MutationCounts {
  int loaded = 0, refused = 0;
  void record() const {  // in --gtest_output=xml, to see how the mutants split
    ::testing::Test::RecordProperty("mutants_loaded", loaded);
    ::testing::Test::RecordProperty("mutants_refused", refused);
  }
};

// Any exception other than as::Error (or a sanitizer report, which aborts) fails the test.
void try_variant(std::span<const uint8_t> bytes, int64_t max_elements, const std::string& what, MutationCounts& counts) {
  try {
    (open_and_read(bytes, max_elements) == Outcome::Loaded ? counts.loaded : counts.refused)++;
  } catch (const std::exception& e) {
    ADD_FAILURE() << what << ": threw " << typeid(e).name() << ": " << e.what();
  } catch (...) {
    ADD_FAILURE() << what << ": threw a non-std exception";
  }
}

// Where each member's bytes lie and where the central directory keeps its CRC, found once on the
// intact file. A flipped byte inside a member gets a matching CRC: otherwise the CRC check would
// refuse nearly every mutant before the unpickler and the view checks ever saw it.
struct CrcSlot {
  size_t begin = 0, end = 0, crc_at = 0;
};

std::vector<CrcSlot> crc_slots(const Bytes& raw) {
  std::map<std::string, size_t> central;  // member name -> offset of its CRC field
  for (size_t pos = 0; pos + 46 <= raw.size(); ++pos) {
    if (raw[pos] != 'P' || raw[pos + 1] != 'K' || raw[pos + 2] != 1 || raw[pos + 3] != 2) continue;
    const size_t name_len = raw[pos + 28] | raw[pos + 29] << 8;
    if (pos + 46 + name_len > raw.size()) continue;
    central[std::string(raw.begin() + static_cast<std::ptrdiff_t>(pos + 46),
                        raw.begin() + static_cast<std::ptrdiff_t>(pos + 46 + name_len))] = pos + 16;
  }
  const ZipArchive zip(raw, "intact");
  std::vector<CrcSlot> slots;
  for (const auto& m : zip.members())
    slots.push_back({static_cast<size_t>(m.data_offset), static_cast<size_t>(m.data_offset + m.size), central.at(m.name)});
  return slots;
}

// Flips bytes of one exactly-sized heap buffer in place (restoring each flip and its CRC after).
class Mutator {
 public:
  Mutator(Bytes bytes, int64_t max_elements)
      : bytes_(std::move(bytes)), slots_(crc_slots(bytes_)), max_elements_(max_elements),
        original_(open_and_read(bytes_, max_elements_)) {}

  void flip(size_t i, uint8_t mask, MutationCounts& counts) {
    bytes_[i] ^= mask;
    const CrcSlot* slot = nullptr;
    for (const auto& s : slots_)
      if (i >= s.begin && i < s.end) slot = &s;
    uint8_t saved[4] = {};
    if (slot) {
      std::memcpy(saved, &bytes_[slot->crc_at], 4);
      const uint32_t crc = crc32(std::span<const uint8_t>(bytes_).subspan(slot->begin, slot->end - slot->begin));
      for (int k = 0; k < 4; ++k) bytes_[slot->crc_at + k] = static_cast<uint8_t>(crc >> (8 * k));
    }
    try_variant(bytes_, max_elements_, "flip " + std::to_string(mask) + " at byte " + std::to_string(i), counts);
    if (slot) std::memcpy(&bytes_[slot->crc_at], saved, 4);
    bytes_[i] ^= mask;
  }

  void truncate(size_t len, MutationCounts& counts) {
    const Bytes cut(bytes_.begin(), bytes_.begin() + static_cast<std::ptrdiff_t>(len));
    try_variant(cut, max_elements_, "truncated to " + std::to_string(len), counts);
  }

  size_t size() const { return bytes_.size(); }
  bool restored() const { return open_and_read(bytes_, max_elements_) == original_; }

 private:
  Bytes bytes_;
  std::vector<CrcSlot> slots_;
  int64_t max_elements_;
  Outcome original_;
};

// Every 7th byte in [begin, end) flipped (all bits, then one bit; or only one of the two when
// `one_mask_per_byte`), then 50 truncations plus the zip tail's critical lengths.
MutationCounts mutate(Bytes bytes, const std::vector<std::pair<size_t, size_t>>& ranges, int64_t max_elements,
                      bool one_mask_per_byte = false) {
  Mutator m(std::move(bytes), max_elements);
  MutationCounts counts;
  for (const auto& [begin, end] : ranges) {
    for (size_t i = begin; i < std::min(end, m.size()); i += 7) {
      const uint8_t masks[] = {0xFF, static_cast<uint8_t>(1u << (i % 8))};
      for (size_t k = 0; k < 2; ++k)
        if (!one_mask_per_byte || k == (i / 7) % 2) m.flip(i, masks[k], counts);
    }
  }
  for (size_t k = 0; k < 50; ++k) m.truncate(m.size() * k / 50, counts);
  for (size_t tail : {1, 21, 22, 23, 41, 42, 43, 98, 99}) m.truncate(m.size() - tail, counts);
  EXPECT_TRUE(m.restored()) << "the buffer was not restored";
  counts.record();
  return counts;
}

TEST(TorchCheckpointFuzz, DtypeZooMutantsOnlyRaiseAsError) {
  AS_REQUIRE_SHARED();
  const MutationCounts c = mutate(read_bytes(zoo_bin()), {{0, SIZE_MAX}}, INT64_MAX);
  EXPECT_GT(c.refused, 500);
  EXPECT_GT(c.loaded, 0);  // flips inside names or values still make valid files
}

TEST(TorchCheckpointFuzz, BertBinMutantsOnlyRaiseAsError) {
  AS_REQUIRE_SHARED();
  const Bytes raw = read_bytes(bert_dir() / "pytorch_model.bin");
  // data.pkl (bytes 64..8743) at the front; the last records, the central directory and the end
  // records at the back. The 4 MB of weights in between only hold numbers. One mask per byte
  // and reads of the smaller tensors keep this to seconds under the sanitizers; the zoo test
  // covers both masks and every read.
  const MutationCounts c = mutate(raw, {{0, 9000}, {raw.size() - 4000, raw.size()}}, 4096, true);
  EXPECT_GT(c.refused, 500);
  EXPECT_GT(c.loaded, 0);
}

TEST(TorchCheckpointFuzz, AttackFilesMutantsOnlyRaiseAsError) {
  AS_REQUIRE_SHARED();
  for (const char* name : {"non-whitelisted-global", "tensor-larger-than-storage", "storage-record-too-short"}) {
    SCOPED_TRACE(name);
    const MutationCounts c = mutate(read_bytes(attacks_dir() / name / "pytorch_model.bin"), {{0, SIZE_MAX}}, INT64_MAX);
    EXPECT_GT(c.refused, 0);
  }
}

}  // namespace
}  // namespace as
