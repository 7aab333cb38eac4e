#include "accord/core/rrule.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "accord/core/time.h"

namespace accord {
namespace {

using std::chrono::milliseconds;
using namespace std::chrono_literals;

TimePoint T(std::string_view text) {
  auto r = ParseRfc3339(text);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : TimePoint{};
}

RRule Rule(std::string_view text) {
  auto r = ParseRRule(text);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : RRule{};
}

// The reason of the validation error `text` must produce (on the default field "rrule").
std::string Reason(std::string_view text) {
  auto r = ParseRRule(text);
  EXPECT_FALSE(r.ok()) << text << " was accepted as " << (r.ok() ? FormatRRule(*r) : "");
  if (r.ok()) return "";
  EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed) << text;
  EXPECT_EQ(r.error().details.size(), 1u) << text;
  if (r.error().details.empty()) return "";
  EXPECT_EQ(r.error().details[0].field, "rrule") << text;
  return r.error().details[0].reason;
}

bool SameRule(const RRule& a, const RRule& b) {
  return a.freq == b.freq && a.interval == b.interval && a.by_month == b.by_month &&
         a.by_month_day == b.by_month_day && a.count == b.count && a.until == b.until;
}

// Up to `limit` occurrences found by chaining NextOccurrence, checking the indices run 0, 1, 2...
std::vector<std::string> Expand(const RRule& rule, TimePoint dtstart, size_t limit = 500) {
  std::vector<std::string> out;
  TimePoint after = dtstart - 1ms;
  while (out.size() < limit) {
    const auto next = NextOccurrence(rule, dtstart, after);
    if (!next) break;
    EXPECT_EQ(next->index, static_cast<int64_t>(out.size()));
    EXPECT_GT(next->at, after);
    out.push_back(FormatRfc3339(next->at));
    after = next->at;
  }
  return out;
}

std::vector<std::string> Expand(std::string_view rule, std::string_view dtstart,
                                size_t limit = 500) {
  return Expand(Rule(rule), T(dtstart), limit);
}

// "1997-09-02" -> "1997-09-02T09:00:00.000Z" for each date.
std::vector<std::string> At(std::string_view time_of_day, std::vector<std::string> dates) {
  for (auto& d : dates) d += "T" + std::string(time_of_day) + ".000Z";
  return dates;
}

// ---------------------------------------------------------------------------------------------
// Parsing

TEST(RRuleParseTest, ParsesEveryPart) {
  const RRule r = Rule("FREQ=MONTHLY;INTERVAL=3;BYMONTH=12,3;BYMONTHDAY=-1,1,15;COUNT=8");
  EXPECT_EQ(r.freq, RRule::Freq::kMonthly);
  EXPECT_EQ(r.interval, 3);
  EXPECT_EQ(r.by_month, (std::vector<int>{3, 12}));
  EXPECT_EQ(r.by_month_day, (std::vector<int>{-1, 1, 15}));
  EXPECT_EQ(r.count, 8);
  EXPECT_FALSE(r.until.has_value());

  const RRule u = Rule("FREQ=WEEKLY;UNTIL=20261231T235959Z");
  EXPECT_EQ(u.freq, RRule::Freq::kWeekly);
  EXPECT_EQ(u.until, T("2026-12-31T23:59:59Z"));
  EXPECT_FALSE(u.count.has_value());
}

TEST(RRuleParseTest, DefaultsWhenOnlyFreqIsGiven) {
  for (const auto& [text, freq] : {std::pair{"FREQ=DAILY", RRule::Freq::kDaily},
                                   std::pair{"FREQ=WEEKLY", RRule::Freq::kWeekly},
                                   std::pair{"FREQ=MONTHLY", RRule::Freq::kMonthly},
                                   std::pair{"FREQ=YEARLY", RRule::Freq::kYearly}}) {
    const RRule r = Rule(text);
    EXPECT_EQ(r.freq, freq) << text;
    EXPECT_EQ(r.interval, 1);
    EXPECT_TRUE(r.by_month.empty());
    EXPECT_TRUE(r.by_month_day.empty());
    EXPECT_FALSE(r.count.has_value());
    EXPECT_FALSE(r.until.has_value());
  }
}

TEST(RRuleParseTest, AcceptsPrefixAnyCaseAndAnyOrder) {
  const RRule want = Rule("FREQ=MONTHLY;INTERVAL=3;BYMONTH=1");
  for (std::string_view text :
       {"RRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTH=1", "rrule:freq=monthly;interval=3;bymonth=1",
        "RRule:Freq=Monthly;Interval=3;ByMonth=1", "BYMONTH=1;INTERVAL=3;FREQ=MONTHLY",
        "interval=3;bymonth=1;freq=MoNtHlY"}) {
    EXPECT_TRUE(SameRule(Rule(text), want)) << text;
  }
}

TEST(RRuleParseTest, UntilTakesADateOrAUtcDateTime) {
  // The date form means that day at 00:00:00Z.
  EXPECT_EQ(Rule("FREQ=DAILY;UNTIL=19971224").until, T("1997-12-24T00:00:00Z"));
  EXPECT_EQ(Rule("FREQ=DAILY;UNTIL=19971224T000000Z").until, T("1997-12-24T00:00:00Z"));
  EXPECT_EQ(Rule("FREQ=DAILY;until=20000131t140000z").until, T("2000-01-31T14:00:00Z"));
  EXPECT_EQ(Rule("FREQ=DAILY;UNTIL=20240229T235959Z").until, T("2024-02-29T23:59:59Z"));
}

TEST(RRuleParseTest, ListsAreSortedWithoutRepeats) {
  EXPECT_EQ(Rule("FREQ=YEARLY;BYMONTH=7,6,6,12").by_month, (std::vector<int>{6, 7, 12}));
  EXPECT_EQ(Rule("FREQ=MONTHLY;BYMONTHDAY=15,-1,2,+2,-31,31").by_month_day,
            (std::vector<int>{-31, -1, 2, 15, 31}));
}

TEST(RRuleParseTest, ToleratesOneTrailingSemicolon) {
  EXPECT_TRUE(SameRule(Rule("FREQ=DAILY;COUNT=2;"), Rule("FREQ=DAILY;COUNT=2")));
  EXPECT_TRUE(SameRule(Rule("RRULE:FREQ=DAILY;"), Rule("FREQ=DAILY")));
  EXPECT_NE(Reason("FREQ=DAILY;;").find("empty part"), std::string::npos);
  EXPECT_NE(Reason("FREQ=DAILY;;COUNT=2").find("empty part"), std::string::npos);
  EXPECT_NE(Reason(";FREQ=DAILY").find("empty part"), std::string::npos);
}

TEST(RRuleParseTest, RejectsEmptyInput) {
  for (std::string_view text : {"", "RRULE:", ";", "rrule:;"}) {
    const std::string reason = Reason(text);
    EXPECT_NE(reason.find("is empty"), std::string::npos) << text << ": " << reason;
    EXPECT_NE(reason.find("FREQ"), std::string::npos) << reason;
  }
}

TEST(RRuleParseTest, RejectsTooLongInput) {
  // "FREQ=DAILY;BYMONTHDAY=10,1,1,...": exactly 500 bytes is accepted, 501 is not.
  std::string text = "FREQ=DAILY;BYMONTHDAY=10";
  while (text.size() < 500) text += ",1";
  ASSERT_EQ(text.size(), 500u);
  EXPECT_EQ(Rule(text).by_month_day, (std::vector<int>{1, 10}));
  const std::string reason = Reason(text + ";");
  EXPECT_NE(reason.find("too long"), std::string::npos) << reason;
  EXPECT_NE(reason.find("500"), std::string::npos) << reason;
  EXPECT_NE(Reason(std::string(100000, 'x')).find("too long"), std::string::npos);
}

TEST(RRuleParseTest, RejectsWhitespace) {
  for (std::string_view text : {"FREQ=DAILY; COUNT=2", " FREQ=DAILY", "FREQ=DAILY ", "FREQ = DAILY",
                                "FREQ=DAILY\n", "FREQ=DAILY;\tCOUNT=2", "RRULE: FREQ=DAILY"}) {
    const std::string reason = Reason(text);
    EXPECT_NE(reason.find("must not contain spaces"), std::string::npos) << text << ": " << reason;
  }
  EXPECT_NE(Reason("FREQ=DAILY; COUNT=2").find("character 12"), std::string::npos);
  EXPECT_NE(Reason(std::string_view("FREQ=DAILY\0", 11)).find("control"), std::string::npos);
}

TEST(RRuleParseTest, RejectsPartsWithoutEquals) {
  for (std::string_view text : {"FREQ", "FREQ=DAILY;COUNT", "=DAILY", "FREQ=DAILY;=3"}) {
    const std::string reason = Reason(text);
    EXPECT_NE(reason.find("must look like NAME=VALUE"), std::string::npos)
        << text << ": " << reason;
  }
  EXPECT_NE(Reason("FREQ=DAILY;COUNT").find("\"COUNT\""), std::string::npos);
}

TEST(RRuleParseTest, RejectsUnknownPartListingTheSupportedOnes) {
  const std::string reason = Reason("FREQ=DAILY;FOO=1");
  EXPECT_NE(reason.find("unknown part \"FOO\""), std::string::npos) << reason;
  EXPECT_NE(reason.find("FREQ, INTERVAL, BYMONTH, BYMONTHDAY, COUNT, UNTIL"), std::string::npos)
      << reason;
  EXPECT_NE(Reason("FREQ=DAILY;X-NAME=1").find("unknown part \"X-NAME\""), std::string::npos);
  EXPECT_NE(Reason("FREQ=DAILY;COUNTS=1").find("unknown part \"COUNTS\""), std::string::npos);
}

TEST(RRuleParseTest, NamesUnsupportedRfcParts) {
  for (std::string name : {"BYDAY", "BYSETPOS", "WKST", "BYHOUR", "BYMINUTE", "BYSECOND",
                           "BYYEARDAY", "BYWEEKNO", "RSCALE", "SKIP"}) {
    const std::string reason = Reason("FREQ=MONTHLY;" + name + "=1");
    EXPECT_EQ(reason.rfind(name + " is not supported", 0), 0u) << reason;
    EXPECT_NE(reason.find("FREQ, INTERVAL, BYMONTH, BYMONTHDAY, COUNT, UNTIL"), std::string::npos)
        << reason;
  }
  EXPECT_EQ(Reason("FREQ=WEEKLY;byday=MO,WE").rfind("BYDAY is not supported", 0), 0u);
}

TEST(RRuleParseTest, RejectsRepeatedPart) {
  EXPECT_EQ(Reason("FREQ=DAILY;COUNT=2;COUNT=3"), "COUNT is given more than once");
  EXPECT_EQ(Reason("FREQ=DAILY;freq=WEEKLY"), "FREQ is given more than once");
  EXPECT_EQ(Reason("FREQ=YEARLY;BYMONTH=1;bymonth=2"), "BYMONTH is given more than once");
  EXPECT_EQ(Reason("FREQ=DAILY;UNTIL=20260101;UNTIL=20260101"), "UNTIL is given more than once");
}

TEST(RRuleParseTest, RejectsEmptyValue) {
  for (std::string name : {"FREQ", "INTERVAL", "BYMONTH", "BYMONTHDAY", "COUNT", "UNTIL"}) {
    const std::string text = name == "FREQ" ? "FREQ=" : "FREQ=DAILY;" + name + "=";
    const std::string reason = Reason(text);
    EXPECT_EQ(reason.rfind(name + " has no value", 0), 0u) << text << ": " << reason;
  }
}

TEST(RRuleParseTest, RejectsNonNumericValues) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"FREQ=DAILY;INTERVAL=two", "INTERVAL must be an integer from 1 to 1000"},
      {"FREQ=DAILY;INTERVAL=1.5", "INTERVAL must be an integer from 1 to 1000"},
      {"FREQ=DAILY;INTERVAL=-", "INTERVAL must be an integer from 1 to 1000"},
      {"FREQ=DAILY;COUNT=1e3", "COUNT must be an integer from 1 to 100000"},
      {"FREQ=YEARLY;BYMONTH=JAN", "BYMONTH values must be integers from 1 to 12"},
      {"FREQ=MONTHLY;BYMONTHDAY=1,last", "BYMONTHDAY values must be integers from 1 to 31 or -31"},
      {"FREQ=MONTHLY;BYMONTHDAY=--1", "BYMONTHDAY values must be integers"},
  };
  for (const auto& [text, want] : cases) {
    const std::string reason = Reason(text);
    EXPECT_EQ(reason.rfind(want, 0), 0u) << text << ": " << reason;
    EXPECT_NE(reason.find("is not a number"), std::string::npos) << text << ": " << reason;
  }
}

