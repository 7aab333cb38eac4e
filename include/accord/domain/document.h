// Checks on uploaded evidence documents (agreements, SOC 2 reports, due diligence evidence).
// Documents are stored content-addressed and never executed; these checks keep anything that
// a browser or desktop would run or render as active content out of the store.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "accord/core/result.h"

namespace accord::domain {

constexpr size_t kMaxDocumentBytes = 25 * 1024 * 1024;

// Returns the canonical content type of an acceptable document: application/pdf, image/png,
// image/jpeg, text/plain, text/csv (both UTF-8 without NUL) or an OOXML .docx/.xlsx without
// macros. The declared type (parameters such as "; charset=" ignored, common browser aliases
// accepted) must agree with the content's magic bytes, and a filename extension that names
// another type or active content (.html, .svg, .exe, ...) is refused. Errors name "file",
// "content_type" or "filename" and list the accepted types.
[[nodiscard]] Result<std::string> CheckDocument(std::string_view declared_content_type,
                                                std::span<const uint8_t> bytes,
                                                std::string_view filename);

// Fills `out` with the content's bytes from `offset` and returns how many: fewer only at its end;
// nullopt when they cannot be read.
using ContentReader = std::function<std::optional<size_t>(uint64_t offset, std::span<uint8_t> out)>;

// CheckDocument for `size` bytes too many to hold in memory (an upload received into a file),
// read a chunk at a time: the same rules, the same errors.
[[nodiscard]] Result<std::string> CheckDocumentContent(std::string_view declared_content_type,
                                                       uint64_t size, const ContentReader& read,
                                                       std::string_view filename);

// A name safe to display and offer as a download: the last path component, without control or
// bidirectional-formatting characters, leading dots or surrounding spaces, with characters
// Windows forbids replaced by '_', at most 200 bytes (cut on a UTF-8 boundary, extension
// kept). Fails (field "filename") when nothing usable is left.
[[nodiscard]] Result<std::string> SanitizeFilename(std::string_view filename);

}  // namespace accord::domain
