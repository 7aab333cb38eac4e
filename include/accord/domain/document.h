// Checks on uploaded evidence documents (agreements, SOC 2 reports, due diligence evidence).
// Documents are stored content-addressed and never executed; these checks keep anything that
// a browser or desktop would run or render as active content out of the store.
#pragma once

#include <cstddef>
#include <cstdint>
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

// A name safe to display and offer as a download: the last path component, without control or
// bidirectional-formatting characters, leading dots or surrounding spaces, with characters
// Windows forbids replaced by '_', at most 200 bytes (cut on a UTF-8 boundary, extension
// kept). Fails (field "filename") when nothing usable is left.
[[nodiscard]] Result<std::string> SanitizeFilename(std::string_view filename);

}  // namespace accord::domain
