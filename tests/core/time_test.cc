#include "accord/core/time.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace accord {
namespace {

using std::chrono::milliseconds;
using namespace std::chrono_literals;

TimePoint At(std::chrono::year_month_day d, milliseconds since_midnight = 0ms) {
  return TimePoint{std::chrono::sys_days{d}} + since_midnight;
}

TimePoint MustParse(std::string_view s) {
  auto r = ParseRfc3339(s);
  EXPECT_TRUE(r.ok()) << s << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : TimePoint{};
}

std::string ParseError(std::string_view s) {
  auto r = ParseRfc3339(s);
  EXPECT_FALSE(r.ok()) << s << " was accepted";
  if (r.ok()) return "";
  EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
  return r.error().message;
}

TEST(FormatRfc3339Test, UtcWithMilliseconds) {
  EXPECT_EQ(FormatRfc3339(TimePoint{}), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatRfc3339(At(2026y / 11 / 23, 10h + 15min + 30s + 123ms)),
            "2026-11-23T10:15:30.123Z");
  EXPECT_EQ(FormatRfc3339(At(2024y / 2 / 29, 23h + 59min + 59s + 9ms)), "2024-02-29T23:59:59.009Z");
  EXPECT_EQ(FormatRfc3339(TimePoint{-1ms}), "1969-12-31T23:59:59.999Z");
}

TEST(FormatRfc3339Test, ClampsToFourDigitYears) {
  EXPECT_EQ(FormatRfc3339(TimePoint{milliseconds{INT64_MIN / 2}}), "0000-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatRfc3339(TimePoint{milliseconds{INT64_MAX / 2}}), "9999-12-31T23:59:59.999Z");
}

TEST(ParseRfc3339Test, AcceptsUtcAndOffsets) {
  const TimePoint want = At(2026y / 11 / 23, 10h + 15min + 30s + 123ms);
  EXPECT_EQ(MustParse("2026-11-23T10:15:30.123Z"), want);
  EXPECT_EQ(MustParse("2026-11-23t10:15:30.123z"), want);
  EXPECT_EQ(MustParse("2026-11-23T12:15:30.123+02:00"), want);
  EXPECT_EQ(MustParse("2026-11-23T04:45:30.123-05:30"), want);
  EXPECT_EQ(MustParse("2026-11-23T10:15:30.123-00:00"), want);
  // A negative offset can move the instant into the next day, month and year.
  EXPECT_EQ(MustParse("2025-12-31T23:30:00-01:00"), At(2026y / 1 / 1, 30min));
  EXPECT_EQ(MustParse("2026-01-01T00:30:00+01:00"), At(2025y / 12 / 31, 23h + 30min));
}

TEST(ParseRfc3339Test, FractionIsOptionalAndTruncatedToMilliseconds) {
  const TimePoint base = At(2026y / 1 / 2, 3h + 4min + 5s);
  EXPECT_EQ(MustParse("2026-01-02T03:04:05Z"), base);
  EXPECT_EQ(MustParse("2026-01-02T03:04:05.1Z"), base + 100ms);
  EXPECT_EQ(MustParse("2026-01-02T03:04:05.12Z"), base + 120ms);
  EXPECT_EQ(MustParse("2026-01-02T03:04:05.9999Z"), base + 999ms);
  EXPECT_EQ(MustParse("2026-01-02T03:04:05.123456789Z"), base + 123ms);
}

TEST(ParseRfc3339Test, LeapYears) {
  EXPECT_EQ(MustParse("2024-02-29T00:00:00Z"), At(2024y / 2 / 29));
  EXPECT_EQ(MustParse("2000-02-29T00:00:00Z"), At(2000y / 2 / 29));
  EXPECT_NE(ParseError("2023-02-29T00:00:00Z").find("day 29 does not exist in 2023-02"),
            std::string::npos);
  ParseError("2100-02-29T00:00:00Z");
  ParseError("2026-02-30T00:00:00Z");
  ParseError("2026-04-31T00:00:00Z");
}

TEST(ParseRfc3339Test, RejectsOutOfRangeFields) {
  EXPECT_NE(ParseError("2026-13-01T00:00:00Z").find("month 13 is out of range"), std::string::npos);
  ParseError("2026-00-01T00:00:00Z");
  ParseError("2026-01-00T00:00:00Z");
  EXPECT_NE(ParseError("2026-01-01T24:00:00Z").find("hour 24"), std::string::npos);
  ParseError("2026-01-01T00:60:00Z");
  EXPECT_NE(ParseError("2026-12-31T23:59:60Z").find("leap second"), std::string::npos);
  ParseError("2026-01-01T00:00:61Z");
  ParseError("2026-01-01T00:00:00+24:00");
  ParseError("2026-01-01T00:00:00+01:60");
}

TEST(ParseRfc3339Test, RejectsMalformedText) {
  EXPECT_NE(ParseError("2026-01-01T00:00:00").find("missing time zone"), std::string::npos);
  EXPECT_NE(ParseError("2026-01-01T00:00:00Zjunk").find("after the time zone"), std::string::npos);
  ParseError("");
  ParseError("2026-01-01");
  ParseError("2026-01-01 00:00:00Z");
  ParseError("2026-1-01T00:00:00Z");
  ParseError("26-01-01T00:00:00Z");
  ParseError("2026-01-01T00:00:00.Z");
  ParseError("2026-01-01T00:00:00.1234567890Z");
  ParseError("2026-01-01T00:00:00+0100");
  ParseError("2026-01-01T00:00:00+01");
  ParseError("2026-01-01T00:00:00 Z");
  ParseError("+2026-01-01T00:00:00Z");
  ParseError("2026-01-01T00:00:00Z\n");
}

TEST(ParseRfc3339Test, MessageQuotesInputAndExpectedShape) {
  const std::string msg = ParseError("yesterday");
  EXPECT_NE(msg.find("\"yesterday\""), std::string::npos);
  EXPECT_NE(msg.find("YYYY-MM-DDTHH:MM:SS"), std::string::npos);
}

TEST(Rfc3339Test, RoundTripsRandomInstants) {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<int64_t> dist(At(0y / 1 / 1).time_since_epoch().count(),
                                              At(9999y / 12 / 31).time_since_epoch().count());
  for (int i = 0; i < 20000; ++i) {
    const TimePoint t{milliseconds{dist(rng)}};
    const std::string s = FormatRfc3339(t);
    ASSERT_EQ(s.size(), 24u);
    ASSERT_EQ(MustParse(s), t) << s;
  }
}

TEST(ParseDurationTest, AcceptsOneUnit) {
  EXPECT_EQ(*ParseDuration("30d"), std::chrono::days{30});
  EXPECT_EQ(*ParseDuration("12h"), 12h);
  EXPECT_EQ(*ParseDuration("15m"), 15min);
  EXPECT_EQ(*ParseDuration("90s"), 90s);
  EXPECT_EQ(*ParseDuration("36500d"), std::chrono::days{36500});
}

TEST(ParseDurationTest, RejectsEverythingElse) {
  for (std::string_view bad : {"", "d", "30", "0d", "-5m", "+5m", "1.5h", "5 m", " 5m", "5M", "5w",
                               "1h30m", "5mm", "36501d", "99999999999999999999s"}) {
    auto r = ParseDuration(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
      EXPECT_NE(r.error().message.find("invalid duration"), std::string::npos);
    }
  }
  EXPECT_NE(ParseDuration("0s").error().message.find("greater than zero"), std::string::npos);
}

}  // namespace
}  // namespace accord

namespace accord {
namespace {

TEST(HttpDateTest, FormatsTheImfFixdateOfRfc9110) {
  using std::chrono::year_month_day;
  using namespace std::chrono_literals;
  using std::chrono::milliseconds;
  auto at = [](year_month_day d, milliseconds ms) {
    return TimePoint{std::chrono::sys_days{d}} + ms;
  };
  // RFC 9110 5.6.7's own example.
  EXPECT_EQ(FormatHttpDate(at(1994y / 11 / 6, 8h + 49min + 37s)), "Sun, 06 Nov 1994 08:49:37 GMT");
  // Milliseconds are dropped, never rounded up; a leap day; the first instant of a year.
  EXPECT_EQ(FormatHttpDate(at(2000y / 2 / 29, 23h + 59min + 59s + 999ms)),
            "Tue, 29 Feb 2000 23:59:59 GMT");
  EXPECT_EQ(FormatHttpDate(at(2026y / 1 / 1, 0ms)), "Thu, 01 Jan 2026 00:00:00 GMT");
  EXPECT_EQ(FormatHttpDate(at(2026y / 11 / 23, 10h + 15min + 30s)),
            "Mon, 23 Nov 2026 10:15:30 GMT");
}

}  // namespace
}  // namespace accord
