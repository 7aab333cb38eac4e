// RRULE text: parsing and the canonical form (rrule.h); series anchors and quarter labels.
// Expansion is in rrule_expand.cc.
#include "accord/core/rrule.h"

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <numeric>
#include <utility>

#include "fixed_digits.h"
#include "rrule_range.h"

namespace accord {
namespace {

using core_internal::FixedDigits;
using core_internal::kMaxTime;
using core_internal::kMinTime;

using std::chrono::days;
using std::chrono::milliseconds;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr size_t kMaxRuleLength = 500;
constexpr int64_t kMaxInterval = 1000;
constexpr int64_t kMaxCount = 100000;
constexpr std::string_view kSupported = "FREQ, INTERVAL, BYMONTH, BYMONTHDAY, COUNT, UNTIL";
constexpr std::string_view kFreqs = "DAILY, WEEKLY, MONTHLY or YEARLY";

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
