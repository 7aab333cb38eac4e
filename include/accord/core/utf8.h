// UTF-8 well-formedness (Unicode Table 3-7: no overlongs, no surrogates, <= U+10FFFF),
// shared by every parser that must refuse malformed text before it reaches the ledger.
#pragma once

#include <cstddef>
#include <string_view>

namespace accord {

// Length (1-4) of the well-formed UTF-8 sequence starting at s[i], or 0 if there is none.
size_t Utf8Length(std::string_view s, size_t i);

// Offset of the first byte that does not start a well-formed sequence, or npos.
size_t InvalidUtf8At(std::string_view s);

inline bool IsValidUtf8(std::string_view s) { return InvalidUtf8At(s) == std::string_view::npos; }

// Code points in `s` (a malformed byte counts as one).
size_t CodePointCount(std::string_view s);

// `s` without leading and trailing blanks: Unicode White_Space (spaces, tabs, line breaks,
// no-break and ideographic spaces ...) and the invisible U+200B-U+200D, U+2060, U+FEFF.
std::string_view TrimBlank(std::string_view s);

}  // namespace accord
