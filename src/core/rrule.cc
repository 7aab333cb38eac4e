#include "accord/core/rrule.h"

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <numeric>
#include <utility>

#include "fixed_digits.h"

namespace accord {
namespace {

using core_internal::FixedDigits;

using std::chrono::days;
using std::chrono::milliseconds;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr size_t kMaxRuleLength = 500;
constexpr int64_t kMaxInterval = 1000;
constexpr int64_t kMaxCount = 100000;
constexpr std::string_view kSupported = "FREQ, INTERVAL, BYMONTH, BYMONTHDAY, COUNT, UNTIL";
constexpr std::string_view kFreqs = "DAILY, WEEKLY, MONTHLY or YEARLY";

// Occurrences are produced only in years 0000..9999, like FormatRfc3339; this also keeps
// every calendar conversion far inside std::chrono's range.
constexpr sys_days kFirstDay{std::chrono::year{0} / 1 / 1};
constexpr sys_days kLastDay{std::chrono::year{9999} / 12 / 31};
constexpr TimePoint kMinTime{kFirstDay};
constexpr TimePoint kMaxTime = TimePoint{kLastDay} + days{1} - milliseconds{1};

// The Gregorian calendar repeats exactly every 400 years, which is a whole number of days,
// weeks and months; so does the candidate pattern of every rule.
constexpr int64_t kCycleDays = 146097;
constexpr int64_t kCycleWeeks = kCycleDays / 7;
constexpr int64_t kCycleMonths = 4800;
constexpr int64_t kCycleYears = 400;

// ---------------------------------------------------------------------------------------------
// Parsing

enum class Part { kFreq, kInterval, kByMonth, kByMonthDay, kCount, kUntil };

constexpr std::pair<std::string_view, Part> kParts[] = {
    {"FREQ", Part::kFreq},       {"INTERVAL", Part::kInterval},
    {"BYMONTH", Part::kByMonth}, {"BYMONTHDAY", Part::kByMonthDay},
    {"COUNT", Part::kCount},     {"UNTIL", Part::kUntil},
};

// RFC 5545 (and RFC 7529) parts we recognise but do not implement, so the error can say so.
constexpr std::string_view kUnsupportedParts[] = {"BYSECOND",  "BYMINUTE", "BYHOUR",   "BYDAY",
                                                  "BYYEARDAY", "BYWEEKNO", "BYSETPOS", "WKST",
                                                  "RSCALE",    "SKIP"};

constexpr std::pair<std::string_view, RRule::Freq> kFreqNames[] = {
    {"DAILY", RRule::Freq::kDaily},
    {"WEEKLY", RRule::Freq::kWeekly},
    {"MONTHLY", RRule::Freq::kMonthly},
    {"YEARLY", RRule::Freq::kYearly},
};

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Echoes user input into a message: short, printable ASCII only (the message may go to JSON).
std::string Shown(std::string_view s) {
  constexpr size_t kMaxEcho = 32;
  std::string out;
  for (size_t i = 0; i < s.size() && i < kMaxEcho; ++i) {
    const char c = s[i];
    out += (c > ' ' && c < 0x7f) ? c : '?';
  }
  if (s.size() > kMaxEcho) out += "...";
  return out;
}

// An optionally signed decimal integer; nullopt if `s` is not one (a sign is accepted
// everywhere so "-1" reports as out of range rather than as not a number). Saturates instead of
// overflowing, so a huge value reports as out of range.
std::optional<int64_t> ParseInteger(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || !std::all_of(s.begin(), s.end(), IsDigit)) return std::nullopt;
  int64_t v = 0;
  for (char c : s) v = std::min<int64_t>(v * 10 + (c - '0'), int64_t{1} << 40);
  return negative ? -v : v;
}

std::string RangeReason(std::string_view name, std::string_view range, std::string_view got) {
  return std::string(name) + " must be an integer from " + std::string(range) + "; got \"" +
         Shown(got) + "\"";
}

Result<int64_t> ParseBounded(const std::string& field, std::string_view name,
                             std::string_view value, int64_t lo, int64_t hi) {
  const std::string range = std::to_string(lo) + " to " + std::to_string(hi);
  const auto v = ParseInteger(value);
  if (!v) {
    return ValidationError(field, std::string(name) + " must be an integer from " + range + "; \"" +
                                      Shown(value) + "\" is not a number");
  }
  if (*v < lo || *v > hi) return ValidationError(field, RangeReason(name, range, value));
  return *v;
}

// A comma-separated list; returned sorted and without repeats (RFC 5545 lists are sets).
Result<std::vector<int>> ParseList(const std::string& field, std::string_view name,
                                   std::string_view value, bool month_day) {
  const std::string range = month_day ? "1 to 31 or -31 to -1" : "1 to 12";
  std::vector<int> out;
  size_t start = 0;
  while (true) {
    const size_t comma = value.find(',', start);
    const std::string_view item = value.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    if (item.empty()) {
      return ValidationError(
          field, std::string(name) + " has an empty item; separate values with a single ','");
    }
    const auto v = ParseInteger(item);
    if (!v) {
      return ValidationError(field, std::string(name) + " values must be integers from " + range +
                                        "; \"" + Shown(item) + "\" is not a number");
    }
    if (month_day && *v == 0) {
      return ValidationError(field, std::string(name) +
                                        " cannot be 0 (use 1 to 31, or -1 to -31 "
                                        "to count from the end of the month)");
    }
    const int64_t limit = month_day ? 31 : 12;
    if (*v > limit || *v < (month_day ? -31 : 1)) {
      return ValidationError(field, std::string(name) + " values must be integers from " + range +
                                        "; got \"" + Shown(item) + "\"");
    }
    out.push_back(static_cast<int>(*v));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// YYYYMMDD (that day at 00:00:00Z) or YYYYMMDDTHHMMSSZ.
Result<TimePoint> ParseUntil(const std::string& field, std::string_view value) {
  const std::string shape =
      "UNTIL must look like 20261231 or 20261231T235959Z; got \"" + Shown(value) + "\"";
  const int y = FixedDigits(value, 0, 4), mo = FixedDigits(value, 4, 2),
            d = FixedDigits(value, 6, 2);
  if (y < 0 || mo < 0 || d < 0) return ValidationError(field, shape);
  int h = 0, mi = 0, s = 0;
  if (value.size() != 8) {
    h = FixedDigits(value, 9, 2), mi = FixedDigits(value, 11, 2), s = FixedDigits(value, 13, 2);
    if ((value[8] != 'T' && value[8] != 't') || h < 0 || mi < 0 || s < 0) {
      return ValidationError(field, shape);
    }
    if (value.size() == 15 || (value[15] != 'Z' && value[15] != 'z')) {
      return ValidationError(field, "UNTIL must be in UTC (end with Z), such as 20261231T235959Z");
    }
    if (value.size() != 16) return ValidationError(field, shape);
  }
  const year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                           std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) {
    return ValidationError(
        field, "UNTIL has a date that does not exist: \"" + Shown(value.substr(0, 8)) + "\"");
  }
  if (h > 23 || mi > 59 || s > 59) {
    return ValidationError(field, "UNTIL has a time of day that does not exist: \"" +
                                      Shown(value.substr(9, 6)) + "\" (HHMMSS, 000000 to 235959)");
  }
  return TimePoint{sys_days{ymd}} + std::chrono::hours{h} + std::chrono::minutes{mi} +
         std::chrono::seconds{s};
}

Result<RRule::Freq> ParseFreq(const std::string& field, std::string_view value) {
  const std::string upper = Upper(value);
  for (const auto& [name, freq] : kFreqNames) {
    if (upper == name) return freq;
  }
  if (upper == "SECONDLY" || upper == "MINUTELY" || upper == "HOURLY") {
    return ValidationError(field,
                           "FREQ=" + upper + " is not supported; use " + std::string(kFreqs));
  }
  return ValidationError(field,
                         "FREQ must be " + std::string(kFreqs) + "; got \"" + Shown(value) + "\"");
}

Result<Part> LookUpPart(const std::string& field, const std::string& name) {
  for (const auto& [n, part] : kParts) {
    if (name == n) return part;
  }
  const std::string supported = " (supported: " + std::string(kSupported) + ")";
  for (std::string_view n : kUnsupportedParts) {
    if (name == n) return ValidationError(field, name + " is not supported" + supported);
  }
  return ValidationError(field, "unknown part \"" + Shown(name) + "\"" + supported);
}

// ---------------------------------------------------------------------------------------------
// Expansion

int64_t FloorMod(int64_t a, int64_t m) {
  const int64_t r = a % m;
  return r < 0 ? r + m : r;
}
int64_t FloorDiv(int64_t a, int64_t m) { return (a - FloorMod(a, m)) / m; }

int64_t DayNumber(sys_days d) { return d.time_since_epoch().count(); }
int64_t MonthIndex(const year_month_day& ymd) {
  return int64_t{static_cast<int>(ymd.year())} * 12 + static_cast<unsigned>(ymd.month()) - 1;
}

// Candidates of period p (p = 0, 1, 2, ...; period p starts FREQ*INTERVAL*p after DTSTART's
// period) are expanded and limited per the RFC 5545 section 3.3.10 table:
//   DAILY    one day; BYMONTH and BYMONTHDAY limit.
//   WEEKLY   one day (no BYDAY, so DTSTART's weekday); BYMONTH limits.
//   MONTHLY  BYMONTH limits; BYMONTHDAY expands (default: DTSTART's day of month).
//   YEARLY   BYMONTH expands (default: DTSTART's month); BYMONTHDAY expands. With BYMONTHDAY
//            and no BYMONTH the days are taken in every month, as python-dateutil does
//            ("FREQ=YEARLY;BYMONTHDAY=1" is the 1st of each month).
// Days that do not exist are skipped. Occurrence 0 is DTSTART; period 0's candidates on or
// before DTSTART's day are dropped (all candidates share DTSTART's time of day).
class Series {
 public:
  Series(const RRule& rule, TimePoint dtstart)
      : rule_(rule),
        interval_(std::max(rule.interval, 1)),
        dtstart_(dtstart),
        in_range_(dtstart >= kMinTime && dtstart <= kMaxTime) {
    const sys_days day = std::chrono::floor<days>(std::clamp(dtstart, kMinTime, kMaxTime));
    const year_month_day ymd{day};
    start_day_ = DayNumber(day);
    time_of_day_ = dtstart - TimePoint{day};
    start_month_ = MonthIndex(ymd);
    start_year_ = static_cast<int>(ymd.year());
    start_dom_ = static_cast<unsigned>(ymd.day());

    const uint32_t start_month_bit = 1u << static_cast<unsigned>(ymd.month());
    uint32_t by_month = 0;
    for (int m : rule.by_month) {
      if (m >= 1 && m <= 12) by_month |= 1u << m;
    }
    constexpr uint32_t kAllMonths = 0x1ffe;
    if (!rule.by_month.empty()) {
      months_ = by_month;
    } else if (rule.freq == RRule::Freq::kYearly && rule.by_month_day.empty()) {
      months_ = start_month_bit;
    } else {
      months_ = kAllMonths;
    }
    for (unsigned last = 28; last <= 31; ++last) {
      uint32_t mask = 0;
      for (int d : rule.by_month_day) {
        const int dd = d > 0 ? d : static_cast<int>(last) + 1 + d;
        if (dd >= 1 && dd <= static_cast<int>(last)) mask |= 1u << dd;
      }
      by_month_day_masks_[last - 28] = mask;
    }

    const bool no_by_parts = rule.by_month.empty() && rule.by_month_day.empty();
    switch (rule.freq) {
      case RRule::Freq::kDaily:
      case RRule::Freq::kWeekly: {
        const bool weekly = rule.freq == RRule::Freq::kWeekly;
        step_days_ = (weekly ? 7 : 1) * interval_;
        cycle_ = (weekly ? kCycleWeeks : kCycleDays) /
                 std::gcd(weekly ? kCycleWeeks : kCycleDays, interval_);
        last_period_ = (DayNumber(kLastDay) - start_day_) / step_days_;
        one_per_period_ = no_by_parts;
        break;
      }
      case RRule::Freq::kMonthly:
        cycle_ = kCycleMonths / std::gcd(kCycleMonths, interval_);
        last_period_ = (MonthIndex(year_month_day{kLastDay}) - start_month_) / interval_;
        one_per_period_ = no_by_parts && start_dom_ <= 28;
        break;
      case RRule::Freq::kYearly:
        cycle_ = kCycleYears / std::gcd(kCycleYears, interval_);
        last_period_ = (9999 - start_year_) / interval_;
        one_per_period_ =
            no_by_parts && !(ymd.month() == std::chrono::February && start_dom_ == 29);
        break;
    }
  }

  std::optional<Occurrence> Next(TimePoint after) const {
    if (after < dtstart_) return Checked(0, dtstart_);
    if (!in_range_ || after >= kMaxTime) return std::nullopt;
    const int64_t first = PeriodOf(DayNumber(std::chrono::floor<days>(after)));
    // Every candidate of an earlier period is before `first`'s span, so before `after`.
    int64_t index = 1 + (first > 0 ? CountIn(0) + CountInFirstPeriods(first - 1) : 0);
    if (rule_.count && index >= *rule_.count) return std::nullopt;
    // A whole cycle after `first` holds a candidate unless the rule has none at all.
    for (int64_t p = first; p <= first + cycle_ && p <= last_period_; ++p) {
      std::optional<Occurrence> found;
      ForEach(p, [&](int64_t day) {
        const TimePoint at = At(day);
        if (at > after) {
          found = Occurrence{index, at};
          return true;
        }
        ++index;
        return false;
      });
      if (found) return Checked(found->index, found->at);
    }
    return std::nullopt;
  }

  std::optional<TimePoint> Nth(int64_t n) const {
    if (n < 0) return std::nullopt;
    if (n == 0) return Checked(0, dtstart_) ? std::optional(dtstart_) : std::nullopt;
    if (!in_range_ || (rule_.count && n >= *rule_.count)) return std::nullopt;
    if (one_per_period_) return n <= last_period_ ? Pick(n, n, 1) : std::nullopt;
    const int64_t in_first = CountIn(0);
    if (n <= in_first) return Pick(n, 0, n);
    const int64_t m = n - in_first;  // the m-th candidate after period 0
    int64_t per_cycle = 0;
    for (int64_t p = 1; p <= cycle_ && p <= last_period_; ++p) {
      const int64_t c = CountIn(p);
      if (per_cycle + c >= m) return Pick(n, p, m - per_cycle);
      per_cycle += c;
    }
    if (per_cycle == 0 || cycle_ > last_period_) return std::nullopt;
    const int64_t cycles = (m - 1) / per_cycle;
    int64_t rest = (m - 1) % per_cycle + 1;
    if (cycles > last_period_ / cycle_) return std::nullopt;
    for (int64_t p = cycles * cycle_ + 1; p <= (cycles + 1) * cycle_ && p <= last_period_; ++p) {
      const int64_t c = CountIn(p);
      if (rest <= c) return Pick(n, p, rest);
      rest -= c;
    }
    return std::nullopt;
  }

 private:
  TimePoint At(int64_t day) const { return TimePoint{sys_days{days{day}}} + time_of_day_; }

  std::optional<Occurrence> Checked(int64_t index, TimePoint at) const {
    if (rule_.count && index >= *rule_.count) return std::nullopt;
    // DTSTART is always in the set (RFC 5545 3.8.5.3), even when UNTIL is before it.
    if (index > 0 && ((rule_.until && at > *rule_.until) || at > kMaxTime)) return std::nullopt;
    return Occurrence{index, at};
  }

  // The k-th (1-based) candidate of period p, which is occurrence n.
  std::optional<TimePoint> Pick(int64_t n, int64_t p, int64_t k) const {
    std::optional<TimePoint> at;
    ForEach(p, [&](int64_t day) {
      if (--k > 0) return false;
      at = At(day);
      return true;
    });
    if (!at) return std::nullopt;
    const auto checked = Checked(n, *at);
    return checked ? std::optional(checked->at) : std::nullopt;
  }

  // The period whose span holds `day` (day >= DTSTART's day).
  int64_t PeriodOf(int64_t day) const {
    const year_month_day ymd{sys_days{days{day}}};
    switch (rule_.freq) {
      case RRule::Freq::kDaily:
      case RRule::Freq::kWeekly:
        return (day - start_day_) / step_days_;
      case RRule::Freq::kMonthly:
        return (MonthIndex(ymd) - start_month_) / interval_;
      case RRule::Freq::kYearly:
        return (static_cast<int>(ymd.year()) - start_year_) / interval_;
    }
    return 0;
  }

  int64_t CountIn(int64_t p) const {
    int64_t n = 0;
    ForEach(p, [&](int64_t) {
      ++n;
      return false;
    });
    return n;
  }

  // Candidates in periods 1..n, in at most about two cycles of work.
  int64_t CountInFirstPeriods(int64_t n) const {
    if (one_per_period_) return n;
    auto sum = [&](int64_t last) {
      int64_t total = 0;
      for (int64_t p = 1; p <= last; ++p) total += CountIn(p);
      return total;
    };
    if (n <= cycle_) return sum(n);
    return n / cycle_ * sum(cycle_) + sum(n % cycle_);
  }

  uint32_t ByMonthDayMask(unsigned last) const { return by_month_day_masks_[last - 28]; }

  // Calls f(day) for the candidate days of period p in order until f returns true. The
  // calendar is evaluated in the first 400-year cycle after 0000 or 1970 and shifted back,
  // so periods far beyond year 9999 cost the same and never overflow.
  template <typename F>
  void ForEach(int64_t p, F&& f) const {
    switch (rule_.freq) {
      case RRule::Freq::kDaily:
      case RRule::Freq::kWeekly: {
        if (p == 0) return;  // its only candidate is DTSTART itself
        const int64_t day = start_day_ + p * step_days_;
        const year_month_day ymd{sys_days{days{FloorMod(day, kCycleDays)}}};
        if (((months_ >> static_cast<unsigned>(ymd.month())) & 1) == 0) return;
        if (!rule_.by_month_day.empty()) {
          const auto last =
              static_cast<unsigned>((ymd.year() / ymd.month() / std::chrono::last).day());
          if (((ByMonthDayMask(last) >> static_cast<unsigned>(ymd.day())) & 1) == 0) return;
        }
        f(day);
        return;
      }
      case RRule::Freq::kMonthly:
        ForEachInMonth(start_month_ + p * interval_, p == 0, f);
        return;
      case RRule::Freq::kYearly: {
        const int64_t year = start_year_ + p * interval_;
        for (int64_t m = 0; m < 12; ++m) {
          if (ForEachInMonth(year * 12 + m, p == 0, f)) return;
        }
        return;
      }
    }
  }

  // Returns true when f asked to stop.
  template <typename F>
  bool ForEachInMonth(int64_t month_index, bool first_period, F& f) const {
    const int64_t normal = FloorMod(month_index, kCycleMonths);
    const int64_t shift = FloorDiv(month_index, kCycleMonths) * kCycleDays;
    const unsigned month = static_cast<unsigned>(normal % 12) + 1;
    if (((months_ >> month) & 1) == 0) return false;
    const std::chrono::year_month ym{std::chrono::year{static_cast<int>(normal / 12)},
                                     std::chrono::month{month}};
    const auto last = static_cast<unsigned>((ym / std::chrono::last).day());
    uint32_t mask = 0;
    if (rule_.by_month_day.empty()) {
      if (start_dom_ <= last) mask = 1u << start_dom_;
    } else {
      mask = ByMonthDayMask(last);
    }
    const int64_t day_before_first = DayNumber(sys_days{ym / 1}) - 1 + shift;
    while (mask != 0) {
      const int64_t day = day_before_first + std::countr_zero(mask);
      mask &= mask - 1;
      if (first_period && day <= start_day_) continue;
      if (f(day)) return true;
    }
    return false;
  }

  const RRule& rule_;
  int64_t interval_;
  TimePoint dtstart_;
  bool in_range_;
  int64_t start_day_ = 0;  // days since 1970-01-01
  milliseconds time_of_day_{0};
  int64_t start_month_ = 0;  // year * 12 + month - 1
  int64_t start_year_ = 0;
  unsigned start_dom_ = 1;
  uint32_t months_ = 0;                           // bit m: month m may hold candidates
  std::array<uint32_t, 4> by_month_day_masks_{};  // bit d: day d, for months of 28..31 days
  int64_t step_days_ = 1;
  int64_t cycle_ = 1;        // periods after which the candidate pattern repeats
  int64_t last_period_ = 0;  // the last period that starts in year 9999 or before
  bool one_per_period_ = false;
};

void Put(std::string& out, int64_t v, int width) {
  std::string digits = std::to_string(v);
  if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
  out += digits;
}

void AppendList(std::string& out, std::string_view name, const std::vector<int>& values) {
  if (values.empty()) return;
  out += ';';
  out += name;
  out += '=';
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(values[i]);
  }
}

}  // namespace

