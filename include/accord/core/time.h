// RFC 3339 timestamps and short durations ("30d") as they appear in the API and profiles.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "accord/core/clock.h"
#include "accord/core/result.h"

namespace accord {

// "2026-11-23T10:15:30.123Z": always UTC, always milliseconds, so equal instants format
// identically (ledger events are hashed). Instants outside years 0000..9999 are clamped.
std::string FormatRfc3339(TimePoint t);

// "Sun, 06 Nov 1994 08:49:37 GMT": the IMF-fixdate of HTTP's Date header (RFC 9110 5.6.7),
// to the second. Instants outside years 0000..9999 are clamped.
std::string FormatHttpDate(TimePoint t);

// "5 Nov 2026" for an RFC 3339 time or a YYYY-MM-DD date: what a person reads (screens, emails,
// titles); the text itself when it is neither.
std::string HumanDay(std::string_view time);

// Accepts YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM); 'T' and 'Z' in either case;
// 1..9 fraction digits, truncated to milliseconds. Leap seconds (:60) are rejected because
// TimePoint cannot represent them.
[[nodiscard]] Result<TimePoint> ParseRfc3339(std::string_view text);

// One positive integer and one unit: "30d", "12h", "15m", "90s".
[[nodiscard]] Result<std::chrono::seconds> ParseDuration(std::string_view text);

}  // namespace accord
