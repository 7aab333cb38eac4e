// An uploaded document's type check: declared type and filename from a small table chosen by
// the first byte, the content from the rest. Half the inputs are also checked as a large
// upload read a chunk at a time, with the content straddling the 64 KiB chunk boundary, and
// must get the same answer as the same bytes held in memory.
#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

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
  if ((selector & 0x40) == 0) return 0;

  // The same bytes at the end of a file whose first part is the first byte repeated up to
  // a few bytes before the chunk boundary: the check reads it in two chunks.
  constexpr uint64_t kChunk = 64 * 1024;
  const uint64_t pad = bytes.empty() ? 0 : kChunk - 1 - (selector >> 7) * 2;
  const uint8_t fill = bytes.empty() ? 0 : bytes[0];
  std::vector<uint8_t> whole(pad, fill);
  whole.insert(whole.end(), bytes.begin(), bytes.end());
  auto reader = [&](uint64_t offset, std::span<uint8_t> out) -> std::optional<size_t> {
    if (offset > whole.size()) return std::nullopt;
    size_t n = std::min<size_t>(out.size(), whole.size() - offset);
    std::memcpy(out.data(), whole.data() + offset, n);
    return n;
  };
  auto chunked = accord::domain::CheckDocumentContent(type, whole.size(), reader, name);
  auto held = accord::domain::CheckDocument(type, whole, name);
  FUZZ_CHECK(chunked.ok() == held.ok());
  if (chunked.ok()) FUZZ_CHECK(*chunked == *held);
  if (!chunked.ok()) FUZZ_CHECK(chunked.error().message == held.error().message);
  return 0;
}
