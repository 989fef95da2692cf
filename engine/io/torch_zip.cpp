#include "io/torch_zip.h"

#include <array>
#include <cstdio>

#include "core/error.h"

namespace as {

namespace {

constexpr uint32_t kLocalSig = 0x04034b50;
constexpr uint32_t kCentralSig = 0x02014b50;
constexpr uint32_t kEocdSig = 0x06054b50;
constexpr uint32_t kZip64EocdSig = 0x06064b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr uint64_t kEocdSize = 22;
constexpr uint64_t kZip64EocdSize = 56;
constexpr uint64_t kZip64LocatorSize = 20;
constexpr uint64_t kCentralSize = 46;
constexpr uint64_t kLocalSize = 30;
constexpr uint64_t kMaxComment = 0xFFFF;
constexpr uint32_t kSentinel32 = 0xFFFFFFFFu;
constexpr uint16_t kSentinel16 = 0xFFFFu;
constexpr uint16_t kFlagEncrypted = 1u << 0;
constexpr uint16_t kFlagDataDescriptor = 1u << 3;

// off + len <= limit, without overflow: every range read from the file goes through this.
bool fits(uint64_t off, uint64_t len, uint64_t limit) { return off <= limit && len <= limit - off; }

using CrcTables = std::array<std::array<uint32_t, 256>, 8>;

// Slicing-by-8 tables: CRC-32 over large storages runs at memory speed rather than a byte a step.
constexpr CrcTables make_crc_tables() {
  CrcTables t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[0][i] = c;
  }
  for (uint32_t i = 0; i < 256; ++i)
    for (size_t s = 1; s < 8; ++s) t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xFFu];
  return t;
}
constexpr CrcTables kCrc = make_crc_tables();

uint32_t load_le32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16 |
         static_cast<uint32_t>(p[3]) << 24;
}

std::string hex32(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}

const char* method_name(uint16_t method) {
  switch (method) {
    case 8: return "deflate";
    case 9: return "deflate64";
    case 12: return "bzip2";
    case 14: return "lzma";
    case 93: return "zstd";
    case 95: return "xz";
    default: return "unknown";
  }
}

std::string member(const std::string& name) { return "zip member '" + printable_name(name) + "'"; }

}  // namespace

std::string printable_name(std::string_view name) {
  std::string out;
  for (const char ch : name) {
    const auto c = static_cast<uint8_t>(ch);
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out.push_back(ch);
      continue;
    }
    char esc[8];
    std::snprintf(esc, sizeof esc, "\\x%02x", c);
    out += esc;
  }
  return out;
}

uint32_t crc32(std::span<const uint8_t> bytes, uint32_t crc) {
  uint32_t c = ~crc;
  const uint8_t* p = bytes.data();
  size_t n = bytes.size();
  for (; n >= 8; p += 8, n -= 8) {
    const uint32_t lo = c ^ load_le32(p);
    const uint32_t hi = load_le32(p + 4);
    c = kCrc[7][lo & 0xFFu] ^ kCrc[6][(lo >> 8) & 0xFFu] ^ kCrc[5][(lo >> 16) & 0xFFu] ^ kCrc[4][lo >> 24] ^
        kCrc[3][hi & 0xFFu] ^ kCrc[2][(hi >> 8) & 0xFFu] ^ kCrc[1][(hi >> 16) & 0xFFu] ^ kCrc[0][hi >> 24];
  }
  for (; n > 0; ++p, --n) c = kCrc[0][(c ^ *p) & 0xFFu] ^ (c >> 8);
  return ~c;
}

namespace {

// Little-endian field readers over the archive; a read outside it is a reader bug or a file that
// slipped past a check, so it throws rather than touching memory.
class Reader {
 public:
  Reader(std::span<const uint8_t> bytes, const std::string& label) : bytes_(bytes), label_(label) {}
  uint16_t u16(uint64_t pos) const { return static_cast<uint16_t>(uint_n(pos, 2)); }
  uint32_t u32(uint64_t pos) const { return static_cast<uint32_t>(uint_n(pos, 4)); }
  uint64_t u64(uint64_t pos) const { return uint_n(pos, 8); }
  uint64_t size() const { return bytes_.size(); }

 private:
  uint64_t uint_n(uint64_t pos, unsigned n) const {
    if (!fits(pos, n, bytes_.size()))
      throw Error(label_ + ": zip structure at offset " + std::to_string(pos) + " runs past the end of the file");
    uint64_t v = 0;
    for (unsigned i = n; i-- > 0;) v = (v << 8) | bytes_[pos + i];
    return v;
  }
  std::span<const uint8_t> bytes_;
  const std::string& label_;
};

}  // namespace

