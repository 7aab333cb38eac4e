#include "accord/core/time.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "fixed_digits.h"

namespace accord {
namespace {

using core_internal::FixedDigits;

using std::chrono::days;
using std::chrono::milliseconds;
using std::chrono::sys_days;

constexpr TimePoint kMinTime = sys_days{std::chrono::year{0} / 1 / 1};
constexpr TimePoint kMaxTime =
    sys_days{std::chrono::year{9999} / 12 / 31} + days{1} - milliseconds{1};
// Longer durations are almost certainly typos, and the cap keeps later ms arithmetic safe.
constexpr int64_t kMaxDurationSeconds = int64_t{36500} * 86400;

void Put2(char* p, unsigned v) {
  p[0] = static_cast<char>('0' + v / 10);
  p[1] = static_cast<char>('0' + v % 10);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

Error Bad(std::string_view text, std::string_view reason) {
  constexpr size_t kMaxEcho = 40;  // keep hostile input from bloating the message
  std::string shown(text.substr(0, kMaxEcho));
  if (text.size() > kMaxEcho) shown += "...";
  return Error{ErrorCode::kValidationFailed,
               "invalid RFC 3339 timestamp \"" + shown + "\": " + std::string(reason),
               {}};
}

std::string Range(std::string_view field, int value, std::string_view range) {
  return std::string(field) + " " + std::to_string(value) + " is out of range " +
         std::string(range);
}

constexpr std::string_view kShape =
    "expected YYYY-MM-DDTHH:MM:SS[.fff] followed by Z or an offset such as +02:00";

// Parses "Z" or "+HH:MM"/"-HH:MM" at pos; returns the offset in minutes east of UTC.
Result<int> ParseOffset(std::string_view s, size_t pos) {
  if (pos >= s.size()) return Bad(s, "missing time zone; add Z or an offset such as +02:00");
  const char c = s[pos];
  size_t end = pos + 1;
  int minutes = 0;
  if (c != 'Z' && c != 'z') {
    if (c != '+' && c != '-') return Bad(s, kShape);
    const int oh = FixedDigits(s, pos + 1, 2);
    const int om = FixedDigits(s, pos + 4, 2);
    if (oh < 0 || om < 0 || s[pos + 3] != ':') return Bad(s, "offset must look like +HH:MM");
    if (oh > 23) return Bad(s, Range("offset hour", oh, "00..23"));
    if (om > 59) return Bad(s, Range("offset minute", om, "00..59"));
    minutes = (c == '-' ? -1 : 1) * (oh * 60 + om);
    end = pos + 6;
  }
  if (end != s.size()) return Bad(s, "unexpected characters after the time zone");
  return minutes;
}

}  // namespace

std::string FormatRfc3339(TimePoint t) {
  t = std::clamp(t, kMinTime, kMaxTime);
  const sys_days day = std::chrono::floor<days>(t);
  const std::chrono::year_month_day ymd{day};
  const auto ms = static_cast<uint32_t>((t - day).count());
  const auto year = static_cast<unsigned>(static_cast<int>(ymd.year()));

  char buf[24];
  Put2(buf, year / 100);
  Put2(buf + 2, year % 100);
  buf[4] = '-';
  Put2(buf + 5, static_cast<unsigned>(ymd.month()));
  buf[7] = '-';
  Put2(buf + 8, static_cast<unsigned>(ymd.day()));
  buf[10] = 'T';
  Put2(buf + 11, ms / 3'600'000);
  buf[13] = ':';
  Put2(buf + 14, ms / 60'000 % 60);
  buf[16] = ':';
  Put2(buf + 17, ms / 1000 % 60);
  buf[19] = '.';
  buf[20] = static_cast<char>('0' + ms % 1000 / 100);
  Put2(buf + 21, ms % 100);
  buf[23] = 'Z';
  return std::string(buf, sizeof buf);
}

std::string HumanDay(std::string_view time) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (i >= time.size() || !std::isdigit(static_cast<unsigned char>(time[i]))) return false;
    }
    return true;
  };
  if (!digits(0, 4) || time.size() < 10 || time[4] != '-' || !digits(5, 2) || time[7] != '-' ||
      !digits(8, 2)) {
    return std::string(time);
  }
  int month = std::stoi(std::string(time.substr(5, 2)));
  int day = std::stoi(std::string(time.substr(8, 2)));
  if (month < 1 || month > 12) return std::string(time);
  return std::to_string(day) + " " + kMonths[month - 1] + " " + std::string(time.substr(0, 4));
}

