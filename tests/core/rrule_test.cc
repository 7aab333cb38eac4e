// RRULE text (core/rrule.cc): parsing with an error naming each part, the canonical form,
// series anchors and quarter labels.
#include "accord/core/rrule.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "accord/core/time.h"
#include "core/rrule_test.h"

namespace accord::rrule_test {
namespace {

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
}  // namespace accord::rrule_test
