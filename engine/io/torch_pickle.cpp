#include "io/torch_pickle.h"

#include <bit>
#include <cstdio>
#include <cstring>
#include <deque>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/error.h"

namespace as {

namespace {

namespace lim = pickle_limits;

struct OpName {
  uint8_t code;
  const char* name;
};
// Every opcode of pickle protocols 0-5, so that a refused one is reported by name.
constexpr OpName kOpNames[] = {
    {'(', "MARK"},         {'.', "STOP"},          {'0', "POP"},          {'1', "POP_MARK"},
    {'2', "DUP"},          {'F', "FLOAT"},         {'I', "INT"},          {'J', "BININT"},
    {'K', "BININT1"},      {'L', "LONG"},          {'M', "BININT2"},      {'N', "NONE"},
    {'P', "PERSID"},       {'Q', "BINPERSID"},     {'R', "REDUCE"},       {'S', "STRING"},
    {'T', "BINSTRING"},    {'U', "SHORT_BINSTRING"}, {'V', "UNICODE"},    {'X', "BINUNICODE"},
    {'a', "APPEND"},       {'b', "BUILD"},         {'c', "GLOBAL"},       {'d', "DICT"},
    {'}', "EMPTY_DICT"},   {'e', "APPENDS"},       {'g', "GET"},          {'h', "BINGET"},
    {'i', "INST"},         {'j', "LONG_BINGET"},   {'l', "LIST"},         {']', "EMPTY_LIST"},
    {'o', "OBJ"},          {'p', "PUT"},           {'q', "BINPUT"},       {'r', "LONG_BINPUT"},
    {'s', "SETITEM"},      {'t', "TUPLE"},         {')', "EMPTY_TUPLE"},  {'u', "SETITEMS"},
    {'G', "BINFLOAT"},     {0x80, "PROTO"},        {0x81, "NEWOBJ"},      {0x82, "EXT1"},
    {0x83, "EXT2"},        {0x84, "EXT4"},         {0x85, "TUPLE1"},      {0x86, "TUPLE2"},
    {0x87, "TUPLE3"},      {0x88, "NEWTRUE"},      {0x89, "NEWFALSE"},    {0x8a, "LONG1"},
    {0x8b, "LONG4"},       {'B', "BINBYTES"},      {'C', "SHORT_BINBYTES"}, {0x8c, "SHORT_BINUNICODE"},
    {0x8d, "BINUNICODE8"}, {0x8e, "BINBYTES8"},    {0x8f, "EMPTY_SET"},   {0x90, "ADDITEMS"},
    {0x91, "FROZENSET"},   {0x92, "NEWOBJ_EX"},    {0x93, "STACK_GLOBAL"}, {0x94, "MEMOIZE"},
    {0x95, "FRAME"},       {0x96, "BYTEARRAY8"},   {0x97, "NEXT_BUFFER"}, {0x98, "READONLY_BUFFER"},
};

enum class Kind : uint8_t { None, Bool, Int, Float, String, Tuple, List, Dict, Global, Storage, Tensor };
enum class Callable : uint8_t { OrderedDict, RebuildTensorV2, StorageType };

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::None: return "None";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::String: return "str";
    case Kind::Tuple: return "tuple";
    case Kind::List: return "list";
    case Kind::Dict: return "dict";
    case Kind::Global: return "global";
    case Kind::Storage: return "storage";
    case Kind::Tensor: return "tensor";
  }
  return "?";
}

// "an int", "a tuple", "None": for messages.
std::string a_kind(Kind k) {
  if (k == Kind::None) return "None";
  return (k == Kind::Int ? "an " : "a ") + std::string(kind_name(k));
}

struct StorageType {
  const char* name;
  DType dtype;
};
constexpr StorageType kStorageTypes[] = {
    {"FloatStorage", DType::F32}, {"DoubleStorage", DType::F64}, {"HalfStorage", DType::F16},
    {"BFloat16Storage", DType::BF16}, {"LongStorage", DType::I64}, {"IntStorage", DType::I32},
    {"ShortStorage", DType::I16}, {"CharStorage", DType::I8},    {"ByteStorage", DType::U8},
    {"BoolStorage", DType::BOOL},
};

using Ref = uint32_t;

