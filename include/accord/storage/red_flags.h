// What is wrong now (issue 20, the dashboard's first panel), each with the screen where it is
// fixed: active parties without an agreement the profile requires in force (a customer's or
// partner's BAA, a subcontractor's SLA, and its BAA when it handles ePHI: the access gate's
// own list, policy::AccessPolicy::RequiredFor), infrastructure partners without a current
// SOC 2 review (TP-11, as the scheduler judges it), overdue reviews and findings, approved
// access that outlasts the agreement it needs, and public subprocessors whose agreements in
// force lack a data-use commitment we publish (TR-11, storage/data_commitments.h).
#pragma once

#include <boost/json/object.hpp>
#include <string_view>

#include "accord/core/result.h"
#include "accord/core/time.h"
#include "accord/policy/profile.h"
#include "accord/storage/store.h"

namespace accord::storage {

// The groups, in the order the answer lists them.
inline constexpr std::string_view kRedFlagKinds[] = {
    "agreement_missing",        "soc2_missing",      "review_overdue", "finding_overdue",
    "grant_outlives_agreement", "commitment_missing"};

// {at, total, groups: [{kind, title, count, items: [{kind, id, title, detail, party_id,
// party_name, agreement_id, since, days, href}]}]}: every group with its full count and at most
// `limit` items, the longest wrong first. `since` is when it went wrong (an agreement's expiry,
// a due date), null when it never was right (no agreement ever executed); `days` the whole
// days since. `href` is the portal path (under /app) where it is fixed.
Result<boost::json::object> RedFlags(Tx& tx, const policy::Profile& profile, TimePoint now,
                                     size_t limit);

}  // namespace accord::storage