TEST(RRuleParseTest, RejectsOutOfRangeValues) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"FREQ=DAILY;INTERVAL=0", "INTERVAL must be an integer from 1 to 1000; got \"0\""},
      {"FREQ=DAILY;INTERVAL=1001", "INTERVAL must be an integer from 1 to 1000; got \"1001\""},
      {"FREQ=DAILY;INTERVAL=-1", "INTERVAL must be an integer from 1 to 1000; got \"-1\""},
      {"FREQ=DAILY;INTERVAL=99999999999999999999999",
       "INTERVAL must be an integer from 1 to 1000; got \"99999999999999999999999\""},
      {"FREQ=DAILY;COUNT=0", "COUNT must be an integer from 1 to 100000; got \"0\""},
      {"FREQ=DAILY;COUNT=100001", "COUNT must be an integer from 1 to 100000; got \"100001\""},
      {"FREQ=YEARLY;BYMONTH=0", "BYMONTH values must be integers from 1 to 12; got \"0\""},
      {"FREQ=YEARLY;BYMONTH=1,13", "BYMONTH values must be integers from 1 to 12; got \"13\""},
      {"FREQ=YEARLY;BYMONTH=-1", "BYMONTH values must be integers from 1 to 12; got \"-1\""},
      {"FREQ=MONTHLY;BYMONTHDAY=32",
       "BYMONTHDAY values must be integers from 1 to 31 or -31 to -1; got \"32\""},
      {"FREQ=MONTHLY;BYMONTHDAY=-32",
       "BYMONTHDAY values must be integers from 1 to 31 or -31 to -1; got \"-32\""},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(Reason(text), want) << text;
  // The limits themselves are accepted.
  EXPECT_EQ(Rule("FREQ=DAILY;INTERVAL=1000").interval, 1000);
  EXPECT_EQ(Rule("FREQ=DAILY;COUNT=100000").count, 100000);
  EXPECT_EQ(Rule("FREQ=MONTHLY;BYMONTHDAY=-31,31").by_month_day, (std::vector<int>{-31, 31}));
}

TEST(RRuleParseTest, RejectsMonthDayZero) {
  for (std::string_view text : {"FREQ=MONTHLY;BYMONTHDAY=0", "FREQ=MONTHLY;BYMONTHDAY=1,-0"}) {
    const std::string reason = Reason(text);
    EXPECT_EQ(reason.rfind("BYMONTHDAY cannot be 0", 0), 0u) << text << ": " << reason;
  }
}

