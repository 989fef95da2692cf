#pragma once
// A minimal, bounds-checked reader for the zip container torch.save writes (torch >= 1.6): members
// are STORED (never compressed), local headers carry zero sizes plus a data descriptor (flag bit 3),
// and a zip64 end-of-central-directory record is always present. Only the central directory is
// trusted for sizes; every local header is checked against it and every member's data must lie
// before the central directory, so no later read can leave the buffer.
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace as {

// CRC-32 (IEEE 802.3, as zip uses), optionally continuing from a previous value.
uint32_t crc32(std::span<const uint8_t> bytes, uint32_t crc = 0);

// `name` with bytes outside printable ASCII written as \xNN: member names come from the file and
// end up in messages that are shown to users or written into JSON (which needs valid UTF-8).
std::string printable_name(std::string_view name);

struct ZipMember {
  std::string name;
  uint16_t method = 0;       // 0 = stored; anything else is refused on access
  uint16_t flags = 0;
  uint32_t crc = 0;          // as recorded in the central directory
  uint64_t data_offset = 0;  // absolute offset of the member's bytes in the archive
  uint64_t size = 0;         // compressed size (== uncompressed size for stored members)
  uint64_t uncompressed_size = 0;
};

class ZipArchive {
 public:
  // Parses and validates the directory structure of `bytes`; `label` (usually the file name)
  // starts every error message. The bytes are not copied: they must outlive the archive.
  ZipArchive(std::span<const uint8_t> bytes, std::string label);

  const std::vector<ZipMember>& members() const { return members_; }
  const ZipMember* find(std::string_view name) const;
  // The bytes of a stored member, after checking that it is stored and not encrypted.
  std::span<const uint8_t> stored_data(const ZipMember& member) const;
  // Throws when the member's CRC-32 does not match. A recorded CRC of 0 on a non-empty member is
  // taken as "not computed" (torch can be told to skip CRCs when saving).
  void verify_crc(const ZipMember& member) const;
  const std::string& label() const { return label_; }

 private:
  struct Directory {
    uint64_t entries = 0;
    uint64_t offset = 0;
    uint64_t size = 0;
  };
  Directory find_directory() const;
  uint64_t find_eocd() const;
  void read_zip64_eocd(uint64_t eocd, Directory& dir) const;
  uint64_t read_central_entry(uint64_t pos, uint64_t end, const Directory& dir);
  void read_zip64_extra(std::span<const uint8_t> extra, ZipMember& m, uint64_t& local_offset) const;
  void check_local_header(ZipMember& m, uint64_t local_offset, uint64_t data_limit) const;
  [[noreturn]] void fail(const std::string& what) const;

  std::span<const uint8_t> bytes_;
  std::string label_;
  std::vector<ZipMember> members_;
  std::map<std::string, size_t, std::less<>> index_;
};

}  // namespace as
