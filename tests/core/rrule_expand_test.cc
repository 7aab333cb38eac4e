// RRULE expansion (core/rrule_expand.cc): the RFC 5545 examples that fit the subset, the
// expansion's semantics, and a property test against a day-by-day walk of the calendar.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "accord/core/rrule.h"
#include "accord/core/time.h"
#include "core/rrule_test.h"

namespace accord::rrule_test {
namespace {

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

}  // namespace
}  // namespace accord::rrule_test
