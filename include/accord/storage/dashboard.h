// What the portal's dashboard adds to the review counts: agreements and grants running out,
// and the series behind its charts.
#pragma once

#include <boost/json/object.hpp>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/storage/store.h"

namespace accord::storage {

// {agreements_expiring: [{id, party_id, party_name, type, status, expires_at, days_left}]
//    executed agreements whose expires_at falls in the next 90 days, soonest first;
//  grants_ending: [{id, party_id, party_name, end_at, days_left}]
//    approved grants whose end_at falls in the next 30 days, soonest first;
//  reviews_by_quarter: [{quarter: "2026Q3", on_time, late}]  the last 8 quarters by due day;
//  findings_by_month: [{month: "2026-07", opened, closed}]   the last 12 months}
Result<boost::json::object> DashboardExtras(Tx& tx, TimePoint now);

// The ledger events about a party and everything filed under it (services, contacts,
// agreements, documents, grants, reviews …), newest first: index < `before`, at most `limit`.
// `kinds` limits the subjects to the kinds the caller may read (the party itself always).
struct TimelineEntry {
  int64_t index = 0;
  std::string type, time, subject_kind, subject_id;
};
Result<std::vector<TimelineEntry>> PartyTimeline(Tx& tx, const std::string& party_id,
                                                 const std::vector<std::string>& kinds,
                                                 int64_t before, int64_t limit);

}  // namespace accord::storage
