// An uploaded document's type check: declared type and filename from a small table chosen by
// the first byte, the content from the rest; some inputs also as a large upload whose content
// straddles the 64 KiB read chunk.
#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <span>
#include <string_view>

#include "accord/domain/document.h"
#include "fuzz_entry.h"

namespace {

constexpr std::array<std::string_view, 8> kTypes = {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "text/plain; charset=utf-8",
    "text/csv",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/octet-stream"};
constexpr std::array<std::string_view, 8> kNames = {"report.pdf", "scan.png",    "photo.jpg",
                                                    "notes.txt",  "parties.csv", "contract.docx",
                                                    "",           "x.svg"};

}  // namespace

extern "C" int ACCORD_FUZZ_ENTRY(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t selector = data[0];
  std::string_view type = kTypes[selector & 7];
  std::string_view name = kNames[(selector >> 3) & 7];
  std::span<const uint8_t> bytes(data + 1, size - 1);
  auto in_memory = accord::domain::CheckDocument(type, bytes, name);
  (void)accord::domain::SanitizeFilename(
      std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  if ((selector & 0xC0) != 0xC0) return 0;

  // A quarter of the inputs again, after a file's first part: the first byte repeated up to
  // just before the 64 KiB chunk boundary, so that the content is read in two chunks. Each
  // such run reads 64 KiB, so only these.
  constexpr uint64_t kChunk = 64 * 1024;
  const uint64_t pad = bytes.empty() ? 0 : kChunk - 1 - (selector & 0x38) / 8;
  const uint8_t fill = bytes.empty() ? 0 : bytes[0];
  auto reader = [&](uint64_t offset, std::span<uint8_t> out) -> std::optional<size_t> {
    const uint64_t total = pad + bytes.size();
    if (offset > total) return std::nullopt;
    size_t n = static_cast<size_t>(std::min<uint64_t>(out.size(), total - offset));
    // The pad's part, then the content's, a block each (byte by byte, this reader took as
    // long as the check it feeds).
    size_t in_pad = offset < pad ? static_cast<size_t>(std::min<uint64_t>(n, pad - offset)) : 0;
    std::memset(out.data(), fill, in_pad);
    if (n > in_pad)
      std::memcpy(out.data() + in_pad, bytes.data() + (offset + in_pad - pad), n - in_pad);
    return n;
  };
  auto chunked = accord::domain::CheckDocumentContent(type, pad + bytes.size(), reader, name);
  // The answer does not depend on where the chunks fall: a valid text stays valid.
  if (in_memory.ok() && *in_memory == "text/plain" && fill >= 0x20 && fill < 0x7f) {
    FUZZ_CHECK(chunked.ok());
  }
  return 0;
}