TEST(RRuleParseTest, RejectsEmptyListItems) {
  for (std::string_view text : {"FREQ=YEARLY;BYMONTH=1,,2", "FREQ=YEARLY;BYMONTH=1,",
                                "FREQ=YEARLY;BYMONTH=,1", "FREQ=MONTHLY;BYMONTHDAY=,"}) {
    const std::string reason = Reason(text);
    EXPECT_NE(reason.find("has an empty item"), std::string::npos) << text << ": " << reason;
    EXPECT_EQ(reason.rfind("BYMONTH", 0), 0u) << reason;
  }
}

TEST(RRuleParseTest, RequiresFreq) {
  EXPECT_EQ(Reason("COUNT=5"), "FREQ is required (DAILY, WEEKLY, MONTHLY or YEARLY)");
  EXPECT_EQ(Reason("INTERVAL=2;BYMONTH=1"), "FREQ is required (DAILY, WEEKLY, MONTHLY or YEARLY)");
}

TEST(RRuleParseTest, RejectsUnknownFreqListingTheSupportedOnes) {
  EXPECT_EQ(Reason("FREQ=FORTNIGHTLY"),
            "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY; got \"FORTNIGHTLY\"");
  EXPECT_EQ(Reason("FREQ=DAILY2"), "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY; got \"DAILY2\"");
  for (std::string freq : {"HOURLY", "MINUTELY", "SECONDLY"}) {
    EXPECT_EQ(Reason("FREQ=" + freq),
              "FREQ=" + freq + " is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY");
  }
  EXPECT_EQ(Reason("FREQ=hourly"),
            "FREQ=HOURLY is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY");
}

TEST(RRuleParseTest, RejectsCountWithUntil) {
  const std::string reason = Reason("FREQ=DAILY;COUNT=3;UNTIL=20261231T000000Z");
  EXPECT_EQ(reason.rfind("COUNT and UNTIL cannot both be given", 0), 0u) << reason;
  EXPECT_EQ(Reason("UNTIL=20261231;FREQ=DAILY;COUNT=3"), reason);
}

TEST(RRuleParseTest, RejectsMonthDayWithWeekly) {
  EXPECT_EQ(Reason("FREQ=WEEKLY;BYMONTHDAY=1"), "BYMONTHDAY cannot be used with FREQ=WEEKLY");
  EXPECT_EQ(Reason("BYMONTHDAY=-1;freq=weekly"), "BYMONTHDAY cannot be used with FREQ=WEEKLY");
  EXPECT_TRUE(ParseRRule("FREQ=WEEKLY;BYMONTH=1").ok());
}

TEST(RRuleParseTest, RejectsUntilThatIsNotUtc) {
  for (std::string_view text :
       {"FREQ=DAILY;UNTIL=20261231T235959", "FREQ=DAILY;UNTIL=20261231T235959+0100",
        "FREQ=DAILY;UNTIL=20261231T235959-05:00"}) {
    const std::string reason = Reason(text);
    EXPECT_EQ(reason.rfind("UNTIL must be in UTC (end with Z)", 0), 0u) << text << ": " << reason;
  }
}

TEST(RRuleParseTest, RejectsMalformedUntil) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"FREQ=DAILY;UNTIL=2026-12-31", "UNTIL must look like 20261231 or 20261231T235959Z"},
      {"FREQ=DAILY;UNTIL=2026123", "UNTIL must look like"},
      {"FREQ=DAILY;UNTIL=202612310", "UNTIL must look like"},
      {"FREQ=DAILY;UNTIL=20261231T2359Z", "UNTIL must look like"},
      {"FREQ=DAILY;UNTIL=20261231X235959Z", "UNTIL must look like"},
      {"FREQ=DAILY;UNTIL=20261231T235959ZZ", "UNTIL must look like"},
      {"FREQ=DAILY;UNTIL=tomorrow", "UNTIL must look like"},
      {"FREQ=DAILY;UNTIL=20260230", "UNTIL has a date that does not exist: \"20260230\""},
      {"FREQ=DAILY;UNTIL=20251301T000000Z", "UNTIL has a date that does not exist"},
      {"FREQ=DAILY;UNTIL=20250229", "UNTIL has a date that does not exist"},
      {"FREQ=DAILY;UNTIL=20261231T240000Z", "UNTIL has a time of day that does not exist"},
      {"FREQ=DAILY;UNTIL=20261231T235960Z", "UNTIL has a time of day that does not exist"},
  };
  for (const auto& [text, want] : cases) {
    const std::string reason = Reason(text);
    EXPECT_EQ(reason.rfind(want, 0), 0u) << text << ": " << reason;
  }
}

TEST(RRuleParseTest, ReportsTheGivenFieldAndEchoesOnlyPrintableAscii) {
  auto r = ParseRRule("FREQ=SOMETIMES", "schedule.recurrence");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.error().details.size(), 1u);
  EXPECT_EQ(r.error().details[0].field, "schedule.recurrence");
  EXPECT_EQ(r.error().message.rfind("schedule.recurrence: FREQ must be", 0), 0u)
      << r.error().message;

  const std::string reason = Reason("FREQ=DAILY;F\xC3\xA9=1");
  EXPECT_NE(reason.find("unknown part \"F??\""), std::string::npos) << reason;
  const std::string long_name = Reason("FREQ=DAILY;" + std::string(200, 'A') + "=1");
  EXPECT_LT(long_name.size(), 150u) << long_name;
}

// ---------------------------------------------------------------------------------------------
// Formatting

TEST(RRuleFormatTest, WritesTheCanonicalForm) {
  EXPECT_EQ(FormatRRule(Rule("count=5;bymonthday=1,-1;bymonth=12,3;interval=3;freq=monthly")),
            "FREQ=MONTHLY;INTERVAL=3;BYMONTH=3,12;BYMONTHDAY=-1,1;COUNT=5");
  EXPECT_EQ(FormatRRule(Rule("FREQ=DAILY;INTERVAL=1")), "FREQ=DAILY");
  EXPECT_EQ(FormatRRule(Rule("RRULE:FREQ=weekly;UNTIL=19971224")),
            "FREQ=WEEKLY;UNTIL=19971224T000000Z");
  EXPECT_EQ(FormatRRule(RRule{}), "FREQ=YEARLY");

  RRule r;
  r.freq = RRule::Freq::kDaily;
  r.until = T("0999-01-02T03:04:05.678Z");  // the text form has whole seconds
  EXPECT_EQ(FormatRRule(r), "FREQ=DAILY;UNTIL=09990102T030405Z");
}

TEST(RRuleFormatTest, RoundTrips) {
  for (std::string_view text :
       {"FREQ=DAILY", "FREQ=DAILY;COUNT=10", "FREQ=DAILY;UNTIL=19971224T000000Z",
        "FREQ=DAILY;INTERVAL=10;COUNT=5", "FREQ=WEEKLY;INTERVAL=2;BYMONTH=1,2",
        "FREQ=MONTHLY;BYMONTHDAY=-3", "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12",
        "FREQ=YEARLY;BYMONTH=6,7;COUNT=10", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1,29",
        "rrule:freq=monthly;interval=3;until=20261231t235959z;bymonth=3;",
        "FREQ=YEARLY;INTERVAL=1000;COUNT=100000;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12"}) {
    const RRule parsed = Rule(text);
    const std::string formatted = FormatRRule(parsed);
    const RRule again = Rule(formatted);
    EXPECT_TRUE(SameRule(parsed, again)) << text << " -> " << formatted;
    EXPECT_EQ(FormatRRule(again), formatted) << text;
  }
}

// ---------------------------------------------------------------------------------------------
// The examples of RFC 5545 section 3.8.5.3 that fit the subset. The RFC's DTSTART is
// 09:00 America/New_York; here it is 09:00Z, so every occurrence is at 09:00:00Z on the
// RFC's dates.

