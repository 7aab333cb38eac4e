#include "accord/core/ical.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "accord/core/utf8.h"

namespace accord {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_days;

struct IcalFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using IcalPtr = std::unique_ptr<icalcomponent, IcalFree>;

// libical (a real RFC 5545 parser) reads the feed as a client would.
IcalPtr Parse(const std::string& text) { return IcalPtr(icalparser_parse_string(text.c_str())); }

// X-LIC-ERROR properties are how libical reports what it could not parse or what breaks a
// restriction; collected from the whole tree so a failure says which.
void CollectErrors(icalcomponent* c, std::vector<std::string>& errors) {
  for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
    errors.emplace_back(icalproperty_get_xlicerror(p));
  }
  for (icalcomponent* k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); k;
       k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)) {
    CollectErrors(k, errors);
  }
}

std::string Errors(icalcomponent* c) {
  std::vector<std::string> errors;
  CollectErrors(c, errors);
  std::string joined;
  for (const std::string& e : errors) joined += e + "\n";
  return joined;
}

std::vector<icalcomponent*> Children(icalcomponent* parent, icalcomponent_kind kind) {
  std::vector<icalcomponent*> out;
  for (icalcomponent* c = icalcomponent_get_first_component(parent, kind); c;
       c = icalcomponent_get_next_component(parent, kind)) {
    out.push_back(c);
  }
  return out;
}

std::string Unfold(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 3) == "\r\n ") {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

// Every physical line: CRLF-terminated, at most 75 octets, and whole UTF-8 (a fold inside a
// multi-byte sequence would leave a line that is not valid UTF-8 on its own).
void ExpectWellFormedLines(const std::string& text) {
  ASSERT_GE(text.size(), 2u);
  ASSERT_EQ(text.substr(text.size() - 2), "\r\n");
  size_t begin = 0;
  while (begin < text.size()) {
    const size_t end = text.find("\r\n", begin);
    ASSERT_NE(end, std::string::npos);
    const std::string_view line = std::string_view(text).substr(begin, end - begin);
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find_first_of("\r\n"), std::string_view::npos) << line;
    EXPECT_TRUE(IsValidUtf8(line)) << "split UTF-8 sequence in: " << line;
    EXPECT_FALSE(line.empty() || line == " ") << "empty line at offset " << begin;
    begin = end + 2;
  }
}

std::vector<std::string> LogicalLines(const std::string& text) {
  const std::string unfolded = Unfold(text);
  std::vector<std::string> lines;
  size_t begin = 0;
  while (begin < unfolded.size()) {
    const size_t end = unfolded.find("\r\n", begin);
    if (end == std::string::npos) break;
    lines.push_back(unfolded.substr(begin, end - begin));
    begin = end + 2;
  }
  return lines;
}

bool HasLine(const std::string& text, std::string_view line) {
  for (const std::string& l : LogicalLines(text)) {
    if (l == line) return true;
  }
  return false;
}

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

int64_t UnixSeconds(TimePoint t) {
  return std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count();
}

std::vector<std::string> Categories(icalcomponent* event) {
  std::vector<std::string> out;
  for (icalproperty* p = icalcomponent_get_first_property(event, ICAL_CATEGORIES_PROPERTY); p;
       p = icalcomponent_get_next_property(event, ICAL_CATEGORIES_PROPERTY)) {
    out.emplace_back(icalproperty_get_categories(p));
  }
  return out;
}