// A value built by the pickle. Values refer to each other by index into the interpreter's arena,
// so a malicious pickle that builds a cycle (a list appended to itself) cannot leak or recurse.
struct Object {
  Kind kind = Kind::None;
  bool ordered = false;                       // Dict made by collections.OrderedDict
  Callable callable = Callable::OrderedDict;  // Global
  DType dtype = DType::F32;                   // Global naming a storage type
  int64_t i = 0;                              // Bool, Int; Storage/Tensor: index of the record
  double f = 0;                               // Float
  std::string s{};                            // String; Global: "module.name"
  std::vector<Ref> items{};                   // Tuple, List; Dict: key, value, key, value, ...
};

// A UTF-8 lead byte: the sequence length (0 if invalid), its payload bits and the smallest code
// point that length may encode (anything below is an overlong form).
struct Utf8Lead {
  size_t length;
  uint32_t bits, min;
};

Utf8Lead utf8_lead(uint8_t c) {
  if (c < 0x80) return {1, c, 0};
  if ((c & 0xE0) == 0xC0) return {2, c & 0x1Fu, 0x80};
  if ((c & 0xF0) == 0xE0) return {3, c & 0x0Fu, 0x800};
  if ((c & 0xF8) == 0xF0) return {4, c & 0x07u, 0x10000};
  return {0, 0, 0};
}

// Strict UTF-8 (no overlongs, no surrogates): names end up in JSON output, which rejects the rest.
bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const Utf8Lead lead = utf8_lead(static_cast<uint8_t>(s[i]));
    if (lead.length == 0 || lead.length > s.size() - i) return false;
    uint32_t cp = lead.bits;
    for (size_t k = 1; k < lead.length; ++k) {
      const auto c = static_cast<uint8_t>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    if (cp < lead.min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += lead.length;
  }
  return true;
}

bool valid_storage_key(const std::string& key) {
  if (key.empty() || key.size() > 64) return false;
  for (char c : key)  // torch's keys are decimal numbers; anything path-like is refused
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) return false;
  return true;
}

class Unpickler {
 public:
  Unpickler(std::span<const uint8_t> pickle, const std::string& label) : data_(pickle), label_(label) {}
  StateDictPickle run();

 private:
  const uint8_t* take(size_t n);
  uint8_t u8() { return *take(1); }
  uint16_t u16();
  uint32_t u32();
  std::string line();

  Ref make(Object o);
  Ref make_int(int64_t v);
  Object& at(Ref r) { return objects_[r]; }
  void push(Ref r);
  size_t floor() const { return marks_.empty() ? 0 : marks_.back(); }
  Ref pop();
  Ref top() const;
  std::vector<Ref> pop_n(size_t n);
  std::vector<Ref> pop_mark();

  bool step();
  void op_proto();
  void op_mark();
  void op_global();
  void op_reduce();
  void op_persid();
  void op_build();
  void op_setitems(const std::vector<Ref>& items);
  void op_appends(const std::vector<Ref>& items);
  void op_put(uint32_t slot);
  void op_get(uint32_t slot);
  void op_long1();
  void op_binunicode();
  void op_binfloat();
  void op_tuple(std::vector<Ref> items);

  Ref rebuild_tensor(const Object& args);
  Ref persistent_storage(const Object& pid);
  size_t register_storage(PickledStorage s);
  int64_t nonneg_int(Ref r, const std::string& what);
  std::vector<int64_t> int_tuple(Ref r, const std::string& what);
  const Object& expect(Ref r, Kind kind, const std::string& what);
  StateDictPickle finish(Ref root);
  [[noreturn]] void fail(const std::string& what) const;

  std::span<const uint8_t> data_;
  const std::string& label_;
  size_t pos_ = 0;
  size_t op_pos_ = 0;
  uint8_t op_ = 0;
  std::deque<Object> objects_;  // the arena; a deque so references survive growth
  std::vector<Ref> stack_;
  std::vector<size_t> marks_;   // stack sizes at each open MARK
  std::unordered_map<uint32_t, Ref> memo_;
  std::vector<PickledTensor> tensors_;  // records made by _rebuild_tensor_v2, named in finish()
  std::vector<PickledStorage> storages_;
  std::unordered_map<std::string, size_t> storage_index_;
};

void Unpickler::fail(const std::string& what) const {
  throw Error(label_ + ": data.pkl: " + what + " (opcode " + pickle_opcode_name(op_) + " at byte " +
              std::to_string(op_pos_) + ")");
}