TEST(RRuleRfcExampleTest, DailyForTenOccurrences) {
  EXPECT_EQ(Expand("FREQ=DAILY;COUNT=10", "1997-09-02T09:00:00Z"),
            At("09:00:00", {"1997-09-02", "1997-09-03", "1997-09-04", "1997-09-05", "1997-09-06",
                            "1997-09-07", "1997-09-08", "1997-09-09", "1997-09-10", "1997-09-11"}));
}

TEST(RRuleRfcExampleTest, DailyUntilDecember24) {
  const auto got = Expand("FREQ=DAILY;UNTIL=19971224T000000Z", "1997-09-02T09:00:00Z");
  ASSERT_EQ(got.size(), 113u);  // September 2 through December 23
  EXPECT_EQ(got.front(), "1997-09-02T09:00:00.000Z");
  EXPECT_EQ(got[29], "1997-10-01T09:00:00.000Z");
  EXPECT_EQ(got.back(), "1997-12-23T09:00:00.000Z");
}

TEST(RRuleRfcExampleTest, EveryOtherDay) {
  const auto got = Expand("FREQ=DAILY;INTERVAL=2", "1997-09-02T09:00:00Z", 60);
  ASSERT_EQ(got.size(), 60u);
  EXPECT_EQ(std::vector(got.begin(), got.begin() + 4),
            At("09:00:00", {"1997-09-02", "1997-09-04", "1997-09-06", "1997-09-08"}));
  EXPECT_EQ(got[14], "1997-09-30T09:00:00.000Z");
  EXPECT_EQ(got[15], "1997-10-02T09:00:00.000Z");
  EXPECT_EQ(got[27], "1997-10-26T09:00:00.000Z");
  EXPECT_EQ(got[30], "1997-11-01T09:00:00.000Z");
  EXPECT_EQ(got[45], "1997-12-01T09:00:00.000Z");
}

TEST(RRuleRfcExampleTest, EveryTenDaysFiveOccurrences) {
  EXPECT_EQ(Expand("FREQ=DAILY;INTERVAL=10;COUNT=5", "1997-09-02T09:00:00Z"),
            At("09:00:00", {"1997-09-02", "1997-09-12", "1997-09-22", "1997-10-02", "1997-10-12"}));
}

TEST(RRuleRfcExampleTest, EveryDayInJanuaryForThreeYears) {
  const auto got = Expand("FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", "1998-01-01T09:00:00Z");
  std::vector<std::string> want;
  for (std::string year : {"1998", "1999", "2000"}) {
    for (int day = 1; day <= 31; ++day) {
      want.push_back(year + "-01-" + (day < 10 ? "0" : "") + std::to_string(day) +
                     "T09:00:00.000Z");
    }
  }
  EXPECT_EQ(got, want);
}

TEST(RRuleRfcExampleTest, WeeklyForTenOccurrences) {
  EXPECT_EQ(Expand("FREQ=WEEKLY;COUNT=10", "1997-09-02T09:00:00Z"),
            At("09:00:00", {"1997-09-02", "1997-09-09", "1997-09-16", "1997-09-23", "1997-09-30",
                            "1997-10-07", "1997-10-14", "1997-10-21", "1997-10-28", "1997-11-04"}));
}

TEST(RRuleRfcExampleTest, WeeklyUntilDecember24) {
  const auto got = Expand("FREQ=WEEKLY;UNTIL=19971224T000000Z", "1997-09-02T09:00:00Z");
  ASSERT_EQ(got.size(), 17u);
  EXPECT_EQ(got[16], "1997-12-23T09:00:00.000Z");
}

TEST(RRuleRfcExampleTest, EveryOtherWeek) {
  // The RFC's "FREQ=WEEKLY;INTERVAL=2;WKST=SU" without WKST (it changes nothing without BYDAY).
  EXPECT_EQ(Expand("FREQ=WEEKLY;INTERVAL=2;COUNT=13", "1997-09-02T09:00:00Z"),
            At("09:00:00", {"1997-09-02", "1997-09-16", "1997-09-30", "1997-10-14", "1997-10-28",
                            "1997-11-11", "1997-11-25", "1997-12-09", "1997-12-23", "1998-01-06",
                            "1998-01-20", "1998-02-03", "1998-02-17"}));
}

TEST(RRuleRfcExampleTest, MonthlyOnTheThirdToLastDay) {
  EXPECT_EQ(Expand("FREQ=MONTHLY;BYMONTHDAY=-3", "1997-09-28T09:00:00Z", 6),
            At("09:00:00", {"1997-09-28", "1997-10-29", "1997-11-28", "1997-12-29", "1998-01-29",
                            "1998-02-26"}));
}

TEST(RRuleRfcExampleTest, MonthlyOnThe2ndAnd15th) {
  EXPECT_EQ(Expand("FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", "1997-09-02T09:00:00Z"),
            At("09:00:00", {"1997-09-02", "1997-09-15", "1997-10-02", "1997-10-15", "1997-11-02",
                            "1997-11-15", "1997-12-02", "1997-12-15", "1998-01-02", "1998-01-15"}));
}

TEST(RRuleRfcExampleTest, MonthlyOnTheFirstAndLastDay) {
  EXPECT_EQ(Expand("FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", "1997-09-30T09:00:00Z"),
            At("09:00:00", {"1997-09-30", "1997-10-01", "1997-10-31", "1997-11-01", "1997-11-30",
                            "1997-12-01", "1997-12-31", "1998-01-01", "1998-01-31", "1998-02-01"}));
}

TEST(RRuleRfcExampleTest, Every18MonthsOnThe10thTo15th) {
  EXPECT_EQ(Expand("FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15",
                   "1997-09-10T09:00:00Z"),
            At("09:00:00", {"1997-09-10", "1997-09-11", "1997-09-12", "1997-09-13", "1997-09-14",
                            "1997-09-15", "1999-03-10", "1999-03-11", "1999-03-12", "1999-03-13"}));
}

TEST(RRuleRfcExampleTest, InvalidDateIsIgnored) {
  EXPECT_EQ(Expand("FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", "2007-01-15T09:00:00Z"),
            At("09:00:00", {"2007-01-15", "2007-01-30", "2007-02-15", "2007-03-15", "2007-03-30"}));
}

TEST(RRuleRfcExampleTest, YearlyInJuneAndJuly) {
  EXPECT_EQ(Expand("FREQ=YEARLY;COUNT=10;BYMONTH=6,7", "1997-06-10T09:00:00Z"),
            At("09:00:00", {"1997-06-10", "1997-07-10", "1998-06-10", "1998-07-10", "1999-06-10",
                            "1999-07-10", "2000-06-10", "2000-07-10", "2001-06-10", "2001-07-10"}));
}

TEST(RRuleRfcExampleTest, EveryOtherYearInJanuaryFebruaryAndMarch) {
  EXPECT_EQ(Expand("FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", "1997-03-10T09:00:00Z"),
            At("09:00:00", {"1997-03-10", "1999-01-10", "1999-02-10", "1999-03-10", "2001-01-10",
                            "2001-02-10", "2001-03-10", "2003-01-10", "2003-02-10", "2003-03-10"}));
}

// ---------------------------------------------------------------------------------------------
// Expansion semantics

TEST(RRuleExpandTest, DtstartIsOccurrenceZeroEvenWhenItDoesNotMatch) {
  EXPECT_EQ(Expand("FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-10T08:30:00Z", 3),
            At("08:30:00", {"2026-01-10", "2026-02-01", "2026-03-01"}));
  EXPECT_EQ(Expand("FREQ=YEARLY;BYMONTH=6", "2026-01-10T08:30:00Z", 3),
            At("08:30:00", {"2026-01-10", "2026-06-10", "2027-06-10"}));
  EXPECT_EQ(Expand("FREQ=DAILY;BYMONTH=3", "2026-02-27T08:30:00Z", 3),
            At("08:30:00", {"2026-02-27", "2026-03-01", "2026-03-02"}));
}