// Seconds relative to the start, one per VALARM, with every alarm's action and text checked.
std::vector<int> AlarmTriggers(icalcomponent* event, const std::string& summary) {
  std::vector<int> out;
  for (icalcomponent* alarm : Children(event, ICAL_VALARM_COMPONENT)) {
    icalproperty* action = icalcomponent_get_first_property(alarm, ICAL_ACTION_PROPERTY);
    EXPECT_NE(action, nullptr);
    if (action) {
      EXPECT_EQ(icalproperty_get_action(action), ICAL_ACTION_DISPLAY);
    }
    EXPECT_STREQ(icalcomponent_get_description(alarm), summary.c_str());
    icalproperty* trigger = icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY);
    EXPECT_NE(trigger, nullptr);
    if (!trigger) continue;
    const icaltriggertype t = icalproperty_get_trigger(trigger);
    EXPECT_TRUE(icaltime_is_null_time(t.time));  // relative, not an absolute time
    out.push_back(icaldurationtype_as_int(t.duration));
  }
  return out;
}

constexpr TimePoint kStamp = sys_days{2026y / 3 / 1} + 8h + 30min + 15s + 999ms;

// A summary whose multi-byte characters cross the 75-octet boundary.
const std::string kLongSummary =
    "Überprüfung des Lieferantenvertrags für die Ärztekammer — Frist läuft ab: "
    "日本語のレビュー 🎉🎉 naïve café, \"quoted\"; back\\slash";
const std::string kDescription =
    "Line one\nLine two; with a semicolon, a comma and a back\\slash\r\n"
    "After CRLF\x01\x07 (bells dropped)\tand a tab\n\nTwo breaks above — ok";

Calendar SampleCalendar() {
  Calendar cal;
  cal.name = "Accord reviews — Ärzte, Verträge; Fristen";
  cal.product_id = "-//Accord//Reviews//EN";
  cal.stamp = kStamp;

  CalendarEvent review;
  review.uid = "rev_01JABCDEF@accord";
  review.start = sys_days{2026y / 11 / 23} + 10h + 15min + 30s + 123ms;
  review.summary = kLongSummary;
  review.description = kDescription;
  review.url = "https://accord.example/reviews/rev_01JABCDEF?tab=evidence&x=1,2;3";
  review.status = "CONFIRMED";
  // No DQUOTE: libical 3.0 wrongly treats quotes in a multi-valued TEXT as quoting commas.
  review.categories = {"Review", "Vendor, Inc; Ltd", "日本"};
  review.sequence = 3;
  review.last_modified = sys_days{2026y / 2 / 27} + 17h;
  review.alarm_days_before = {30, 7, 0};
  cal.events.push_back(review);

  CalendarEvent deadline;
  deadline.uid = "dl_02@accord";
  deadline.start = sys_days{2027y / 1 / 31} + 23h + 59min + 59s;
  deadline.end = sys_days{2027y / 2 / 1} + 1h;
  deadline.summary = std::string(66, 'x') + "€€€" + std::string(70, 'y') + "😀";
  deadline.description = "plain";
  deadline.url = "https://evil.example/\r\nX-INJECTED:1";  // must be dropped
  deadline.status = "maybe";                               // not a VEVENT status: dropped
  deadline.sequence = 0;
  deadline.last_modified = kStamp;
  cal.events.push_back(deadline);

  CalendarEvent bare;
  bare.uid = "rev_03@accord";
  bare.start = sys_days{2026y / 6 / 1};
  bare.summary = "Bare";
  bare.status = "CANCELLED";
  bare.last_modified = kStamp;
  bare.alarm_days_before = {7};
  cal.events.push_back(bare);
  return cal;
}