const uint8_t* Unpickler::take(size_t n) {
  if (n > data_.size() - pos_)
    fail("the pickle ends in the middle of an opcode; data.pkl is truncated or corrupt");
  const uint8_t* p = data_.data() + pos_;
  pos_ += n;
  return p;
}

uint16_t Unpickler::u16() {
  const uint8_t* p = take(2);
  return static_cast<uint16_t>(p[0] | p[1] << 8);
}

uint32_t Unpickler::u32() {
  const uint8_t* p = take(4);
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16 |
         static_cast<uint32_t>(p[3]) << 24;
}

// A newline-terminated GLOBAL operand: printable ASCII, bounded in length.
std::string Unpickler::line() {
  std::string out;
  for (;;) {
    const uint8_t c = u8();
    if (c == '\n') return out;
    if (c < 0x20 || c > 0x7E) fail("GLOBAL names must be printable ASCII");
    if (out.size() >= lim::kMaxGlobalNameBytes) fail("GLOBAL name is implausibly long");
    out.push_back(static_cast<char>(c));
  }
}

Ref Unpickler::make(Object o) {
  if (objects_.size() >= lim::kMaxObjects)
    fail("the pickle builds more than " + std::to_string(lim::kMaxObjects) + " values");
  objects_.push_back(std::move(o));
  return static_cast<Ref>(objects_.size() - 1);
}

Ref Unpickler::make_int(int64_t v) {
  Object o;
  o.kind = Kind::Int;
  o.i = v;
  return make(std::move(o));
}

void Unpickler::push(Ref r) {
  if (stack_.size() >= lim::kMaxStackDepth)
    fail("the pickle stack grows beyond " + std::to_string(lim::kMaxStackDepth) + " values");
  stack_.push_back(r);
}

// Like Python 3's unpickler, values below the innermost MARK are out of reach.
Ref Unpickler::pop() {
  if (stack_.size() <= floor()) fail("stack underflow");
  const Ref r = stack_.back();
  stack_.pop_back();
  return r;
}

Ref Unpickler::top() const {
  if (stack_.size() <= floor()) fail("stack underflow");
  return stack_.back();
}

std::vector<Ref> Unpickler::pop_n(size_t n) {
  if (stack_.size() - floor() < n) fail("stack underflow");
  std::vector<Ref> items(stack_.end() - static_cast<std::ptrdiff_t>(n), stack_.end());
  stack_.resize(stack_.size() - n);
  return items;
}

std::vector<Ref> Unpickler::pop_mark() {
  if (marks_.empty()) fail("no MARK to close");
  const size_t mark = marks_.back();
  std::vector<Ref> items(stack_.begin() + static_cast<std::ptrdiff_t>(mark), stack_.end());
  stack_.resize(mark);
  marks_.pop_back();
  return items;
}

StateDictPickle Unpickler::run() {
  if (data_.size() > lim::kMaxPickleBytes)
    throw Error(label_ + ": data.pkl is " + std::to_string(data_.size()) + " bytes, more than a state dict needs (limit " +
                std::to_string(lim::kMaxPickleBytes) + ")");
  while (step()) {
  }
  if (!marks_.empty() || stack_.size() != 1)
    fail("STOP with " + std::to_string(stack_.size()) + " values and " + std::to_string(marks_.size()) +
         " open MARKs on the stack (expected exactly the state dict)");
  if (pos_ != data_.size()) fail(std::to_string(data_.size() - pos_) + " trailing bytes after STOP");
  return finish(stack_.back());
}

