#include "accord/workflow/review.h"

#include <algorithm>
#include <vector>

#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::review {
namespace {

// The whole table: anything not here is a 409 naming what is possible.
constexpr workflow::Move<State, Action> kTable[] = {
    {State::kOpen, Action::kAssign, State::kAssigned},
    {State::kOpen, Action::kRequestInfo, State::kOpen},
    {State::kAssigned, Action::kAssign, State::kAssigned},
    {State::kAssigned, Action::kDocument, State::kDocumented},
    {State::kAssigned, Action::kRequestInfo, State::kAssigned},
    {State::kDocumented, Action::kApprove, State::kApproved},
    {State::kDocumented, Action::kReject, State::kAssigned},
    {State::kDocumented, Action::kRequestInfo, State::kDocumented},
};

std::string Names(const std::vector<std::string>& roles) { return RoleNames(roles); }

bool Has(const std::vector<std::string>& roles, std::string_view role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kOpen:
      return "open";
    case State::kAssigned:
      return "assigned";
    case State::kDocumented:
      return "documented";
    case State::kApproved:
      return "approved";
    case State::kCancelled:
      return "cancelled";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kAssign:
      return "assign";
    case Action::kDocument:
      return "document";
    case Action::kRequestInfo:
      return "request_info";
    case Action::kApprove:
      return "approve";
    case Action::kReject:
      return "reject";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

ACCORD_WORKFLOW_POSSIBLE_ACTIONS("review")

std::optional<Error> RoleRefusal(const policy::ReviewsPolicy& policy, std::string_view role,
                                 bool break_glass, Action action) {
  const std::vector<std::string>* roles = nullptr;
  std::string what;
  switch (action) {
    case Action::kAssign:
      roles = &policy.open_roles;
      what = "assign reviews";
      break;
    case Action::kDocument:
      roles = &policy.assignee_roles;
      what = "document reviews";
      break;
    case Action::kApprove:
    case Action::kReject:
      roles = &policy.approve_roles;
      what = "approve or reject reviews";
      break;
    case Action::kRequestInfo:
      // Whoever may document or open reviews may ask the party.
      roles = Has(policy.assignee_roles, role) ? &policy.assignee_roles : &policy.open_roles;
      what = "ask a party for information";
      break;
  }
  // An emergency elevation is for the emergency, not for the review workflow.
  if (break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: " + what + " is done signed in as yourself",
                 {}};
  }
  if (Has(*roles, role)) return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "the profile lets only " + Names(*roles) + " " + what + " (TP-12)",
               {{"role", "is " + std::string(role), {}}}};
}

std::optional<Error> PersonRefusal(const policy::ReviewsPolicy& policy, std::string_view actor_id,
                                   const Facts& facts, Action action) {
  if (action == Action::kDocument && facts.assignee_id != actor_id) {
    return Error{ErrorCode::kForbidden,
                 "only the assignee documents a review (TP-12); it is assigned to " +
                     (facts.assignee_id.empty() ? std::string("nobody") : facts.assignee_email),
                 {{"assignee", "is not you", {}}}};
  }
  if (IsSelfApproval(actor_id, facts, action) && !policy.allow_self_approval) {
    return Error{ErrorCode::kForbidden,
                 "you documented this review, so another approver must approve it "
                 "(separation of duties)",
                 {{"documented_by",
                   "is you; the profile's [separation] allow_self_approval "
                   "may allow review.approve",
                   {}}}};
  }
  return std::nullopt;
}

bool IsSelfApproval(std::string_view actor_id, const Facts& facts, Action action) {
  return action == Action::kApprove && !facts.documented_by.empty() &&
         facts.documented_by == actor_id;
}

std::vector<Action> AllowedActions(const policy::ReviewsPolicy& policy, const Caller& caller,
                                   State state, const Facts& facts, bool has_party) {
  std::vector<Action> out;
  for (Action a : kActions) {
    if (!Next(state, a)) continue;
    if (a == Action::kRequestInfo && !has_party) continue;
    if (RoleRefusal(policy, caller.role, caller.break_glass, a)) continue;
    if (PersonRefusal(policy, caller.id, facts, a)) continue;
    out.push_back(a);
  }
  return out;
}

}  // namespace accord::workflow::review