TEST(IcalTextTest, EscapesRfc5545TextSpecials) {
  EXPECT_EQ(EscapeIcalText("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
  EXPECT_EQ(EscapeIcalText("one\r\ntwo"), "one\\ntwo");     // CR dropped, LF kept
  EXPECT_EQ(EscapeIcalText("bell\x07nul"), "bellnul");      // control characters stripped
  EXPECT_EQ(EscapeIcalText(std::string("a\0b", 3)), "ab");  // including NUL
  EXPECT_EQ(EscapeIcalText("del\x7f"), "del");
  EXPECT_EQ(EscapeIcalText("tab\there"), "tab\there");  // HTAB is allowed in TEXT
  EXPECT_EQ(EscapeIcalText("colon: \"quotes\" ok"), "colon: \"quotes\" ok");
  EXPECT_EQ(EscapeIcalText("日本語 🎉 é"), "日本語 🎉 é");
  EXPECT_EQ(EscapeIcalText(""), "");
}

TEST(IcalTextTest, ReplacesMalformedUtf8) {
  EXPECT_EQ(EscapeIcalText("a\xFF"
                           "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(EscapeIcalText("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated sequence
  EXPECT_TRUE(IsValidUtf8(EscapeIcalText("\xC0\xAF\xED\xA0\x80")));   // overlong, surrogate
}

TEST(IcalFoldTest, ShortLinesAreOnlyTerminated) {
  EXPECT_EQ(FoldIcalLine(""), "\r\n");
  EXPECT_EQ(FoldIcalLine("SUMMARY:hi"), "SUMMARY:hi\r\n");
  const std::string exactly75(75, 'a');
  EXPECT_EQ(FoldIcalLine(exactly75), exactly75 + "\r\n");
}

TEST(IcalFoldTest, FoldsAt75OctetsWithContinuationSpace) {
  const std::string line = std::string(75, 'a') + std::string(74, 'b') + "c";
  EXPECT_EQ(FoldIcalLine(line),
            std::string(75, 'a') + "\r\n " + std::string(74, 'b') + "\r\n c\r\n");
}

TEST(IcalFoldTest, NeverSplitsAUtf8SequenceAtAnyOffset) {
  for (std::string_view ch : {"é", "€", "日", "😀"}) {
    for (size_t pad = 60; pad <= 160; ++pad) {
      std::string line = std::string(pad, 'x');
      for (int i = 0; i < 40; ++i) line += ch;
      const std::string folded = FoldIcalLine(line);
      SCOPED_TRACE(std::string(ch) + " after " + std::to_string(pad));
      ExpectWellFormedLines(folded);
      EXPECT_EQ(Unfold(folded), line + "\r\n");
      // Greedy: a line is only cut short when the next character would not fit.
      const size_t first = folded.find("\r\n");
      EXPECT_GT(first + ch.size(), 75u);
    }
  }
}

TEST(IcalFoldTest, StrayBytesDoNotStopFolding) {
  const std::string line = std::string(200, '\x80');
  const std::string folded = FoldIcalLine(line);
  EXPECT_EQ(Unfold(folded), line + "\r\n");
  EXPECT_EQ(folded.find("\r\n"), 75u);
}

TEST(IcalCalendarTest, EveryLineIsFoldedCrlfAndUnfoldsBack) {
  const Calendar cal = SampleCalendar();
  const std::string text = RenderCalendar(cal);
  ExpectWellFormedLines(text);
  // Unfolding gives back the exact escaped logical lines.
  EXPECT_TRUE(HasLine(text, "SUMMARY:" + EscapeIcalText(kLongSummary))) << text;
  EXPECT_TRUE(HasLine(text, "DESCRIPTION:" + EscapeIcalText(kDescription))) << text;
  EXPECT_TRUE(HasLine(text, "SUMMARY:" + cal.events[1].summary)) << text;
  EXPECT_TRUE(HasLine(text, "DTSTART:20261123T101530Z"));
  EXPECT_TRUE(HasLine(text, "DTSTAMP:20260301T083015Z"));
  EXPECT_TRUE(HasLine(text, "TRIGGER:-P30D"));
  EXPECT_TRUE(HasLine(text, "TRIGGER:PT0S"));
  EXPECT_TRUE(HasLine(text, "REFRESH-INTERVAL;VALUE=DURATION:PT1H"));
  EXPECT_TRUE(HasLine(text, "X-PUBLISHED-TTL:PT1H"));
  EXPECT_TRUE(HasLine(text, "CATEGORIES:Review,Vendor\\, Inc\\; Ltd,日本"));
  EXPECT_EQ(text.find("X-INJECTED"), std::string::npos);  // the unsafe URL was dropped
  EXPECT_EQ(text.find("maybe"), std::string::npos);
  const std::vector<std::string> lines = LogicalLines(text);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  EXPECT_EQ(lines[1], "VERSION:2.0");
}

TEST(IcalCalendarTest, LibicalParsesCalendarProperties) {
  const Calendar cal = SampleCalendar();
  IcalPtr parsed = Parse(RenderCalendar(cal));
  ASSERT_NE(parsed, nullptr);
  icalcomponent* vcal = parsed.get();
  ASSERT_EQ(icalcomponent_isa(vcal), ICAL_VCALENDAR_COMPONENT);
  EXPECT_EQ(Errors(vcal), "");
  EXPECT_EQ(icalcomponent_count_errors(vcal), 0);
  EXPECT_STREQ(
      icalproperty_get_version(icalcomponent_get_first_property(vcal, ICAL_VERSION_PROPERTY)),
      "2.0");
  EXPECT_STREQ(
      icalproperty_get_prodid(icalcomponent_get_first_property(vcal, ICAL_PRODID_PROPERTY)),
      "-//Accord//Reviews//EN");
  EXPECT_EQ(icalcomponent_get_method(vcal), ICAL_METHOD_NONE);
  icalproperty* name = icalcomponent_get_first_property(vcal, ICAL_NAME_PROPERTY);
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(std::string(icalproperty_get_name(name)), cal.name);
  icalproperty* refresh = icalcomponent_get_first_property(vcal, ICAL_REFRESHINTERVAL_PROPERTY);
  ASSERT_NE(refresh, nullptr);
  EXPECT_EQ(icaldurationtype_as_int(icalproperty_get_refreshinterval(refresh)), 3600);
  bool has_calname = false;
  for (icalproperty* p = icalcomponent_get_first_property(vcal, ICAL_X_PROPERTY); p;
       p = icalcomponent_get_next_property(vcal, ICAL_X_PROPERTY)) {
    if (std::string(icalproperty_get_x_name(p)) == "X-WR-CALNAME") has_calname = true;
  }
  EXPECT_TRUE(has_calname);
}

TEST(IcalCalendarTest, LibicalReadsEachEventBack) {
  const Calendar cal = SampleCalendar();
  IcalPtr parsed = Parse(RenderCalendar(cal));
  ASSERT_NE(parsed, nullptr);
  const std::vector<icalcomponent*> events = Children(parsed.get(), ICAL_VEVENT_COMPONENT);
  ASSERT_EQ(events.size(), 3u);

  icalcomponent* review = events[0];
  EXPECT_STREQ(icalcomponent_get_uid(review), "rev_01JABCDEF@accord");
  EXPECT_EQ(std::string(icalcomponent_get_summary(review)), kLongSummary);
  EXPECT_EQ(std::string(icalcomponent_get_description(review)),
            "Line one\nLine two; with a semicolon, a comma and a back\\slash\n"
            "After CRLF (bells dropped)\tand a tab\n\nTwo breaks above — ok");
  const icaltimetype start = icalcomponent_get_dtstart(review);
  EXPECT_TRUE(icaltime_is_utc(start));
  EXPECT_EQ(icaltime_as_timet(start), UnixSeconds(cal.events[0].start));
  const icaltimetype end = icalcomponent_get_dtend(review);
  EXPECT_TRUE(icaltime_is_utc(end));
  EXPECT_EQ(icaltime_as_timet(end), UnixSeconds(cal.events[0].start) + 3600);  // default hour
  EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtstamp(review)), UnixSeconds(kStamp));
  icalproperty* url = icalcomponent_get_first_property(review, ICAL_URL_PROPERTY);
  ASSERT_NE(url, nullptr);
  EXPECT_EQ(std::string(icalproperty_get_url(url)), cal.events[0].url);  // not TEXT-escaped
  EXPECT_EQ(icalcomponent_get_status(review), ICAL_STATUS_CONFIRMED);
  EXPECT_EQ(icalcomponent_get_sequence(review), 3);
  icalproperty* modified = icalcomponent_get_first_property(review, ICAL_LASTMODIFIED_PROPERTY);
  ASSERT_NE(modified, nullptr);
  EXPECT_EQ(icaltime_as_timet(icalproperty_get_lastmodified(modified)),
            UnixSeconds(cal.events[0].last_modified));
  icalproperty* transp = icalcomponent_get_first_property(review, ICAL_TRANSP_PROPERTY);
  ASSERT_NE(transp, nullptr);
  EXPECT_EQ(icalproperty_get_transp(transp), ICAL_TRANSP_TRANSPARENT);
  EXPECT_EQ(Categories(review), cal.events[0].categories);
  EXPECT_EQ(AlarmTriggers(review, kLongSummary), (std::vector<int>{-30 * 86400, -7 * 86400, 0}));

  icalcomponent* deadline = events[1];
  EXPECT_STREQ(icalcomponent_get_uid(deadline), "dl_02@accord");
  EXPECT_EQ(std::string(icalcomponent_get_summary(deadline)), cal.events[1].summary);
  EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtend(deadline)), UnixSeconds(*cal.events[1].end));
  EXPECT_EQ(icalcomponent_get_first_property(deadline, ICAL_URL_PROPERTY), nullptr);
  EXPECT_EQ(icalcomponent_get_first_property(deadline, ICAL_STATUS_PROPERTY), nullptr);
  EXPECT_TRUE(Categories(deadline).empty());
  EXPECT_TRUE(AlarmTriggers(deadline, "").empty());
  EXPECT_EQ(icalcomponent_get_sequence(deadline), 0);

  icalcomponent* bare = events[2];
  EXPECT_EQ(icalcomponent_get_status(bare), ICAL_STATUS_CANCELLED);
  EXPECT_EQ(icalcomponent_get_first_property(bare, ICAL_DESCRIPTION_PROPERTY), nullptr);
  EXPECT_EQ(AlarmTriggers(bare, "Bare"), (std::vector<int>{-7 * 86400}));
}