TEST(RRuleExpandTest, FirstPeriodSkipsDaysUpToDtstart) {
  // Jan 1 is before DTSTART and Jan 10 is DTSTART itself: neither is produced again.
  EXPECT_EQ(Expand("FREQ=MONTHLY;BYMONTHDAY=1,10,20", "2026-01-10T12:00:00Z", 5),
            At("12:00:00", {"2026-01-10", "2026-01-20", "2026-02-01", "2026-02-10", "2026-02-20"}));
  EXPECT_EQ(Expand("FREQ=YEARLY;BYMONTH=1,6,12", "2026-06-15T12:00:00Z", 4),
            At("12:00:00", {"2026-06-15", "2026-12-15", "2027-01-15", "2027-06-15"}));
}

TEST(RRuleExpandTest, KeepsDtstartTimeOfDayToTheMillisecond) {
  EXPECT_EQ(Expand("FREQ=MONTHLY;COUNT=3;BYMONTHDAY=-1", "2026-01-31T23:59:59.999Z"),
            (std::vector<std::string>{"2026-01-31T23:59:59.999Z", "2026-02-28T23:59:59.999Z",
                                      "2026-03-31T23:59:59.999Z"}));
}

TEST(RRuleExpandTest, MonthlyOnThe31stSkipsShortMonths) {
  EXPECT_EQ(Expand("FREQ=MONTHLY;COUNT=8", "2026-01-31T10:00:00Z"),
            At("10:00:00", {"2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31",
                            "2026-10-31", "2026-12-31", "2027-01-31"}));
  EXPECT_EQ(Expand("FREQ=MONTHLY;COUNT=4", "2026-01-30T10:00:00Z"),
            At("10:00:00", {"2026-01-30", "2026-03-30", "2026-04-30", "2026-05-30"}));
  EXPECT_EQ(Expand("FREQ=MONTHLY;INTERVAL=12;COUNT=3", "2023-02-28T10:00:00Z"),
            At("10:00:00", {"2023-02-28", "2024-02-28", "2025-02-28"}));
}

TEST(RRuleExpandTest, LeapDayRecursOnlyInLeapYears) {
  const auto got = Expand("FREQ=YEARLY;COUNT=21", "2024-02-29T12:00:00Z");
  ASSERT_EQ(got.size(), 21u);
  EXPECT_EQ(got[1], "2028-02-29T12:00:00.000Z");
  EXPECT_EQ(got[18], "2096-02-29T12:00:00.000Z");
  EXPECT_EQ(got[19], "2104-02-29T12:00:00.000Z");  // 2100 is not a leap year
  EXPECT_EQ(got[20], "2108-02-29T12:00:00.000Z");
  EXPECT_EQ(Expand("FREQ=YEARLY;INTERVAL=100;COUNT=3", "2000-02-29T12:00:00Z"),
            At("12:00:00", {"2000-02-29", "2400-02-29", "2800-02-29"}));
  EXPECT_EQ(Expand("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=3", "2023-02-28T12:00:00Z"),
            At("12:00:00", {"2023-02-28", "2024-02-29", "2025-02-28"}));
}

TEST(RRuleExpandTest, YearlyByMonthTakesDtstartsDay) {
  EXPECT_EQ(Expand("FREQ=YEARLY;BYMONTH=1,7", "2026-03-15T00:00:00Z", 4),
            At("00:00:00", {"2026-03-15", "2026-07-15", "2027-01-15", "2027-07-15"}));
  // The 31st exists only in some of the months.
  EXPECT_EQ(Expand("FREQ=YEARLY;BYMONTH=1,2,4,5", "2026-01-31T00:00:00Z", 4),
            At("00:00:00", {"2026-01-31", "2026-05-31", "2027-01-31", "2027-05-31"}));
}

TEST(RRuleExpandTest, YearlyByMonthDayWithoutByMonthCoversEveryMonth) {
  // Our reading of RFC 5545 (BYMONTHDAY expands for YEARLY), as python-dateutil does.
  EXPECT_EQ(Expand("FREQ=YEARLY;BYMONTHDAY=31", "2026-01-10T00:00:00Z", 8),
            At("00:00:00", {"2026-01-10", "2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31",
                            "2026-08-31", "2026-10-31", "2026-12-31"}));
  EXPECT_EQ(Expand("FREQ=YEARLY;INTERVAL=2;BYMONTHDAY=1;COUNT=14", "2026-11-01T00:00:00Z").back(),
            "2028-12-01T00:00:00.000Z");
  EXPECT_EQ(Expand("FREQ=YEARLY;BYMONTH=3,4;BYMONTHDAY=1,-1", "2026-01-01T00:00:00Z", 6),
            At("00:00:00", {"2026-01-01", "2026-03-01", "2026-03-31", "2026-04-01", "2026-04-30",
                            "2027-03-01"}));
}

TEST(RRuleExpandTest, MonthlyByMonthLimits) {
  EXPECT_EQ(Expand("FREQ=MONTHLY;BYMONTH=3,9", "2026-01-15T06:00:00Z", 4),
            At("06:00:00", {"2026-01-15", "2026-03-15", "2026-09-15", "2027-03-15"}));
  // INTERVAL=2 from January visits odd months only, so BYMONTH=2 never matches.
  EXPECT_EQ(Expand("FREQ=MONTHLY;INTERVAL=2;BYMONTH=2,3", "2026-01-15T06:00:00Z", 3),
            At("06:00:00", {"2026-01-15", "2026-03-15", "2027-03-15"}));
}

TEST(RRuleExpandTest, DailyByMonthDayLimits) {
  EXPECT_EQ(Expand("FREQ=DAILY;BYMONTHDAY=1,-1", "2026-01-15T06:00:00Z", 5),
            At("06:00:00", {"2026-01-15", "2026-01-31", "2026-02-01", "2026-02-28", "2026-03-01"}));
  // Every third day, limited to the 1st..3rd: whichever of them the step lands on.
  EXPECT_EQ(Expand("FREQ=DAILY;INTERVAL=3;BYMONTHDAY=1,2,3", "2026-01-01T06:00:00Z", 5),
            At("06:00:00", {"2026-01-01", "2026-02-03", "2026-03-02", "2026-04-01", "2026-05-01"}));
}

TEST(RRuleExpandTest, WeeklyByMonthLimits) {
  EXPECT_EQ(Expand("FREQ=WEEKLY;BYMONTH=2", "2026-01-01T09:00:00Z", 6),
            At("09:00:00", {"2026-01-01", "2026-02-05", "2026-02-12", "2026-02-19", "2026-02-26",
                            "2027-02-04"}));
}

TEST(RRuleExpandTest, QuarterlyFromAQuarterStartGivesCalendarQuarters) {
  const RRule rule = Rule("FREQ=MONTHLY;INTERVAL=3");
  const TimePoint start = T("2026-01-01T00:00:00Z");
  TimePoint after = start - 1ms;
  std::vector<std::string> labels;
  for (int i = 0; i < 12; ++i) {
    const auto next = NextOccurrence(rule, start, after);
    ASSERT_TRUE(next.has_value());
    EXPECT_EQ(next->index, i);
    EXPECT_EQ(QuarterStart(next->at), next->at);
    labels.push_back(QuarterLabel(next->at));
    after = next->at;
  }
  EXPECT_EQ(labels,
            (std::vector<std::string>{"2026Q1", "2026Q2", "2026Q3", "2026Q4", "2027Q1", "2027Q2",
                                      "2027Q3", "2027Q4", "2028Q1", "2028Q2", "2028Q3", "2028Q4"}));
  EXPECT_EQ(NthOccurrence(rule, start, 400), T("2126-01-01T00:00:00Z"));
  EXPECT_EQ(NextOccurrence(rule, start, T("2126-02-15T00:00:00Z"))->index, 401);
}

