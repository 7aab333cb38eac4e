// A recurrence rule (RFC 5545 subset) from a review schedule, expanded from a start instant
// taken from the input; also the quarter labels report routes take.
#include <cstring>
#include <string_view>

#include "accord/core/rrule.h"
#include "fuzz_entry.h"

extern "C" int ACCORD_FUZZ_ENTRY(const uint8_t* data, size_t size) {
  // 8 bytes of start instant (milliseconds, bounded to years 0..10000), then the rule.
  int64_t raw = 0;
  if (size >= 8) {
    std::memcpy(&raw, data, 8);
    data += 8;
    size -= 8;
  }
  constexpr int64_t kSpan = 377'711'000'000'000;  // ~ years -2000..10000 in ms
  const int64_t ms = (raw % kSpan) - 62'167'219'200'000 - 63'000'000'000'000;
  const accord::TimePoint dtstart{std::chrono::milliseconds(ms)};
  std::string_view text(reinterpret_cast<const char*>(data), size);

  (void)accord::ParseQuarter(text);
  auto rule = accord::ParseRRule(text);
  if (!rule.ok()) return 0;
  // The canonical text parses back to the same rule.
  std::string canonical = accord::FormatRRule(*rule);
  auto again = accord::ParseRRule(canonical);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(accord::FormatRRule(*again) == canonical);

  // A few occurrences: strictly increasing, and NthOccurrence agrees with NextOccurrence.
  accord::TimePoint after = dtstart - std::chrono::milliseconds(1);
  for (int64_t i = 0; i < 4; ++i) {
    auto next = accord::NextOccurrence(*rule, dtstart, after);
    if (!next) break;
    FUZZ_CHECK(next->at > after);
    FUZZ_CHECK(next->index == i);
    auto nth = accord::NthOccurrence(*rule, dtstart, i);
    FUZZ_CHECK(nth && *nth == next->at);
    after = next->at;
  }
  return 0;
}