Result<RRule> ParseRRule(std::string_view text, std::string_view field_name) {
  const std::string field(field_name);
  if (text.size() > kMaxRuleLength) {
    return ValidationError(field, "is too long (" + std::to_string(text.size()) +
                                      " bytes; at most " + std::to_string(kMaxRuleLength) + ")");
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) <= ' ' || text[i] == 0x7f) {
      return ValidationError(field,
                             "must not contain spaces or control characters (found at "
                             "character " +
                                 std::to_string(i + 1) + ")");
    }
  }
  if (text.size() >= 6 && Upper(text.substr(0, 6)) == "RRULE:") text.remove_prefix(6);
  // One trailing ';' is tolerated: some generators emit it, and it is unambiguous.
  if (!text.empty() && text.back() == ';') text.remove_suffix(1);
  if (text.empty()) {
    return ValidationError(field, "is empty; FREQ is required, as in FREQ=MONTHLY;INTERVAL=3");
  }

  RRule rule;
  uint32_t seen = 0;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t semi = std::min(text.find(';', start), text.size());
    const std::string_view part = text.substr(start, semi - start);
    start = semi + 1;
    if (part.empty()) {
      return ValidationError(field, "has an empty part; separate parts with a single ';'");
    }
    const size_t eq = part.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      return ValidationError(
          field, "part \"" + Shown(part) + "\" must look like NAME=VALUE, such as FREQ=MONTHLY");
    }
    const std::string name = Upper(part.substr(0, eq));
    const std::string_view value = part.substr(eq + 1);
    auto looked_up = LookUpPart(field, name);
    if (!looked_up) return std::move(looked_up).error();
    const auto bit = 1u << static_cast<unsigned>(*looked_up);
    if (seen & bit) return ValidationError(field, name + " is given more than once");
    seen |= bit;
    if (value.empty()) {
      return ValidationError(field, name + " has no value; write " + name + "=<value>");
    }
    switch (*looked_up) {
      case Part::kFreq: {
        auto freq = ParseFreq(field, value);
        if (!freq) return std::move(freq).error();
        rule.freq = *freq;
        break;
      }
      case Part::kInterval: {
        auto v = ParseBounded(field, name, value, 1, kMaxInterval);
        if (!v) return std::move(v).error();
        rule.interval = static_cast<int>(*v);
        break;
      }
      case Part::kByMonth:
      case Part::kByMonthDay: {
        const bool month_day = *looked_up == Part::kByMonthDay;
        auto list = ParseList(field, name, value, month_day);
        if (!list) return std::move(list).error();
        (month_day ? rule.by_month_day : rule.by_month) = std::move(*list);
        break;
      }
      case Part::kCount: {
        auto v = ParseBounded(field, name, value, 1, kMaxCount);
        if (!v) return std::move(v).error();
        rule.count = *v;
        break;
      }
      case Part::kUntil: {
        auto until = ParseUntil(field, value);
        if (!until) return std::move(until).error();
        rule.until = *until;
        break;
      }
    }
  }

  if (!(seen & (1u << static_cast<unsigned>(Part::kFreq)))) {
    return ValidationError(field, "FREQ is required (" + std::string(kFreqs) + ")");
  }
  if (rule.count && rule.until) {
    return ValidationError(field, "COUNT and UNTIL cannot both be given; keep one of them");
  }
  if (rule.freq == RRule::Freq::kWeekly && !rule.by_month_day.empty()) {
    return ValidationError(field, "BYMONTHDAY cannot be used with FREQ=WEEKLY");
  }
  return rule;
}