ZipArchive::ZipArchive(std::span<const uint8_t> bytes, std::string label) : bytes_(bytes), label_(std::move(label)) {
  const Reader r(bytes_, label_);
  if (bytes_.size() < 4 || (r.u32(0) != kLocalSig && r.u32(0) != kEocdSig))
    fail("not a zip archive (it does not start with a zip local header); expected a torch.save checkpoint");
  const Directory dir = find_directory();
  // Each central entry is at least 46 bytes: bounding the count by the directory size keeps a
  // forged count from driving a huge allocation.
  if (dir.entries > dir.size / kCentralSize)
    fail("central directory claims " + std::to_string(dir.entries) + " members in " + std::to_string(dir.size) +
         " bytes; the file is corrupt");
  members_.reserve(static_cast<size_t>(dir.entries));
  uint64_t pos = dir.offset;
  const uint64_t end = dir.offset + dir.size;
  for (uint64_t i = 0; i < dir.entries; ++i) pos = read_central_entry(pos, end, dir);
}

void ZipArchive::fail(const std::string& what) const { throw Error(label_ + ": " + what); }

uint64_t ZipArchive::find_eocd() const {
  const Reader r(bytes_, label_);
  const uint64_t n = bytes_.size();
  if (n < kEocdSize) return UINT64_MAX;
  const uint64_t lowest = n - kEocdSize > kMaxComment ? n - kEocdSize - kMaxComment : 0;
  // Scan back over a possible trailing comment; the comment length must end exactly at EOF so
  // that "PK\5\6" inside member data is not mistaken for the record.
  for (uint64_t pos = n - kEocdSize + 1; pos-- > lowest;)
    if (r.u32(pos) == kEocdSig && pos + kEocdSize + r.u16(pos + 20) == n) return pos;
  return UINT64_MAX;
}

ZipArchive::Directory ZipArchive::find_directory() const {
  const Reader r(bytes_, label_);
  const uint64_t eocd = find_eocd();
  if (eocd == UINT64_MAX)
    fail("not a complete zip archive (no end-of-central-directory record); the file is truncated or corrupt");
  if (r.u16(eocd + 4) != 0 || r.u16(eocd + 6) != 0) fail("multi-disk zip archives are not supported");
  Directory dir{r.u16(eocd + 10), r.u32(eocd + 16), r.u32(eocd + 12)};
  // torch always writes the zip64 records; other writers only when a field overflows.
  if (eocd >= kZip64LocatorSize && r.u32(eocd - kZip64LocatorSize) == kZip64LocatorSig)
    read_zip64_eocd(eocd, dir);
  else if (dir.entries == kSentinel16 || dir.offset == kSentinel32 || dir.size == kSentinel32)
    fail("zip64 end-of-central-directory locator is missing; the file is truncated or corrupt");
  if (!fits(dir.offset, dir.size, eocd))
    fail("central directory (offset " + std::to_string(dir.offset) + ", " + std::to_string(dir.size) +
         " bytes) lies outside the file (" + std::to_string(bytes_.size()) + " bytes); the file is truncated or corrupt");
  return dir;
}

void ZipArchive::read_zip64_eocd(uint64_t eocd, Directory& dir) const {
  const Reader r(bytes_, label_);
  const uint64_t locator = eocd - kZip64LocatorSize;
  if (r.u32(locator + 4) != 0 || r.u32(locator + 16) > 1) fail("multi-disk zip archives are not supported");
  const uint64_t rec = r.u64(locator + 8);
  if (!fits(rec, kZip64EocdSize, locator) || r.u32(rec) != kZip64EocdSig)
    fail("zip64 end-of-central-directory record (offset " + std::to_string(rec) +
         ") is missing or out of place; the file is truncated or corrupt");
  if (r.u32(rec + 16) != 0 || r.u32(rec + 20) != 0) fail("multi-disk zip archives are not supported");
  dir.entries = r.u64(rec + 32);
  dir.size = r.u64(rec + 40);
  dir.offset = r.u64(rec + 48);
  if (!fits(dir.offset, dir.size, rec))
    fail("central directory (offset " + std::to_string(dir.offset) + ", " + std::to_string(dir.size) +
         " bytes) overlaps the zip64 end record; the file is corrupt");
}

uint64_t ZipArchive::read_central_entry(uint64_t pos, uint64_t end, const Directory& dir) {
  const Reader r(bytes_, label_);
  if (!fits(pos, kCentralSize, end) || r.u32(pos) != kCentralSig)
    fail("central directory entry " + std::to_string(members_.size()) + " (offset " + std::to_string(pos) +
         ") is damaged; the file is corrupt");
  const uint64_t name_len = r.u16(pos + 28), extra_len = r.u16(pos + 30), comment_len = r.u16(pos + 32);
  if (!fits(pos + kCentralSize, name_len + extra_len + comment_len, end))
    fail("central directory entry " + std::to_string(members_.size()) + " runs past the directory; the file is corrupt");
  ZipMember m;
  m.flags = r.u16(pos + 8);
  m.method = r.u16(pos + 10);
  m.crc = r.u32(pos + 16);
  m.size = r.u32(pos + 20);
  m.uncompressed_size = r.u32(pos + 24);
  uint64_t local_offset = r.u32(pos + 42);
  const uint8_t* name = bytes_.data() + pos + kCentralSize;
  m.name.assign(reinterpret_cast<const char*>(name), name_len);
  read_zip64_extra(bytes_.subspan(pos + kCentralSize + name_len, extra_len), m, local_offset);
  if (m.name.empty()) fail("central directory entry " + std::to_string(members_.size()) + " has an empty name");
  if (index_.count(m.name)) fail(member(m.name) + " appears twice; the file is corrupt");
  check_local_header(m, local_offset, dir.offset);
  index_.emplace(m.name, members_.size());
  members_.push_back(std::move(m));
  return pos + kCentralSize + name_len + extra_len + comment_len;
}

