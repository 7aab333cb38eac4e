#include "accord/storage/audit_calendar.h"

#include <algorithm>
#include <chrono>

namespace accord::storage {

bool IsMidnightUtc(TimePoint t) {
  auto since = t.time_since_epoch();
  return since - std::chrono::floor<std::chrono::days>(since) == TimePoint::duration::zero();
}

Result<std::vector<CalendarItem>> ReadAuditCalendar(Tx& tx, const CalendarWindow& window,
                                                    const CalendarViewer& viewer, size_t limit) {
  bool contact = !viewer.party_id.empty() || viewer.role == "third_party_contact";
  std::vector<CalendarItem> out;
  for (const CalendarSource& source : CalendarSources()) {
    if (contact && !source.for_contacts) continue;
    std::vector<CalendarItem> items;
    ACCORD_TRY(source.read(tx, window, items));
    for (auto& item : items) {
      if (!window.Contains(item.at)) continue;
      // A contact sees its own party's items; never the organisation's or another party's.
      if (contact && (viewer.party_id.empty() || item.party_id != viewer.party_id)) continue;
      item.kind = source.name;
      out.push_back(std::move(item));
    }
  }
  std::sort(out.begin(), out.end(), [](const CalendarItem& a, const CalendarItem& b) {
    return a.at != b.at ? a.at < b.at : a.uid < b.uid;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace accord::storage