TEST(RRuleExpandTest, CountEndsTheSeries) {
  const RRule rule = Rule("FREQ=MONTHLY;COUNT=3");
  const TimePoint start = T("2026-01-15T00:00:00Z");
  EXPECT_EQ(NthOccurrence(rule, start, 2), T("2026-03-15T00:00:00Z"));
  EXPECT_EQ(NthOccurrence(rule, start, 3), std::nullopt);
  EXPECT_EQ(NextOccurrence(rule, start, T("2026-03-14T00:00:00Z"))->index, 2);
  EXPECT_EQ(NextOccurrence(rule, start, T("2026-03-15T00:00:00Z")), std::nullopt);
  EXPECT_EQ(NextOccurrence(rule, start, T("2090-01-01T00:00:00Z")), std::nullopt);

  const RRule once = Rule("FREQ=DAILY;COUNT=1");
  EXPECT_EQ(Expand(once, start), (std::vector<std::string>{"2026-01-15T00:00:00.000Z"}));
  EXPECT_EQ(NthOccurrence(once, start, 1), std::nullopt);
  // COUNT counts occurrences, not periods: empty periods do not use it up.
  EXPECT_EQ(NthOccurrence(Rule("FREQ=MONTHLY;COUNT=3"), T("2026-01-31T00:00:00Z"), 2),
            T("2026-05-31T00:00:00Z"));
  // 8000 years of seven 31-day months: the year-9999 end comes before COUNT.
  const RRule long_count = Rule("FREQ=MONTHLY;COUNT=100000;BYMONTHDAY=31");
  EXPECT_EQ(NthOccurrence(long_count, T("2000-01-31T00:00:00Z"), 55999), T("9999-12-31T00:00:00Z"));
  EXPECT_EQ(NthOccurrence(long_count, T("2000-01-31T00:00:00Z"), 56000), std::nullopt);
}

TEST(RRuleExpandTest, UntilIsInclusive) {
  const TimePoint start = T("2026-01-01T09:00:00Z");
  EXPECT_EQ(Expand("FREQ=DAILY;UNTIL=20260103T090000Z", "2026-01-01T09:00:00Z").back(),
            "2026-01-03T09:00:00.000Z");
  EXPECT_EQ(Expand("FREQ=DAILY;UNTIL=20260103T085959Z", "2026-01-01T09:00:00Z").back(),
            "2026-01-02T09:00:00.000Z");
  // The date form is midnight, so a 09:00 occurrence on that day is after it.
  EXPECT_EQ(Expand("FREQ=DAILY;UNTIL=20260103", "2026-01-01T09:00:00Z").back(),
            "2026-01-02T09:00:00.000Z");
  const RRule rule = Rule("FREQ=DAILY;UNTIL=20260103T090000Z");
  EXPECT_EQ(NthOccurrence(rule, start, 2), T("2026-01-03T09:00:00Z"));
  EXPECT_EQ(NthOccurrence(rule, start, 3), std::nullopt);
  EXPECT_EQ(NextOccurrence(rule, start, T("2026-01-03T09:00:00Z")), std::nullopt);
}

TEST(RRuleExpandTest, DtstartIsAnOccurrenceEvenWhenUntilIsBeforeIt) {
  // RFC 5545: DTSTART is always the first instance of the set.
  const RRule rule = Rule("FREQ=DAILY;UNTIL=20250101");
  const TimePoint start = T("2026-06-01T00:00:00Z");
  EXPECT_EQ(Expand(rule, start), (std::vector<std::string>{"2026-06-01T00:00:00.000Z"}));
  EXPECT_EQ(NthOccurrence(rule, start, 0), start);
  EXPECT_EQ(NthOccurrence(rule, start, 1), std::nullopt);
}

TEST(RRuleExpandTest, NextIsStrictlyAfter) {
  const RRule rule = Rule("FREQ=WEEKLY");
  const TimePoint start = T("2026-01-05T10:00:00Z");
  const auto at = [&](std::string_view after) { return NextOccurrence(rule, start, T(after)); };
  EXPECT_EQ(at("2000-01-01T00:00:00Z")->index, 0);
  EXPECT_EQ(at("2026-01-05T09:59:59.999Z")->index, 0);
  EXPECT_EQ(at("2026-01-05T10:00:00Z")->index, 1);  // equal to DTSTART: the next one
  EXPECT_EQ(at("2026-01-05T10:00:00Z")->at, T("2026-01-12T10:00:00Z"));
  EXPECT_EQ(at("2026-01-12T09:59:59.999Z")->index, 1);
  EXPECT_EQ(at("2026-01-12T10:00:00Z")->index, 2);
  EXPECT_EQ(at("2026-01-12T10:00:00.001Z")->index, 2);
  EXPECT_EQ(at("2026-01-19T00:00:00Z")->at, T("2026-01-19T10:00:00Z"));

  const RRule by_day = Rule("FREQ=MONTHLY;BYMONTHDAY=1,15");
  const TimePoint s2 = T("2026-01-01T10:00:00Z");
  EXPECT_EQ(NextOccurrence(by_day, s2, T("2026-01-15T10:00:00Z"))->at, T("2026-02-01T10:00:00Z"));
  EXPECT_EQ(NextOccurrence(by_day, s2, T("2026-01-15T10:00:00Z"))->index, 2);
  EXPECT_EQ(NextOccurrence(by_day, s2, T("2026-01-15T09:00:00Z"))->index, 1);
  EXPECT_EQ(NextOccurrence(by_day, s2, T("2026-01-15T11:00:00Z"))->index, 2);
}

TEST(RRuleExpandTest, FarFutureIsComputedDirectly) {
  // Index arithmetic, not one step per elapsed period: each of these answers at once.
  const TimePoint start = T("2000-01-01T06:00:00Z");
  const auto daily = NextOccurrence(Rule("FREQ=DAILY"), start, T("2100-01-01T12:00:00Z"));
  ASSERT_TRUE(daily.has_value());
  EXPECT_EQ(daily->index, 36526);  // 36525 days in 2000..2099, then the next morning
  EXPECT_EQ(daily->at, T("2100-01-02T06:00:00Z"));
  EXPECT_EQ(NthOccurrence(Rule("FREQ=DAILY"), start, 36526), daily->at);

  for (int i = 0; i < 2000; ++i) {
    const auto n = NextOccurrence(Rule("FREQ=DAILY"), start, T("9999-12-30T07:00:00Z"));
    ASSERT_TRUE(n.has_value());
    EXPECT_EQ(n->at, T("9999-12-31T06:00:00Z"));
  }
  EXPECT_EQ(NextOccurrence(Rule("FREQ=WEEKLY;INTERVAL=3"), start, T("2500-01-01T00:00:00Z"))->at,
            T("2500-01-16T06:00:00Z"));
  EXPECT_EQ(NextOccurrence(Rule("FREQ=WEEKLY;INTERVAL=3"), start, T("2500-01-01T00:00:00Z"))->index,
            8697);
  // Day 31 skips months, so the index has to count them (cyclically, not month by month).
  const auto monthly =
      NextOccurrence(Rule("FREQ=MONTHLY"), T("2000-01-31T08:00:00Z"), T("2500-01-01T00:00:00Z"));
  ASSERT_TRUE(monthly.has_value());
  EXPECT_EQ(monthly->index, 3500);
  EXPECT_EQ(monthly->at, T("2500-01-31T08:00:00Z"));
  EXPECT_EQ(NthOccurrence(Rule("FREQ=MONTHLY"), T("2000-01-31T08:00:00Z"), 3500), monthly->at);
  const auto leap =
      NextOccurrence(Rule("FREQ=YEARLY"), T("2024-02-29T12:00:00Z"), T("8996-01-01T00:00:00Z"));
  ASSERT_TRUE(leap.has_value());
  EXPECT_EQ(leap->index, 1691);
  EXPECT_EQ(leap->at, T("8996-02-29T12:00:00Z"));
  const auto by_month = NextOccurrence(Rule("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29"),
                                       T("2000-01-01T00:00:00Z"), T("9000-03-01T00:00:00Z"));
  ASSERT_TRUE(by_month.has_value());
  EXPECT_EQ(by_month->at, T("9004-02-29T00:00:00Z"));
  EXPECT_EQ(by_month->index, 1699);  // DTSTART is not a Feb 29 but is occurrence 0
}

