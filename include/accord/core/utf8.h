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

}  // namespace accord