// icalrestriction_check applies RFC 5545's property table (a METHOD would add RFC 5546's
// iTIP rules, which a subscribed feed does not follow: it has no METHOD).
TEST(IcalCalendarTest, PassesLibicalRestrictions) {
  IcalPtr parsed = Parse(RenderCalendar(SampleCalendar()));
  ASSERT_NE(parsed, nullptr);
  EXPECT_EQ(icalrestriction_check(parsed.get()), 1) << Errors(parsed.get());
}

// An expiry has a date, not a time (TR-6): DTSTART;VALUE=DATE of its UTC day, DTEND the next.
TEST(IcalCalendarTest, AllDayEventsAreDates) {
  Calendar cal;
  cal.stamp = kStamp;
  CalendarEvent e;
  e.uid = "agr_01-expiry@accord";
  e.summary = "Agreement expires: BAA";
  e.start = sys_days{2026y / 12 / 31} + 23h;  // the day counts, not the hour
  e.all_day = true;
  e.last_modified = kStamp;
  cal.events.push_back(e);
  const std::string text = RenderCalendar(cal);
  EXPECT_TRUE(HasLine(text, "DTSTART;VALUE=DATE:20261231"));
  EXPECT_TRUE(HasLine(text, "DTEND;VALUE=DATE:20270101"));
  IcalPtr parsed = Parse(text);
  ASSERT_NE(parsed, nullptr);
  EXPECT_EQ(Errors(parsed.get()), "");
  EXPECT_EQ(icalrestriction_check(parsed.get()), 1) << Errors(parsed.get());
  icalcomponent* event = Children(parsed.get(), ICAL_VEVENT_COMPONENT).at(0);
  icaltimetype start = icalcomponent_get_dtstart(event);
  EXPECT_TRUE(start.is_date);
  EXPECT_EQ(start.year, 2026);
  EXPECT_EQ(start.month, 12);
  EXPECT_EQ(start.day, 31);
}