// One opcode. Only what torch's pickler (protocol 2) emits for a state dict is accepted.
bool Unpickler::step() {
  op_pos_ = pos_;
  if (pos_ >= data_.size())
    throw Error(label_ + ": data.pkl: the pickle ends without a STOP opcode (" + std::to_string(pos_) +
                " bytes); data.pkl is truncated or corrupt");
  op_ = u8();
  switch (op_) {
    case 0x80: op_proto(); break;
    case 'c': op_global(); break;
    case 'q': op_put(u8()); break;
    case 'r': op_put(u32()); break;
    case 'h': op_get(u8()); break;
    case 'j': op_get(u32()); break;
    case '(': op_mark(); break;
    case ')': op_tuple({}); break;
    case 't': op_tuple(pop_mark()); break;
    case 0x85: case 0x86: case 0x87: op_tuple(pop_n(op_ - 0x84u)); break;
    case '}': push(make(Object{.kind = Kind::Dict})); break;
    case ']': push(make(Object{.kind = Kind::List})); break;
    case 'a': op_appends(pop_n(1)); break;
    case 'e': op_appends(pop_mark()); break;
    case 'X': op_binunicode(); break;
    case 'J': push(make_int(static_cast<int32_t>(u32()))); break;
    case 'K': push(make_int(u8())); break;
    case 'M': push(make_int(u16())); break;
    case 0x8a: op_long1(); break;
    case 0x88: case 0x89: push(make(Object{.kind = Kind::Bool, .i = op_ == 0x88})); break;
    case 'N': push(make(Object{.kind = Kind::None})); break;
    case 'G': op_binfloat(); break;
    case 'Q': op_persid(); break;
    case 'R': op_reduce(); break;
    case 's': op_setitems(pop_n(2)); break;
    case 'u': op_setitems(pop_mark()); break;
    case 'b': op_build(); break;
    case '.': return false;
    default: {
      char code[8];
      std::snprintf(code, sizeof code, "0x%02x", op_);
      throw Error(label_ + ": data.pkl: unsupported pickle opcode " + code + " (" + pickle_opcode_name(op_) +
                  ") at byte " + std::to_string(op_pos_) + "; a PyTorch state dict does not use it");
    }
  }
  return true;
}

void Unpickler::op_proto() {
  const uint8_t version = u8();
  if (version < 2 || version > 5) fail("pickle protocol " + std::to_string(version) + " is not supported (expected 2..5)");
}

void Unpickler::op_mark() {
  if (marks_.size() >= lim::kMaxStackDepth) fail("too many nested MARKs");
  marks_.push_back(stack_.size());
}

void Unpickler::op_global() {
  const std::string module = line();
  const std::string name = line();
  Object g{.kind = Kind::Global, .s = module + "." + name};
  if (module == "collections" && name == "OrderedDict") {
    g.callable = Callable::OrderedDict;
    return push(make(std::move(g)));
  }
  if (module == "torch._utils" && name == "_rebuild_tensor_v2") {
    g.callable = Callable::RebuildTensorV2;
    return push(make(std::move(g)));
  }
  for (const auto& t : kStorageTypes) {
    if (module == "torch" && name == t.name) {
      g.callable = Callable::StorageType;
      g.dtype = t.dtype;
      return push(make(std::move(g)));
    }
  }
  throw Error(label_ + ": refusing to load: the pickle calls '" + g.s +
              "', which is not part of a PyTorch state dict (allowed: collections.OrderedDict, "
              "torch._utils._rebuild_tensor_v2, torch.*Storage)");
}

void Unpickler::op_reduce() {
  const Ref args = pop();
  const Object& fn = expect(pop(), Kind::Global, "the callable of REDUCE");
  const Object& a = expect(args, Kind::Tuple, "the arguments of REDUCE");
  switch (fn.callable) {
    case Callable::OrderedDict:
      if (!a.items.empty())
        fail("collections.OrderedDict is called with " + std::to_string(a.items.size()) +
             " arguments; a state dict calls it with none");
      return push(make(Object{.kind = Kind::Dict, .ordered = true}));
    case Callable::RebuildTensorV2:
      return push(rebuild_tensor(a));
    case Callable::StorageType:
      break;
  }
  fail("'" + fn.s + "' is called directly; a state dict refers to storages only through persistent ids");
}

void Unpickler::op_persid() { push(persistent_storage(expect(pop(), Kind::Tuple, "a persistent id"))); }

// torch's state dict is an OrderedDict whose BUILD sets `_metadata` (per-module versions), which
// only matters to load_state_dict hooks: it is accepted and dropped. BUILD on anything else would
// be __setstate__ on an arbitrary object, which a state dict never needs.
void Unpickler::op_build() {
  pop();
  const Object& target = at(top());
  if (target.kind != Kind::Dict || !target.ordered)
    fail("BUILD on " + a_kind(target.kind) + "; only the state dict's OrderedDict may carry state");
}