TEST(RRuleExpandTest, ImpossibleRulesEndAfterDtstart) {
  const TimePoint start = T("2026-01-01T00:00:00Z");
  for (std::string_view text :
       {"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=YEARLY;BYMONTH=4,6,9,11;BYMONTHDAY=31",
        "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=-30", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=DAILY;INTERVAL=997;BYMONTH=2;BYMONTHDAY=31", "FREQ=MONTHLY;INTERVAL=12;BYMONTH=2",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=5"}) {
    const RRule rule = Rule(text);
    EXPECT_EQ(Expand(rule, start), (std::vector<std::string>{"2026-01-01T00:00:00.000Z"})) << text;
    EXPECT_EQ(NextOccurrence(rule, start, T("5000-01-01T00:00:00Z")), std::nullopt) << text;
    EXPECT_EQ(NthOccurrence(rule, start, 1), std::nullopt) << text;
    EXPECT_EQ(NthOccurrence(rule, start, 1'000'000'000'000), std::nullopt) << text;
  }
}

TEST(RRuleExpandTest, SeriesEndsInYear9999) {
  const TimePoint start = T("9999-12-30T12:00:00Z");
  const RRule daily = Rule("FREQ=DAILY");
  EXPECT_EQ(Expand(daily, start), At("12:00:00", {"9999-12-30", "9999-12-31"}));
  EXPECT_EQ(NthOccurrence(daily, start, 2), std::nullopt);
  EXPECT_EQ(NthOccurrence(daily, start, INT64_MAX), std::nullopt);
  EXPECT_EQ(NextOccurrence(daily, start, TimePoint::max()), std::nullopt);
  EXPECT_EQ(NthOccurrence(Rule("FREQ=YEARLY;INTERVAL=1000"), T("2000-01-01T00:00:00Z"), 7),
            T("9000-01-01T00:00:00Z"));
  EXPECT_EQ(NthOccurrence(Rule("FREQ=YEARLY;INTERVAL=1000"), T("2000-01-01T00:00:00Z"), 8),
            std::nullopt);
  EXPECT_EQ(NthOccurrence(Rule("FREQ=DAILY;BYMONTHDAY=1"), T("2000-01-01T00:00:00Z"), 8000 * 12),
            std::nullopt);
  EXPECT_EQ(
      NthOccurrence(Rule("FREQ=DAILY;BYMONTHDAY=1"), T("2000-01-01T00:00:00Z"), 8000 * 12 - 1),
      T("9999-12-01T00:00:00Z"));
}

TEST(RRuleExpandTest, IndexBoundsAndOldDates) {
  const RRule rule = Rule("FREQ=MONTHLY;BYMONTHDAY=-1");
  const TimePoint start = T("1969-11-15T00:00:00Z");
  EXPECT_EQ(NthOccurrence(rule, start, -1), std::nullopt);
  EXPECT_EQ(NthOccurrence(rule, start, 0), start);
  EXPECT_EQ(Expand(rule, start, 4),
            At("00:00:00", {"1969-11-15", "1969-11-30", "1969-12-31", "1970-01-31"}));
  EXPECT_EQ(NextOccurrence(rule, start, TimePoint::min())->index, 0);
  EXPECT_EQ(Expand("FREQ=YEARLY;COUNT=3", "0001-03-01T00:00:00Z"),
            At("00:00:00", {"0001-03-01", "0002-03-01", "0003-03-01"}));
}

