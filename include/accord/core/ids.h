// Opaque, type-prefixed ids ("pty_01jd3k...") that sort by creation time.
#pragma once

#include <string>
#include <string_view>

#include "accord/core/clock.h"

namespace accord {

// prefix + "_" + 26 lowercase Crockford base32 chars: 48 bits of Unix milliseconds
// (clamped to 0..2^48-1), then 80 random bits. Within one process, an id made in the same
// millisecond as the one before it is that id plus one, so ids sort in creation order
// (the monotonic ULID rule); a new millisecond starts from fresh random bits.
std::string NewId(std::string_view prefix, TimePoint now);
// Uses the system clock; prefer the overload above where a Clock is injected.
std::string NewId(std::string_view prefix);

// True if id is prefix + "_" + a well-formed 26-char body (lowercase only).
bool IsValidId(std::string_view id, std::string_view prefix);

}  // namespace accord