void Unpickler::op_setitems(const std::vector<Ref>& items) {
  if (items.size() % 2 != 0) fail("SETITEMS with an odd number of values");
  Object& dict = at(top());
  if (dict.kind != Kind::Dict) fail("SETITEM on " + a_kind(dict.kind) + ", expected a dict");
  dict.items.insert(dict.items.end(), items.begin(), items.end());
}

void Unpickler::op_appends(const std::vector<Ref>& items) {
  Object& list = at(top());
  if (list.kind != Kind::List) fail("APPEND on " + a_kind(list.kind) + ", expected a list");
  list.items.insert(list.items.end(), items.begin(), items.end());
}

void Unpickler::op_put(uint32_t slot) {
  if (memo_.size() >= lim::kMaxMemoEntries && !memo_.count(slot))
    fail("the memo grows beyond " + std::to_string(lim::kMaxMemoEntries) + " entries");
  memo_[slot] = top();
}

void Unpickler::op_get(uint32_t slot) {
  auto it = memo_.find(slot);
  if (it == memo_.end()) fail("memo slot " + std::to_string(slot) + " is read before it is set");
  push(it->second);
}

void Unpickler::op_long1() {
  const uint8_t n = u8();
  const uint8_t* p = take(n);
  if (n > 8) fail("an integer of " + std::to_string(n) + " bytes does not fit in 64 bits");
  uint64_t v = 0;
  for (size_t k = n; k-- > 0;) v = (v << 8) | p[k];
  if (n > 0 && n < 8 && (p[n - 1] & 0x80)) v |= ~uint64_t{0} << (8 * n);  // sign-extend
  push(make_int(static_cast<int64_t>(v)));
}

void Unpickler::op_binunicode() {
  const uint32_t n = u32();
  if (n > lim::kMaxStringBytes)
    fail("a string of " + std::to_string(n) + " bytes is longer than any state dict key (limit " +
         std::to_string(lim::kMaxStringBytes) + ")");
  const uint8_t* p = take(n);
  Object o{.kind = Kind::String, .s = std::string(reinterpret_cast<const char*>(p), n)};
  if (!valid_utf8(o.s)) fail("a string is not valid UTF-8");
  push(make(std::move(o)));
}

void Unpickler::op_binfloat() {
  const uint8_t* p = take(8);
  uint64_t bits = 0;
  for (int k = 0; k < 8; ++k) bits = (bits << 8) | p[k];  // big-endian, unlike everything else
  push(make(Object{.kind = Kind::Float, .f = std::bit_cast<double>(bits)}));
}

void Unpickler::op_tuple(std::vector<Ref> items) { push(make(Object{.kind = Kind::Tuple, .items = std::move(items)})); }

const Object& Unpickler::expect(Ref r, Kind kind, const std::string& what) {
  const Object& o = at(r);
  if (o.kind != kind) fail(what + " must be " + a_kind(kind) + ", got " + a_kind(o.kind));
  return o;
}

int64_t Unpickler::nonneg_int(Ref r, const std::string& what) {
  const Object& o = expect(r, Kind::Int, what);
  if (o.i < 0) fail(what + " is negative (" + std::to_string(o.i) + ")");
  return o.i;
}

std::vector<int64_t> Unpickler::int_tuple(Ref r, const std::string& what) {
  const Object& t = expect(r, Kind::Tuple, what);
  if (t.items.size() > lim::kMaxRank)
    fail(what + " has " + std::to_string(t.items.size()) + " dimensions (limit " + std::to_string(lim::kMaxRank) + ")");
  std::vector<int64_t> out;
  for (Ref item : t.items) out.push_back(nonneg_int(item, what + " entries"));
  return out;
}

