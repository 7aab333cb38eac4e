// Internal to src/core: the fixed-width number fields of dates and times (RFC 3339, the
// RRULE UNTIL form, quarter labels).
#pragma once

#include <cstddef>
#include <string_view>

namespace accord::core_internal {

// The n decimal digits at pos as a number; -1 if one is not a digit or the text is too short.
inline int FixedDigits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace accord::core_internal
