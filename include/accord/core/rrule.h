// RFC 5545 recurrence rules, the subset schedules use: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY,
// INTERVAL, BYMONTH, BYMONTHDAY (1..31 and -31..-1), COUNT, UNTIL; always in UTC.
// Occurrences are computed from a start instant (DTSTART, which always counts as the
// first occurrence, index 0), never from the last completion, so a late review does not
// shift the schedule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"

namespace accord {

struct RRule {
  enum class Freq { kDaily, kWeekly, kMonthly, kYearly };
  Freq freq = Freq::kYearly;
  int interval = 1;                // 1..1000
  std::vector<int> by_month;       // 1..12, sorted, distinct
  std::vector<int> by_month_day;   // 1..31 or -31..-1 (from the end of the month), distinct
  std::optional<int64_t> count;    // 1..100000, counts DTSTART
  std::optional<TimePoint> until;  // inclusive
};

// Parses "FREQ=MONTHLY;INTERVAL=3" (an optional leading "RRULE:" is accepted; names are
// case-insensitive; parts in any order; one trailing ';' is tolerated; no whitespace; at
// most 500 bytes). Errors are validation_failed on `field` with the reason naming the part
// ("INTERVAL must be an integer from 1 to 1000; got \"0\"", "BYDAY is not supported
// (supported: FREQ, INTERVAL, BYMONTH, BYMONTHDAY, COUNT, UNTIL)", "COUNT and UNTIL cannot
// both be given; ...", "FREQ is required (...)", "BYMONTHDAY cannot be used with
// FREQ=WEEKLY", ...). UNTIL takes YYYYMMDD (that day at 00:00:00Z) or YYYYMMDDTHHMMSSZ; a
// time without Z is rejected. BYMONTH and BYMONTHDAY come back sorted without repeats.
[[nodiscard]] Result<RRule> ParseRRule(std::string_view text, std::string_view field = "rrule");

// The canonical text: FREQ first, then INTERVAL (only when > 1), BYMONTH, BYMONTHDAY,
// COUNT, UNTIL (YYYYMMDDTHHMMSSZ, whole seconds). ParseRRule(FormatRRule(r)) == r for any r
// that ParseRRule produced.
std::string FormatRRule(const RRule& rule);

struct Occurrence {
  int64_t index = 0;  // 0 = DTSTART
  TimePoint at;
};

// The first occurrence strictly after `after` (nullopt when COUNT or UNTIL has ended the
// series). Occurrences keep DTSTART's time of day; dates that do not exist (Feb 30, the
// 31st of a 30-day month) are skipped, as RFC 5545 says. DTSTART is occurrence 0 even when
// it does not match the BY parts or is after UNTIL; later candidates on or before it are
// not produced. FREQ=YEARLY with BYMONTHDAY but no BYMONTH takes those days in every month
// (as python-dateutil does). The series ends in year 9999; a dtstart outside years
// 0000..9999 yields only itself. Cost does not grow with the number of periods between
// dtstart and `after`: O(1) without BY parts, else bounded by one 400-year calendar cycle.
std::optional<Occurrence> NextOccurrence(const RRule& rule, TimePoint dtstart, TimePoint after);

// Occurrence number `index` (0 = dtstart), nullopt past the end of the series.
std::optional<TimePoint> NthOccurrence(const RRule& rule, TimePoint dtstart, int64_t index);

// Where a review series starts for an event at t: midnight UTC of that day, or the 1st of
// the next month when the day is the 29th, 30th or 31st, which a monthly or yearly rule would
// skip in the months (or years) that lack it (RFC 5545 drops invalid dates).
TimePoint SeriesAnchor(TimePoint t);

// The start of the calendar quarter (UTC) containing t: Jan 1, Apr 1, Jul 1 or Oct 1.
TimePoint QuarterStart(TimePoint t);
// "2026Q4" for any instant in that quarter; ParseQuarter gives [start, end).
std::string QuarterLabel(TimePoint t);
[[nodiscard]] Result<std::pair<TimePoint, TimePoint>> ParseQuarter(
    std::string_view label, std::string_view field = "quarter");

}  // namespace accord