TEST(IcalCalendarTest, CategoriesAreEscapedOneByOne) {
  Calendar cal;
  cal.stamp = kStamp;
  CalendarEvent e;
  e.uid = "ev@accord";
  e.summary = "Categories";
  e.start = kStamp;
  e.last_modified = kStamp;
  e.categories = {"a,b", "", "c;d", "\"q\" \\ e", "line\nbreak"};
  cal.events.push_back(e);
  EXPECT_TRUE(HasLine(RenderCalendar(cal),
                      "CATEGORIES:a\\,b,c\\;d,\"q\" \\\\ e,line\\nbreak"));  // empty one skipped
}

TEST(IcalCalendarTest, SummariesFoldedAtEveryOffsetParseBack) {
  Calendar cal;
  cal.name = "Offsets";
  cal.stamp = kStamp;
  for (size_t pad = 0; pad < 80; ++pad) {
    CalendarEvent e;
    e.uid = "ev_" + std::to_string(pad) + "@accord";
    e.start = kStamp + std::chrono::hours(pad);
    e.last_modified = kStamp;
    e.summary = std::string(pad, 's') + "é€😀日;,\\" + Repeat("é", pad) + "😀";
    e.description = std::string(pad % 7, '\n') + Repeat("\xF0", pad);  // malformed: U+FFFD
    cal.events.push_back(e);
  }
  const std::string text = RenderCalendar(cal);
  ExpectWellFormedLines(text);
  IcalPtr parsed = Parse(text);
  ASSERT_NE(parsed, nullptr);
  EXPECT_EQ(Errors(parsed.get()), "");
  const std::vector<icalcomponent*> events = Children(parsed.get(), ICAL_VEVENT_COMPONENT);
  ASSERT_EQ(events.size(), cal.events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(std::string(icalcomponent_get_summary(events[i])), cal.events[i].summary) << i;
    EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtstart(events[i])),
              UnixSeconds(cal.events[i].start));
  }
}

