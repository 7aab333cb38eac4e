#include "accord/core/ical.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>

#include "accord/core/utf8.h"

namespace accord {
namespace {

using std::chrono::sys_days;
using std::chrono::sys_seconds;

constexpr size_t kMaxLineOctets = 75;  // RFC 5545 3.1, excluding the CRLF
constexpr std::string_view kCrlf = "\r\n";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kDefaultProductId = "-//Accord//Calendar//EN";
// Clients poll the feed hourly (RFC 7986 REFRESH-INTERVAL; X-PUBLISHED-TTL for Outlook).
constexpr std::string_view kRefresh = "PT1H";

// RFC 5545 3.1 CONTROL: %x00-08 / %x0A-1F / %x7F (HTAB is allowed in TEXT).
bool IsControl(unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7f; }

void Put(std::string& out, int value, int width) {
  std::string digits = std::to_string(value);
  if (digits.size() < static_cast<size_t>(width)) out.append(width - digits.size(), '0');
  out += digits;
}

// YYYYMMDDTHHMMSSZ (RFC 5545 3.3.5 form #2); sub-second precision is dropped and years
// are clamped to 0000..9999 so the value always has its fixed shape.
std::string FormatUtc(TimePoint t) {
  constexpr sys_seconds kMin = sys_days{std::chrono::year{0} / 1 / 1};
  constexpr sys_seconds kMax =
      sys_days{std::chrono::year{9999} / 12 / 31} + std::chrono::seconds{86399};
  const sys_seconds s = std::clamp(std::chrono::floor<std::chrono::seconds>(t), kMin, kMax);
  const sys_days day = std::chrono::floor<std::chrono::days>(s);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{s - day};
  std::string out;
  out.reserve(16);
  Put(out, static_cast<int>(ymd.year()), 4);
  Put(out, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  Put(out, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  out += 'T';
  Put(out, static_cast<int>(hms.hours().count()), 2);
  Put(out, static_cast<int>(hms.minutes().count()), 2);
  Put(out, static_cast<int>(hms.seconds().count()), 2);
  out += 'Z';
  return out;
}

// A URI is not TEXT: it is written verbatim, so one that could break the line is refused.
bool IsSafeUri(std::string_view uri) {
  return !uri.empty() && std::none_of(uri.begin(), uri.end(), [](char c) {
    return IsControl(static_cast<unsigned char>(c)) || c == '\t';
  });
}

bool IsEventStatus(std::string_view status) {
  return status == "CONFIRMED" || status == "TENTATIVE" || status == "CANCELLED";
}

// RFC 5545 3.3.6: n days before the start is "-PnD"; at the start "PT0S"; after it "PnD".
std::string Trigger(int days_before) {
  if (days_before == 0) return "PT0S";
  const int64_t days = days_before;  // widen: -INT_MIN overflows int
  if (days > 0) return "-P" + std::to_string(days) + "D";
  return "P" + std::to_string(-days) + "D";
}

class Writer {
 public:
  // `value` is written as given: callers escape TEXT values first.
  void Line(std::string_view name, std::string_view value) {
    std::string line;
    line.reserve(name.size() + 1 + value.size());
    line.append(name).append(":").append(value);
    out_ += FoldIcalLine(line);
  }
  void Text(std::string_view name, std::string_view text) { Line(name, EscapeIcalText(text)); }
  void Time(std::string_view name, TimePoint t) { Line(name, FormatUtc(t)); }

  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

void WriteAlarm(Writer& w, const CalendarEvent& event, int days_before) {
  w.Line("BEGIN", "VALARM");
  w.Line("ACTION", "DISPLAY");
  // DISPLAY alarms require a DESCRIPTION (RFC 5545 3.6.6).
  w.Text("DESCRIPTION", event.summary.empty() ? std::string_view("Reminder") : event.summary);
  w.Line("TRIGGER", Trigger(days_before));
  w.Line("END", "VALARM");
}

void WriteEvent(Writer& w, const CalendarEvent& event, TimePoint stamp) {
  w.Line("BEGIN", "VEVENT");
  w.Text("UID", event.uid);
  w.Time("DTSTAMP", stamp);
  if (event.all_day) {
    // A date without a time (RFC 5545 3.3.4): the day in UTC, ending the next day (3.6.1).
    auto day = std::chrono::floor<std::chrono::days>(event.start);
    w.Line("DTSTART;VALUE=DATE", FormatUtc(day).substr(0, 8));
    w.Line("DTEND;VALUE=DATE", FormatUtc(day + std::chrono::days{1}).substr(0, 8));
  } else {
    w.Time("DTSTART", event.start);
  }
  const auto start = std::chrono::floor<std::chrono::seconds>(event.start);
  if (event.all_day) {
    // DTEND written above.
  } else if (!event.end) {
    w.Time("DTEND", event.start + std::chrono::hours{1});
  } else if (std::chrono::floor<std::chrono::seconds>(*event.end) > start) {
    w.Time("DTEND", *event.end);
  }  // else: DTEND must be after DTSTART; without it the event is instantaneous (3.6.1).
  w.Text("SUMMARY", event.summary);
  if (!event.description.empty()) w.Text("DESCRIPTION", event.description);
  if (IsSafeUri(event.url)) w.Line("URL", event.url);
  if (IsEventStatus(event.status)) w.Line("STATUS", event.status);
  std::string categories;
  for (const std::string& category : event.categories) {
    std::string escaped = EscapeIcalText(category);
    if (escaped.empty()) continue;
    if (!categories.empty()) categories += ',';
    categories += escaped;
  }
  if (!categories.empty()) w.Line("CATEGORIES", categories);
  // RFC 5545 INTEGER is 32-bit signed; a sequence is never negative.
  const int64_t sequence =
      std::clamp<int64_t>(event.sequence, 0, std::numeric_limits<int32_t>::max());
  w.Line("SEQUENCE", std::to_string(sequence));
  w.Time("LAST-MODIFIED", event.last_modified);
  w.Line("TRANSP", "TRANSPARENT");  // a reminder, not busy time
  for (int days_before : event.alarm_days_before) WriteAlarm(w, event, days_before);
  w.Line("END", "VEVENT");
}

}  // namespace

std::string EscapeIcalText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // RFC 5545 content is UTF-8; a malformed byte becomes U+FFFD so parsers accept it.
      const size_t n = Utf8Length(text, i);
      if (n == 0) {
        out += kReplacement;
        ++i;
      } else {
        out.append(text.substr(i, n));
        i += n;
      }
      continue;
    }
    ++i;
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (!IsControl(c)) out += static_cast<char>(c);  // drops CR (CRLF -> \n) and the rest
    }
  }
  return out;
}

