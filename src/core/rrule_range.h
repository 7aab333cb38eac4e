// Internal to src/core: the instants recurrence rules work within (rrule.cc parses and
// formats them, rrule_expand.cc expands them): years 0000..9999.
#pragma once

#include <chrono>

#include "accord/core/clock.h"

namespace accord::core_internal {

// Occurrences are produced only in years 0000..9999, like FormatRfc3339; this also keeps
// every calendar conversion far inside std::chrono's range.
inline constexpr std::chrono::sys_days kFirstDay{std::chrono::year{0} / 1 / 1};
inline constexpr std::chrono::sys_days kLastDay{std::chrono::year{9999} / 12 / 31};
inline constexpr TimePoint kMinTime{kFirstDay};
inline constexpr TimePoint kMaxTime =
    TimePoint{kLastDay} + std::chrono::days{1} - std::chrono::milliseconds{1};

}  // namespace accord::core_internal
