// TR-3 entitlement review campaigns: every `review_regular_days` the regular accounts
// (staff, auditors, third-party contacts) and the active third-party access grants, every
// `review_elevated_days` the elevated ones (officers and each break-glass use). A campaign
// is a registry object (kind "entitlement_review"); every event about it carries its whole
// state, so the ledger alone shows who certified or revoked what, and when.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>

#include "accord/core/clock.h"
#include "accord/domain/event.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"

namespace accord::storage {

// Due dates follow the organisation's creation (org.created), not the completion of the
// previous campaign: campaign k of a scope is due at anchor + k * cadence days, so a late
// review never shifts the schedule.
Result<std::optional<TimePoint>> ReviewAnchor(Tx& tx);
TimePoint ScheduledDueAt(TimePoint anchor, int cadence_days, int64_t k);

// Opens a campaign of `scope` (regular | elevated) due at `due`, its lines taken from the
// registry as it is now. `period` is k for a scheduled campaign, 0 for an ad-hoc one. A
// campaign with nothing to review is completed at once.
Result<boost::json::object> OpenEntitlementReview(CommandContext& c, const domain::Actor& actor,
                                                  const std::string& scope, TimePoint due,
                                                  int64_t period);

// How a grant line's revocation is recorded: the access API's own revoke (the HTTP layer
// passes it in, so a revoked grant looks the same whichever way it was revoked).
using GrantRevoker = std::function<Status(CommandContext& c, const domain::Actor& actor,
                                          const std::string& grant_id, const std::string& reason)>;

struct LineDecision {
  std::string decision;  // certify | revoke
  std::string comment;   // required for revoke
};

// Records a reviewer's decision on one line. `revoke` takes effect in the same transaction:
// a user_role or break_glass line deactivates the account (sessions and tokens end), a grant
// line revokes the grant. 404: no such campaign or line; 409: decided already, campaign
// completed, or a line about the reviewer's own account. When the last line is decided the
// campaign is completed (entitlement_review.completed).
Result<boost::json::object> DecideEntitlementLine(CommandContext& c, const domain::Actor& actor,
                                                  const std::string& review_id,
                                                  const std::string& line_id,
                                                  const LineDecision& decision,
                                                  const policy::IdentityPolicy& policy,
                                                  const GrantRevoker& revoke_grant);

// The scheduler, run about once a second: opens each scope's campaign once now is within
// `review_window_days` of its due date, and marks every open campaign past its due date
// `overdue` with one alert (entitlement_review_overdue, high). Idempotent; looks first in a
// read transaction, so a run with nothing due writes nothing. Returns how many campaigns
// it opened or marked overdue.
Result<int> RunEntitlementSchedule(EventLog& log, const policy::IdentityPolicy& policy);

}  // namespace accord::storage
