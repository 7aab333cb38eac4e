// The audit calendar (TR-6): one calendar of everything recurring or due — reviews (vendor,
// change, SLA … and the ones the schedule will open), entitlement review campaigns, finding
// deadlines, vendor changes, emergency changes' retrospective reviews, agreement and
// certificate expiries — each with a link back to its page in the portal. The portal's
// calendar (GET /api/v1/calendar) and every iCalendar feed read it here.
//
// Extension point: a new kind of dated thing is one more entry in CalendarSources()
// (audit_calendar_sources.cc): a name, whether a party's contact may see its items (then
// only their own party's), and a function that appends the items of a window.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/policy/profile.h"
#include "accord/storage/store.h"

namespace accord::storage {

struct CalendarItem {
  std::string uid;    // stable across reads: "<object id>[-<what>]@accord"
  std::string kind;   // the source's name: "review", "agreement_expiry" …
  std::string title;  // what a person reads: "Agreement expires: Relay SMS BAA"
  TimePoint at;       // the time; for an all-day item, midnight UTC of its day
  bool all_day = false;
  std::string link;  // the portal page, e.g. "/app/reviews/rev_…"
  std::string status;
  std::string party_id;  // "" for the organisation's own items
  std::string detail;    // a line or two for the calendar entry's description
  int64_t sequence = 0;  // the object's version (calendar clients update on a change)
  TimePoint updated;
};

struct CalendarWindow {
  TimePoint from;  // inclusive
  TimePoint to;    // exclusive
  TimePoint now;
  // The profile's reviews policy (when scans are due); null: the profile's defaults.
  const policy::ReviewsPolicy* reviews = nullptr;
  bool Contains(TimePoint t) const { return t >= from && t < to; }
};

// Who reads: a party's contact (party_id set) sees only the sources marked for contacts, and
// only its own party's items there.
struct CalendarViewer {
  std::string role;
  std::string party_id;
};

using CalendarSourceFn = Status (*)(Tx& tx, const CalendarWindow& window,
                                    std::vector<CalendarItem>& out);

struct CalendarSource {
  const char* name;
  bool for_contacts;
  CalendarSourceFn read;
};

// Every source, in the order their items are gathered (audit_calendar_sources.cc).
const std::vector<CalendarSource>& CalendarSources();

inline constexpr size_t kMaxCalendarItems = 2000;
inline constexpr int kMaxCalendarWindowDays = 800;

// The items in `window` the viewer may see, earliest first (then by uid), at most `limit`.
Result<std::vector<CalendarItem>> ReadAuditCalendar(Tx& tx, const CalendarWindow& window,
                                                    const CalendarViewer& viewer,
                                                    size_t limit = kMaxCalendarItems);

// True when `t` is midnight UTC: a date without a time, shown as an all-day item.
bool IsMidnightUtc(TimePoint t);

}  // namespace accord::storage