// A second, independent statement of the semantics: walk the calendar day by day and keep
// the days the rule matches (instead of expanding periods).
std::vector<TimePoint> BruteForce(const RRule& rule, TimePoint dtstart, int horizon_days,
                                  size_t limit) {
  using namespace std::chrono;
  const sys_days first = floor<std::chrono::days>(dtstart);
  const year_month_day s{first};
  const auto tod = dtstart - TimePoint{first};
  const auto has = [](const std::vector<int>& v, int x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  std::vector<TimePoint> out = {dtstart};
  for (int i = 1; i <= horizon_days && out.size() < limit; ++i) {
    const sys_days day = first + std::chrono::days{i};
    const year_month_day d{day};
    const int m = static_cast<int>(static_cast<unsigned>(d.month()));
    const int dom = static_cast<int>(static_cast<unsigned>(d.day()));
    const int month_len =
        static_cast<int>(static_cast<unsigned>((d.year() / d.month() / last).day()));
    const bool month_ok = rule.by_month.empty() || has(rule.by_month, m);
    const bool day_listed =
        has(rule.by_month_day, dom) || has(rule.by_month_day, dom - month_len - 1);
    const int months = (static_cast<int>(d.year()) - static_cast<int>(s.year())) * 12 + m -
                       static_cast<int>(static_cast<unsigned>(s.month()));
    const int years = static_cast<int>(d.year()) - static_cast<int>(s.year());
    bool match = false;
    switch (rule.freq) {
      case RRule::Freq::kDaily:
        match = i % rule.interval == 0 && month_ok && (rule.by_month_day.empty() || day_listed);
        break;
      case RRule::Freq::kWeekly:
        match = i % (7 * rule.interval) == 0 && month_ok;
        break;
      case RRule::Freq::kMonthly:
        match = months % rule.interval == 0 && month_ok &&
                (rule.by_month_day.empty() ? d.day() == s.day() : day_listed);
        break;
      case RRule::Freq::kYearly:
        match = years % rule.interval == 0 &&
                (rule.by_month.empty() ? (!rule.by_month_day.empty() || d.month() == s.month())
                                       : month_ok) &&
                (rule.by_month_day.empty() ? d.day() == s.day() : day_listed);
        break;
    }
    const TimePoint at = TimePoint{day} + tod;
    if (rule.until && at > *rule.until) break;
    if (match) out.push_back(at);
  }
  if (rule.count && out.size() > static_cast<size_t>(*rule.count)) out.resize(*rule.count);
  return out;
}

TEST(RRulePropertyTest, NextNthAndADayByDayWalkAgree) {
  const std::string_view rules[] = {
      "FREQ=DAILY",
      "FREQ=DAILY;INTERVAL=3;BYMONTH=2,3",
      "FREQ=DAILY;INTERVAL=2;BYMONTHDAY=1,-1,15",
      "FREQ=DAILY;BYMONTH=12;BYMONTHDAY=-7,24",
      "FREQ=WEEKLY;INTERVAL=2",
      "FREQ=WEEKLY;BYMONTH=1,7;COUNT=20",
      "FREQ=MONTHLY",
      "FREQ=MONTHLY;INTERVAL=5",
      "FREQ=MONTHLY;BYMONTHDAY=31,30,29",
      "FREQ=MONTHLY;INTERVAL=7;BYMONTH=2,3,4;BYMONTHDAY=-1,-29,1",
      "FREQ=MONTHLY;COUNT=15;BYMONTHDAY=-31",
      "FREQ=YEARLY",
      "FREQ=YEARLY;INTERVAL=3;BYMONTH=2,8",
      "FREQ=YEARLY;BYMONTHDAY=29,-2",
      "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;UNTIL=20600101T000000Z",
      "FREQ=DAILY;UNTIL=20270315T113000Z",
  };
  const std::string_view starts[] = {"2024-02-29T11:30:00Z", "2025-12-31T23:59:59.999Z",
                                     "2026-01-01T00:00:00Z", "2026-03-15T11:30:00Z"};
  constexpr size_t kLimit = 60;
  for (std::string_view text : rules) {
    const RRule rule = Rule(text);
    for (std::string_view s : starts) {
      const TimePoint start = T(s);
      const std::string where = std::string(text) + " from " + std::string(s);
      const std::vector<TimePoint> want = BruteForce(rule, start, 366 * 100, kLimit);
      ASSERT_GE(want.size(), 2u) << where;
      TimePoint after = start - 1ms;
      for (size_t i = 0; i < want.size(); ++i) {
        const auto next = NextOccurrence(rule, start, after);
        ASSERT_TRUE(next.has_value()) << where << " #" << i;
        EXPECT_EQ(next->index, static_cast<int64_t>(i)) << where;
        EXPECT_EQ(next->at, want[i]) << where << " #" << i << ": " << FormatRfc3339(next->at)
                                     << " != " << FormatRfc3339(want[i]);
        EXPECT_EQ(NthOccurrence(rule, start, static_cast<int64_t>(i)), want[i]) << where;
        // Any instant between two occurrences leads to the later one.
        if (i > 0) {
          const TimePoint mid = want[i - 1] + (want[i] - want[i - 1]) / 2;
          EXPECT_EQ(NextOccurrence(rule, start, mid)->index, static_cast<int64_t>(i)) << where;
        }
        after = next->at;
      }
      if ((rule.count || rule.until) && want.size() < kLimit) {  // the series ended
        EXPECT_EQ(NextOccurrence(rule, start, after), std::nullopt) << where;
        EXPECT_EQ(NthOccurrence(rule, start, static_cast<int64_t>(want.size())), std::nullopt)
            << where;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Quarters

TEST(QuarterTest, StartOfTheContainingQuarter) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"},
      {"2026-03-31T23:59:59.999Z", "2026-01-01T00:00:00Z"},
      {"2026-04-01T00:00:00Z", "2026-04-01T00:00:00Z"},
      {"2026-05-17T08:00:00Z", "2026-04-01T00:00:00Z"},
      {"2026-09-30T12:00:00Z", "2026-07-01T00:00:00Z"},
      {"2026-11-23T10:15:30.123Z", "2026-10-01T00:00:00Z"},
      {"2026-12-31T23:59:59.999Z", "2026-10-01T00:00:00Z"},
      {"1969-12-31T23:59:59.999Z", "1969-10-01T00:00:00Z"},
  };
  for (const auto& [t, want] : cases) EXPECT_EQ(QuarterStart(T(t)), T(want)) << t;
}

TEST(SeriesAnchorTest, MidnightAndNeverADayAMonthLacks) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"2026-11-23T10:15:30.123Z", "2026-11-23T00:00:00Z"},
      {"2026-02-28T23:59:59.999Z", "2026-02-28T00:00:00Z"},
      {"2028-02-29T08:00:00Z", "2028-03-01T00:00:00Z"},
      {"2026-01-29T00:00:00Z", "2026-02-01T00:00:00Z"},
      {"2026-08-31T12:00:00Z", "2026-09-01T00:00:00Z"},
      {"2026-12-30T12:00:00Z", "2027-01-01T00:00:00Z"},
  };
  for (const auto& [t, want] : cases) EXPECT_EQ(SeriesAnchor(T(t)), T(want)) << t;
  // Yearly and quarterly from any anchor: one occurrence per period, none skipped.
  for (const char* text : {"FREQ=YEARLY", "FREQ=MONTHLY;INTERVAL=3", "FREQ=MONTHLY"}) {
    auto rule = ParseRRule(text);
    ASSERT_TRUE(rule.ok());
    TimePoint anchor = SeriesAnchor(T("2028-02-29T08:00:00Z"));
    for (int64_t k = 1; k <= 12; ++k) {
      auto at = NthOccurrence(*rule, anchor, k);
      ASSERT_TRUE(at.has_value()) << text << " #" << k;
      EXPECT_EQ(FormatRfc3339(*at).substr(8, 2), "01") << text << " #" << k;
    }
  }
}

TEST(QuarterTest, Labels) {
  EXPECT_EQ(QuarterLabel(T("2026-11-23T10:15:30Z")), "2026Q4");
  EXPECT_EQ(QuarterLabel(T("2026-01-01T00:00:00Z")), "2026Q1");
  EXPECT_EQ(QuarterLabel(T("2026-06-30T23:59:59.999Z")), "2026Q2");
  EXPECT_EQ(QuarterLabel(T("2026-07-01T00:00:00Z")), "2026Q3");
  EXPECT_EQ(QuarterLabel(T("1970-01-01T00:00:00Z")), "1970Q1");
  EXPECT_EQ(QuarterLabel(T("0999-05-01T00:00:00Z")), "0999Q2");
}

TEST(QuarterTest, ParsesLabelsIntoHalfOpenRanges) {
  const auto q4 = ParseQuarter("2026Q4");
  ASSERT_TRUE(q4.ok());
  EXPECT_EQ(q4->first, T("2026-10-01T00:00:00Z"));
  EXPECT_EQ(q4->second, T("2027-01-01T00:00:00Z"));
  const auto q1 = ParseQuarter("2024q1");
  ASSERT_TRUE(q1.ok());
  EXPECT_EQ(q1->first, T("2024-01-01T00:00:00Z"));
  EXPECT_EQ(q1->second, T("2024-04-01T00:00:00Z"));
  EXPECT_EQ(ParseQuarter("1970Q1")->first, TimePoint{});
  EXPECT_EQ(ParseQuarter("9999Q4")->second, T("9999-10-01T00:00:00Z") + std::chrono::days{92});
}

TEST(QuarterTest, LabelsRoundTrip) {
  for (TimePoint t = T("1970-01-01T00:00:00Z"); t < T("2101-01-01T00:00:00Z");
       t += std::chrono::days{17}) {
    const auto range = ParseQuarter(QuarterLabel(t));
    ASSERT_TRUE(range.ok()) << FormatRfc3339(t);
    EXPECT_EQ(range->first, QuarterStart(t));
    EXPECT_LE(range->first, t);
    EXPECT_LT(t, range->second);
    EXPECT_EQ(QuarterStart(range->second - 1ms), range->first);
    EXPECT_EQ(QuarterStart(range->second), range->second);
  }
}

TEST(QuarterTest, RejectsMalformedLabels) {
  for (std::string_view label : {"", "2026", "2026Q", "2026Q44", "26Q4", "2026-Q4", "2026 Q4",
                                 "Q42026", "abcdQ1", "2026X4", "2026Qx", "+026Q4", "2026Q4 "}) {
    auto r = ParseQuarter(label, "review.quarter");
    ASSERT_FALSE(r.ok()) << label;
    EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
    ASSERT_EQ(r.error().details.size(), 1u);
    EXPECT_EQ(r.error().details[0].field, "review.quarter");
    EXPECT_EQ(r.error().details[0].reason, "must look like 2026Q4") << label;
  }
  for (std::string_view label : {"2026Q0", "2026Q5", "1969Q4", "0000Q1"}) {
    auto r = ParseQuarter(label);
    ASSERT_FALSE(r.ok()) << label;
    EXPECT_EQ(r.error().details[0].field, "quarter");
    EXPECT_EQ(r.error().details[0].reason.rfind("must look like 2026Q4", 0), 0u) << label;
  }
  EXPECT_NE(ParseQuarter("1969Q4").error().details[0].reason.find("1970 to 9999"),
            std::string::npos);
  EXPECT_NE(ParseQuarter("2026Q5").error().details[0].reason.find("1 to 4"), std::string::npos);
}

}  // namespace
}  // namespace accord