std::string FormatHttpDate(TimePoint t) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  t = std::clamp(t, kMinTime, kMaxTime);
  const sys_days day = std::chrono::floor<days>(t);
  const std::chrono::year_month_day ymd{day};
  const auto ms = static_cast<uint32_t>((t - day).count());
  const auto year = static_cast<unsigned>(static_cast<int>(ymd.year()));

  char buf[29];
  std::memcpy(buf, kDays[std::chrono::weekday(day).c_encoding()], 3);
  buf[3] = ',';
  buf[4] = ' ';
  Put2(buf + 5, static_cast<unsigned>(ymd.day()));
  buf[7] = ' ';
  std::memcpy(buf + 8, kMonths[static_cast<unsigned>(ymd.month()) - 1], 3);
  buf[11] = ' ';
  Put2(buf + 12, year / 100);
  Put2(buf + 14, year % 100);
  buf[16] = ' ';
  Put2(buf + 17, ms / 3'600'000);
  buf[19] = ':';
  Put2(buf + 20, ms / 60'000 % 60);
  buf[22] = ':';
  Put2(buf + 23, ms / 1000 % 60);
  std::memcpy(buf + 25, " GMT", 4);
  return std::string(buf, sizeof buf);
}

Result<TimePoint> ParseRfc3339(std::string_view s) {
  const int year = FixedDigits(s, 0, 4), month = FixedDigits(s, 5, 2), day = FixedDigits(s, 8, 2);
  const int hour = FixedDigits(s, 11, 2), minute = FixedDigits(s, 14, 2),
            second = FixedDigits(s, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || s[4] != '-' ||
      s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':') {
    return Bad(s, kShape);
  }
  if (month < 1 || month > 12) return Bad(s, Range("month", month, "01..12"));
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) {
    return Bad(s,
               "day " + std::to_string(day) + " does not exist in " + std::string(s.substr(0, 7)));
  }
  if (hour > 23) return Bad(s, Range("hour", hour, "00..23"));
  if (minute > 59) return Bad(s, Range("minute", minute, "00..59"));
  if (second == 60) return Bad(s, "leap second :60 is not supported");
  if (second > 59) return Bad(s, Range("second", second, "00..59"));

  size_t pos = 19;
  int millis = 0;
  if (pos < s.size() && s[pos] == '.') {
    size_t n = 0;
    while (pos + 1 + n < s.size() && IsDigit(s[pos + 1 + n])) {
      // Digits beyond milliseconds are truncated, as documented.
      if (n < 3) millis = millis * 10 + (s[pos + 1 + n] - '0');
      ++n;
    }
    if (n == 0 || n > 9) return Bad(s, "fraction of a second needs 1 to 9 digits");
    for (size_t i = n; i < 3; ++i) millis *= 10;
    pos += 1 + n;
  }
  const auto offset = ParseOffset(s, pos);
  if (!offset.ok()) return offset.error();

  return TimePoint{sys_days{ymd}} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
         std::chrono::seconds{second} + milliseconds{millis} - std::chrono::minutes{*offset};
}

Result<std::chrono::seconds> ParseDuration(std::string_view s) {
  auto bad = [&](std::string_view reason) {
    return Error{
        ErrorCode::kValidationFailed,
        "invalid duration \"" + std::string(s.substr(0, 40)) + "\": " + std::string(reason),
        {}};
  };
  constexpr std::string_view kHint =
      "expected a positive whole number and one unit d, h, m or s, such as 30d or 15m";
  if (s.size() < 2) return bad(kHint);
  int64_t unit = 0;
  switch (s.back()) {
    case 'd':
      unit = 86400;
      break;
    case 'h':
      unit = 3600;
      break;
    case 'm':
      unit = 60;
      break;
    case 's':
      unit = 1;
      break;
    default:
      return bad(kHint);
  }
  const std::string_view digits = s.substr(0, s.size() - 1);
  if (!std::all_of(digits.begin(), digits.end(), IsDigit)) return bad(kHint);
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec == std::errc::result_out_of_range || value > kMaxDurationSeconds / unit) {
    return bad("longer than 100 years");
  }
  if (value == 0) return bad("must be greater than zero");
  return std::chrono::seconds{value * unit};
}

}  // namespace accord