std::string FormatRRule(const RRule& rule) {
  std::string out = "FREQ=";
  for (const auto& [name, freq] : kFreqNames) {
    if (freq == rule.freq) out += name;
  }
  if (rule.interval > 1) out += ";INTERVAL=" + std::to_string(rule.interval);
  AppendList(out, "BYMONTH", rule.by_month);
  AppendList(out, "BYMONTHDAY", rule.by_month_day);
  if (rule.count) out += ";COUNT=" + std::to_string(*rule.count);
  if (rule.until) {
    // Whole seconds: the text form has no fraction.
    const TimePoint t = std::clamp(*rule.until, kMinTime, kMaxTime);
    const sys_days day = std::chrono::floor<days>(t);
    const year_month_day ymd{day};
    const int64_t secs = std::chrono::floor<std::chrono::seconds>(t - day).count();
    out += ";UNTIL=";
    Put(out, static_cast<int>(ymd.year()), 4);
    Put(out, static_cast<unsigned>(ymd.month()), 2);
    Put(out, static_cast<unsigned>(ymd.day()), 2);
    out += 'T';
    Put(out, secs / 3600, 2);
    Put(out, secs / 60 % 60, 2);
    Put(out, secs % 60, 2);
    out += 'Z';
  }
  return out;
}

std::optional<Occurrence> NextOccurrence(const RRule& rule, TimePoint dtstart, TimePoint after) {
  return Series(rule, dtstart).Next(after);
}

