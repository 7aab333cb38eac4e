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
    {State::kOpen, Action::kAcceptRisk, State::kRiskAccepted},
    {State::kResolved, Action::kReopen, State::kOpen},
    {State::kRiskAccepted, Action::kReopen, State::kOpen},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kOpen:
      return "open";
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
    case Action::kReopen:
      return "reopen";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

ACCORD_WORKFLOW_POSSIBLE_ACTIONS("finding")

std::string_view EventVerb(Action action) {
  switch (action) {
    case Action::kAssign:
      return "assigned";
    case Action::kResolve:
      return "resolved";
    case Action::kAcceptRisk:
      return "risk_accepted";
    case Action::kReopen:
      return "reopened";
  }
  return "";
}

std::optional<Error> RoleRefusal(std::string_view role, bool break_glass, Action) {
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

std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state) {
  return ActionsWhere(
      kActions, [&](Action a) { return Next(state, a) && !RoleRefusal(role, break_glass, a); });
}

}  // namespace accord::workflow::finding
