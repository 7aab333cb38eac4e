#include "accord/workflow/finding.h"

#include "accord/domain/roles.h"
#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::finding {
namespace {

// The whole table: anything not here is a 409 naming what is possible.
constexpr workflow::Move<State, Action> kTable[] = {
    {State::kOpen, Action::kAssign, State::kOpen},
    {State::kOpen, Action::kResolve, State::kResolved},
    {State::kOpen, Action::kAcceptRisk, State::kAcceptanceRequested},
    {State::kAcceptanceRequested, Action::kAssign, State::kAcceptanceRequested},
    {State::kAcceptanceRequested, Action::kApproveRisk, State::kRiskAccepted},
    {State::kAcceptanceRequested, Action::kDeclineRisk, State::kOpen},
    {State::kResolved, Action::kReopen, State::kOpen},
    {State::kRiskAccepted, Action::kReopen, State::kOpen},
    {State::kRiskAccepted, Action::kExpireAcceptance, State::kOpen},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kOpen:
      return "open";
    case State::kAcceptanceRequested:
      return "acceptance_requested";
    case State::kResolved:
      return "resolved";
    case State::kRiskAccepted:
      return "risk_accepted";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kAssign:
      return "assign";
    case Action::kResolve:
      return "resolve";
    case Action::kAcceptRisk:
      return "accept_risk";
    case Action::kApproveRisk:
      return "approve_risk";
    case Action::kDeclineRisk:
      return "decline_risk";
    case Action::kReopen:
      return "reopen";
    case Action::kExpireAcceptance:
      return "expire_acceptance";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

std::string PossibleActions(State state) {
  std::string out = JoinWhere(
      kActions,
      [state](Action a) { return a != Action::kExpireAcceptance && Next(state, a).has_value(); },
      [](Action a) { return Name(a); });
  return out.empty() ? "none (the finding is " + std::string(Name(state)) + ")" : out;
}

bool IsOpen(std::string_view status) {
  return status == Name(State::kOpen) || status == Name(State::kAcceptanceRequested);
}

std::string_view EventVerb(Action action) {
  switch (action) {
    case Action::kAssign:
      return "assigned";
    case Action::kResolve:
      return "resolved";
    case Action::kAcceptRisk:
      return "risk_acceptance_requested";
    case Action::kApproveRisk:
      return "risk_accepted";
    case Action::kDeclineRisk:
      return "risk_acceptance_declined";
    case Action::kReopen:
      return "reopened";
    case Action::kExpireAcceptance:
      return "risk_acceptance_expired";
  }
  return "";
}

std::optional<Error> RoleRefusal(std::string_view role, bool break_glass, Action action) {
  if (action == Action::kExpireAcceptance) {
    return Error{ErrorCode::kForbidden,
                 "an accepted risk reopens by itself when its acceptance expires",
                 {{"action", "is the scheduler's, not a person's", {}}}};
  }
  if (break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: manage findings is done signed in as yourself",
                 {}};
  }
  if (kRoles.Has(role)) return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "the profile lets only " + RoleNames(kRoles.Names()) + " manage findings (TP-12)",
               {{"role", "is " + std::string(role), {}}}};
}

std::optional<Error> PersonRefusal(std::string_view actor_id, std::string_view requested_by,
                                   Action action, bool allow_self_approval) {
  if (action != Action::kApproveRisk || requested_by.empty() || requested_by != actor_id ||
      allow_self_approval) {
    return std::nullopt;
  }
  return Error{ErrorCode::kForbidden,
               "you asked to accept this risk, so another officer must approve it (separation "
               "of duties)",
               {{"risk_acceptance.requested_by",
                 "is you; the profile's [separation] allow_self_approval may allow "
                 "finding.approve_risk",
                 {}}}};
}

std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state,
                                   std::string_view actor_id, std::string_view requested_by,
                                   bool allow_self_approval) {
  return ActionsWhere(kActions, [&](Action a) {
    return Next(state, a) && !RoleRefusal(role, break_glass, a) &&
           !PersonRefusal(actor_id, requested_by, a, allow_self_approval);
  });
}

}  // namespace accord::workflow::finding