std::optional<TimePoint> NthOccurrence(const RRule& rule, TimePoint dtstart, int64_t index) {
  return Series(rule, dtstart).Nth(index);
}

TimePoint SeriesAnchor(TimePoint t) {
  const sys_days day = std::chrono::floor<days>(std::clamp(t, kMinTime, kMaxTime));
  const year_month_day ymd{day};
  if (static_cast<unsigned>(ymd.day()) <= 28) return TimePoint{day};
  const auto next = std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months(1);
  return TimePoint{sys_days{next / 1}};
}

TimePoint QuarterStart(TimePoint t) {
  const year_month_day ymd{std::chrono::floor<days>(std::clamp(t, kMinTime, kMaxTime))};
  const unsigned first_month = (static_cast<unsigned>(ymd.month()) - 1) / 3 * 3 + 1;
  return TimePoint{sys_days{ymd.year() / std::chrono::month{first_month} / 1}};
}

std::string QuarterLabel(TimePoint t) {
  const year_month_day ymd{std::chrono::floor<days>(QuarterStart(t))};
  std::string out;
  Put(out, static_cast<int>(ymd.year()), 4);
  out += 'Q';
  out += static_cast<char>('1' + (static_cast<unsigned>(ymd.month()) - 1) / 3);
  return out;
}

Result<std::pair<TimePoint, TimePoint>> ParseQuarter(std::string_view label,
                                                     std::string_view field) {
  const int year = FixedDigits(label, 0, 4);
  const int quarter = FixedDigits(label, 5, 1);
  if (label.size() != 6 || year < 0 || quarter < 0 || (label[4] != 'Q' && label[4] != 'q')) {
    return ValidationError(std::string(field), "must look like 2026Q4");
  }
  if (year < 1970) {
    return ValidationError(std::string(field),
                           "must look like 2026Q4 with a year from 1970 to 9999");
  }
  if (quarter < 1 || quarter > 4) {
    return ValidationError(std::string(field), "must look like 2026Q4 with a quarter from 1 to 4");
  }
  const auto first_month = std::chrono::month{static_cast<unsigned>(quarter * 3 - 2)};
  const sys_days start{std::chrono::year{year} / first_month / 1};
  const sys_days end{(std::chrono::year{year} / first_month + std::chrono::months{3}) / 1};
  return std::pair{TimePoint{start}, TimePoint{end}};
}

}  // namespace accord
