// RRULE expansion: the occurrences of a parsed rule from its start instant (rrule.h),
// computed per period without walking the periods before the one asked for.
#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <numeric>
#include <utility>

#include "accord/core/rrule.h"
#include "rrule_range.h"

namespace accord {
namespace {

using core_internal::kLastDay;
using core_internal::kMaxTime;
using core_internal::kMinTime;

using std::chrono::days;
using std::chrono::milliseconds;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// The Gregorian calendar repeats exactly every 400 years, which is a whole number of days,
// weeks and months; so does the candidate pattern of every rule.
constexpr int64_t kCycleDays = 146097;
constexpr int64_t kCycleWeeks = kCycleDays / 7;
constexpr int64_t kCycleMonths = 4800;
constexpr int64_t kCycleYears = 400;

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

}  // namespace

std::optional<Occurrence> NextOccurrence(const RRule& rule, TimePoint dtstart, TimePoint after) {
  return Series(rule, dtstart).Next(after);
}

std::optional<TimePoint> NthOccurrence(const RRule& rule, TimePoint dtstart, int64_t index) {
  return Series(rule, dtstart).Nth(index);
}

}  // namespace accord