// _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
Ref Unpickler::rebuild_tensor(const Object& args) {
  const auto& a = args.items;
  if (a.size() != 6 && a.size() != 7)
    fail("torch._utils._rebuild_tensor_v2 takes 6 or 7 arguments, got " + std::to_string(a.size()));
  PickledTensor t;
  t.storage = static_cast<size_t>(expect(a[0], Kind::Storage, "the storage of _rebuild_tensor_v2").i);
  t.storage_offset = nonneg_int(a[1], "the storage offset of _rebuild_tensor_v2");
  t.size = int_tuple(a[2], "the size of _rebuild_tensor_v2");
  t.stride = int_tuple(a[3], "the stride of _rebuild_tensor_v2");
  if (t.size.size() != t.stride.size())
    fail("_rebuild_tensor_v2 has " + std::to_string(t.size.size()) + " sizes but " + std::to_string(t.stride.size()) +
         " strides");
  t.requires_grad = expect(a[4], Kind::Bool, "requires_grad of _rebuild_tensor_v2").i != 0;
  // Backward hooks would be callables; a saved state dict always has none.
  if (!expect(a[5], Kind::Dict, "the backward hooks of _rebuild_tensor_v2").items.empty())
    fail("_rebuild_tensor_v2 is given backward hooks; a state dict has none");
  if (a.size() == 7 && at(a[6]).kind != Kind::Dict && at(a[6]).kind != Kind::None)
    fail("the metadata of _rebuild_tensor_v2 must be a dict or None, got " + a_kind(at(a[6]).kind));
  tensors_.push_back(std::move(t));
  return make(Object{.kind = Kind::Tensor, .i = static_cast<int64_t>(tensors_.size() - 1)});
}

// ('storage', torch.<T>Storage, key, location, numel): torch's persistent id for a storage record.
Ref Unpickler::persistent_storage(const Object& pid) {
  const auto& p = pid.items;
  if (p.size() != 5 || at(p[0]).kind != Kind::String || at(p[0]).s != "storage")
    fail("unsupported persistent id (expected ('storage', torch.<T>Storage, key, location, numel))");
  const Object& type = expect(p[1], Kind::Global, "the storage type of a persistent id");
  if (type.callable != Callable::StorageType)
    fail("'" + type.s + "' is not a storage type (in a persistent id)");
  PickledStorage s;
  s.key = expect(p[2], Kind::String, "the storage key of a persistent id").s;
  if (!valid_storage_key(s.key)) fail("storage key '" + s.key + "' is not a plain record name");
  s.location = expect(p[3], Kind::String, "the location of a persistent id").s;
  s.numel = static_cast<uint64_t>(nonneg_int(p[4], "the element count of storage '" + s.key + "'"));
  s.dtype = type.dtype;
  s.type_name = type.s.substr(type.s.find('.') + 1);
  return make(Object{.kind = Kind::Storage, .i = static_cast<int64_t>(register_storage(std::move(s)))});
}

// Tensors that share a storage name it by the same key: resolve to one record, and insist that
// every reference agrees on its type and size.
size_t Unpickler::register_storage(PickledStorage s) {
  auto it = storage_index_.find(s.key);
  if (it == storage_index_.end()) {
    storage_index_.emplace(s.key, storages_.size());
    storages_.push_back(std::move(s));
    return storages_.size() - 1;
  }
  const PickledStorage& first = storages_[it->second];
  if (first.dtype != s.dtype || first.numel != s.numel)
    fail("storage '" + s.key + "' is referenced as " + first.type_name + " of " + std::to_string(first.numel) +
         " elements and as " + s.type_name + " of " + std::to_string(s.numel));
  return it->second;
}

StateDictPickle Unpickler::finish(Ref root) {
  const Object& dict = at(root);
  if (dict.kind != Kind::Dict)
    fail("the pickle holds " + a_kind(dict.kind) + ", not a state dict (a dict of tensors)");
  StateDictPickle out;
  out.storages = storages_;
  std::unordered_set<std::string> seen;
  for (size_t k = 0; k + 1 < dict.items.size(); k += 2) {
    const Object& key = expect(dict.items[k], Kind::String, "a state dict key");
    const Object& value = at(dict.items[k + 1]);
    if (value.kind != Kind::Tensor)
      fail("state dict entry '" + key.s + "' is " + a_kind(value.kind) + ", not a tensor");
    if (!seen.insert(key.s).second) fail("state dict entry '" + key.s + "' appears twice");
    PickledTensor t = tensors_[static_cast<size_t>(value.i)];
    t.name = key.s;
    out.tensors.push_back(std::move(t));
  }
  return out;
}

}  // namespace

const char* pickle_opcode_name(uint8_t opcode) {
  for (const auto& op : kOpNames)
    if (op.code == opcode) return op.name;
  return "unknown";
}

StateDictPickle parse_state_dict_pickle(std::span<const uint8_t> pickle, const std::string& label) {
  return Unpickler(pickle, label).run();
}

}  // namespace as
