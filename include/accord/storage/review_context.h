// What a review is about, for the person reading it (issue 20, item 7): its party's agreements
// (with their SLA terms), SOC 2 reports and open findings; the change notice a change review
// decides; for the partner-list review the list itself with what changed since the last one
// was approved; the documents its evidence and the party's answers name; and, before anyone
// clicks, why this caller cannot approve it. Read from the current state, never stored.
#pragma once

#include <boost/json/object.hpp>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/storage/object_views.h"
#include "accord/storage/store.h"

namespace accord::storage {

// The partner list lists at most this many parties (the rest are counted in `more`).
inline constexpr size_t kPartnerListLimit = 500;

// `review` is the review's current state; `viewer` says who asks (for `approval`).
Result<boost::json::object> ReviewContext(Tx& tx, const Viewer& viewer,
                                          const boost::json::object& review);

}  // namespace accord::storage