TEST(IcalCalendarTest, EmptyCalendarIsValid) {
  Calendar cal;
  cal.stamp = kStamp;  // no name, no product id, no events
  const std::string text = RenderCalendar(cal);
  ExpectWellFormedLines(text);
  EXPECT_TRUE(HasLine(text, "PRODID:-//Accord//Calendar//EN"));
  EXPECT_EQ(text.find("NAME"), std::string::npos);
  IcalPtr parsed = Parse(text);
  ASSERT_NE(parsed, nullptr);
  EXPECT_EQ(icalcomponent_isa(parsed.get()), ICAL_VCALENDAR_COMPONENT);
  EXPECT_EQ(icalcomponent_get_first_component(parsed.get(), ICAL_VEVENT_COMPONENT), nullptr);
  EXPECT_EQ(icalrestriction_check(parsed.get()), 1) << Errors(parsed.get());
  EXPECT_EQ(Errors(parsed.get()), "");
}

TEST(IcalCalendarTest, EndNotAfterStartIsLeftOut) {
  Calendar cal;
  cal.stamp = kStamp;
  CalendarEvent e;
  e.uid = "ev@accord";
  e.summary = "Instant";
  e.start = sys_days{2026y / 3 / 1} + 9h;
  e.end = e.start + 999ms;  // the same second once truncated
  e.last_modified = kStamp;
  cal.events.push_back(e);
  EXPECT_EQ(RenderCalendar(cal).find("DTEND"), std::string::npos);
  cal.events[0].end = e.start - 1h;
  EXPECT_EQ(RenderCalendar(cal).find("DTEND"), std::string::npos);
}

}  // namespace
}  // namespace accord
