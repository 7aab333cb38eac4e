// iCalendar (RFC 5545) output for the per-user calendar feed: one VCALENDAR with a VEVENT
// per due review or deadline. Text is escaped (backslash, semicolon, comma, newline) and
// lines are folded at 75 octets without splitting a UTF-8 sequence; lines end in CRLF.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/clock.h"

namespace accord {

struct CalendarEvent {
  std::string uid;               // stable across feeds: "rev_...@accord"
  TimePoint start;               // DTSTART in UTC (YYYYMMDDTHHMMSSZ)
  std::optional<TimePoint> end;  // DTEND; absent = start + 1 hour; not after start = no DTEND
  bool all_day = false;  // DTSTART;VALUE=DATE of start's UTC day, DTEND the next day; `end` unused
  std::string summary;
  std::string description;  // may hold newlines
  std::string url;          // optional; left out if it holds control characters
  std::string status;       // "" or CONFIRMED | TENTATIVE | CANCELLED (else left out)
  std::vector<std::string> categories;
  int64_t sequence = 0;  // bumped when the event changes (e.g. the review's version)
  TimePoint last_modified;
  std::vector<int> alarm_days_before;  // one VALARM (ACTION:DISPLAY) per entry, e.g. {30, 7};
                                       // 0 = at the start (TRIGGER:PT0S)
};

struct Calendar {
  std::string name;        // X-WR-CALNAME and NAME
  std::string product_id;  // PRODID, e.g. "-//Accord//Reviews//EN"; "" = "-//Accord//Calendar//EN"
  TimePoint stamp;         // DTSTAMP of every event (the time the feed was generated)
  std::vector<CalendarEvent> events;
};

// METHOD:PUBLISH, with REFRESH-INTERVAL and X-PUBLISHED-TTL of one hour so clients poll hourly.
std::string RenderCalendar(const Calendar& calendar);

// Helpers, exposed for tests.
// TEXT escaping (RFC 5545 3.3.11): \ ; , and newline escaped; CR and other control characters
// dropped (HTAB is kept); malformed UTF-8 becomes U+FFFD.
std::string EscapeIcalText(std::string_view text);
// One content line (without line breaks) folded at 75 octets (RFC 5545 3.1) and terminated by
// CRLF; a continuation line starts with one space and no UTF-8 sequence is split.
std::string FoldIcalLine(std::string_view line);

}  // namespace accord