std::string FoldIcalLine(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / (kMaxLineOctets - 1) * 3 + kCrlf.size());
  size_t used = 0;  // octets on the current physical line
  for (size_t i = 0; i < line.size();) {
    // Step over whole UTF-8 sequences so a fold never splits one; a stray byte is one step.
    const size_t n = std::max<size_t>(1, Utf8Length(line, i));
    if (used + n > kMaxLineOctets) {
      out += kCrlf;
      out += ' ';  // the continuation's leading space counts towards its 75 octets
      used = 1;
    }
    out.append(line.substr(i, n));
    used += n;
    i += n;
  }
  out += kCrlf;
  return out;
}

std::string RenderCalendar(const Calendar& calendar) {
  Writer w;
  w.Line("BEGIN", "VCALENDAR");
  w.Line("VERSION", "2.0");
  w.Text("PRODID", calendar.product_id.empty() ? kDefaultProductId : calendar.product_id);
  w.Line("CALSCALE", "GREGORIAN");
  // No METHOD: a subscribed feed is not an iTIP (RFC 5546) message, and METHOD:PUBLISH
  // would oblige every event to name an ORGANIZER.
  if (!calendar.name.empty()) {
    w.Text("X-WR-CALNAME", calendar.name);
    w.Text("NAME", calendar.name);
  }
  w.Line("REFRESH-INTERVAL;VALUE=DURATION", kRefresh);
  w.Line("X-PUBLISHED-TTL", kRefresh);
  for (const CalendarEvent& event : calendar.events) WriteEvent(w, event, calendar.stamp);
  w.Line("END", "VCALENDAR");
  return w.Take();
}

}  // namespace accord
