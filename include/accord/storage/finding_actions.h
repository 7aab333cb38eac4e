// What a person does to a finding (TP-14; issue 20 item 5), and the scheduler's expiry of an
// accepted risk. storage/findings.cc loads the finding, asks workflow/finding.h, and appends
// the event; reviews.h's ApplyFindingAction is the same without an expiry.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/clock.h"
#include "accord/domain/event.h"
#include "accord/policy/profile.h"
#include "accord/storage/event_log.h"

namespace accord::storage {

// assign (owner_id) | resolve (comment and evidence) | accept_risk (comment, expires_at,
// evidence) | approve_risk (comment optional) | decline_risk (comment) | reopen (comment).
struct FindingActionInput {
  std::string action;
  std::string comment;
  std::string owner_id;
  std::vector<std::string> evidence;
  std::optional<TimePoint> expires_at;
  // The profile's [separation] allow_self_approval names finding.approve_risk.
  bool allow_self_risk_approval = false;
};

Result<boost::json::object> ActOnFinding(CommandContext& c, const domain::Actor& actor,
                                         const std::string& finding_id,
                                         const FindingActionInput& input,
                                         const policy::ReviewsPolicy& policy);

// The scheduler's: every accepted risk whose acceptance has ended reopens
// (finding.risk_acceptance_expired, by the system). Returns how many.
Result<int> ExpireRiskAcceptances(EventLog& log);

}  // namespace accord::storage