void ZipArchive::read_zip64_extra(std::span<const uint8_t> extra, ZipMember& m, uint64_t& local_offset) const {
  const Reader r(extra, label_);
  for (uint64_t pos = 0; pos + 4 <= extra.size();) {
    const uint16_t id = r.u16(pos), len = r.u16(pos + 2);
    if (!fits(pos + 4, len, extra.size())) fail(member(m.name) + " has a damaged extra field");
    if (id == 0x0001) {
      // Only the fields whose 32-bit value is the sentinel are present, in this order.
      uint64_t field = pos + 4;
      const uint64_t stop = pos + 4 + len;
      for (uint64_t* v : {&m.uncompressed_size, &m.size, &local_offset}) {
        if (*v != kSentinel32) continue;
        if (field + 8 > stop) fail(member(m.name) + " has a truncated zip64 extra field");
        *v = r.u64(field);
        field += 8;
      }
    }
    pos += 4 + len;
  }
  if (m.size == kSentinel32 || m.uncompressed_size == kSentinel32 || local_offset == kSentinel32)
    fail(member(m.name) + " needs a zip64 extra field that is missing; the file is corrupt");
}

void ZipArchive::check_local_header(ZipMember& m, uint64_t local_offset, uint64_t data_limit) const {
  const Reader r(bytes_, label_);
  const std::string where = member(m.name) + ": local header at offset " + std::to_string(local_offset);
  if (!fits(local_offset, kLocalSize, data_limit) || r.u32(local_offset) != kLocalSig)
    fail(where + " is missing or damaged; the file is truncated or corrupt");
  const uint64_t name_len = r.u16(local_offset + 26), extra_len = r.u16(local_offset + 28);
  if (!fits(local_offset + kLocalSize, name_len + extra_len, data_limit))
    fail(where + " runs into the central directory; the file is corrupt");
  const std::string_view local_name(reinterpret_cast<const char*>(bytes_.data() + local_offset + kLocalSize),
                                    name_len);
  if (local_name != m.name) fail(where + " names '" + printable_name(local_name) + "'; the file is corrupt");
  if (r.u16(local_offset + 8) != m.method) fail(where + " disagrees with the central directory on the compression method");
  // Without a data descriptor the local sizes must match (0xFFFFFFFF defers to a zip64 field).
  if (!(m.flags & kFlagDataDescriptor)) {
    const uint32_t csize = r.u32(local_offset + 18), usize = r.u32(local_offset + 22);
    if ((csize != kSentinel32 && csize != m.size) || (usize != kSentinel32 && usize != m.uncompressed_size))
      fail(where + " disagrees with the central directory on the member size; the file is corrupt");
  }
  m.data_offset = local_offset + kLocalSize + name_len + extra_len;
  if (!fits(m.data_offset, m.size, data_limit))
    fail(member(m.name) + " (" + std::to_string(m.size) + " bytes at offset " + std::to_string(m.data_offset) +
         ") does not fit before the central directory at offset " + std::to_string(data_limit) +
         "; the file is truncated or corrupt");
}

const ZipMember* ZipArchive::find(std::string_view name) const {
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : &members_[it->second];
}

std::span<const uint8_t> ZipArchive::stored_data(const ZipMember& m) const {
  if (m.flags & kFlagEncrypted) fail(member(m.name) + " is encrypted");
  if (m.method != 0)
    fail(member(m.name) + " is compressed (method " + std::to_string(m.method) + ", " +
         method_name(m.method) +
         "); torch.save stores members uncompressed and this reader does not decompress: re-save the checkpoint "
         "with torch.save or convert it to safetensors");
  if (m.size != m.uncompressed_size)
    fail(member(m.name) + " is stored but its sizes differ (" + std::to_string(m.size) + " vs " +
         std::to_string(m.uncompressed_size) + " bytes); the file is corrupt");
  return bytes_.subspan(m.data_offset, m.size);
}

void ZipArchive::verify_crc(const ZipMember& m) const {
  const auto data = stored_data(m);
  if (m.crc == 0) return;
  const uint32_t actual = crc32(data);
  if (actual != m.crc)
    fail(member(m.name) + " fails its CRC-32 check (recorded " + hex32(m.crc) + ", computed " + hex32(actual) +
         "); the file is corrupt");
}

}  // namespace as
