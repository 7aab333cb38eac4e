#include "accord/workflow/party.h"

#include "accord/domain/roles.h"
#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::party {
namespace {

// In the order a PATCH's refusal lists the allowed next statuses.
constexpr workflow::Move<State, Action> kTable[] = {
    {State::kProspect, Action::kOnboard, State::kOnboarding},
    {State::kProspect, Action::kOffboard, State::kOffboarded},
    {State::kOnboarding, Action::kActivate, State::kActive},
    {State::kOnboarding, Action::kOffboard, State::kOffboarded},
    {State::kActive, Action::kOffboard, State::kOffboarded},
    {State::kOffboarded, Action::kOnboard, State::kOnboarding},  // a returning vendor
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kProspect:
      return "prospect";
    case State::kOnboarding:
      return "onboarding";
    case State::kActive:
      return "active";
    case State::kOffboarded:
      return "offboarded";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kOnboard:
      return "onboard";
    case Action::kActivate:
      return "activate";
    case Action::kOffboard:
      return "offboard";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

ACCORD_WORKFLOW_POSSIBLE_ACTIONS("party")

std::optional<Action> ActionTo(State from, State to) { return ActionIn(kTable, from, to); }

std::vector<State> NextStates(State from) { return StatesFrom(kTable, from); }

bool Deletable(State state) { return state == State::kProspect; }

std::optional<Error> RoleRefusal(std::string_view role, Action action) {
  if (kRoles.Has(role)) return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "only " + RoleNames(kRoles.Names()) + " " + std::string(Name(action)) + " a party",
               {{"role", "is " + std::string(role), {}}}};
}

std::vector<Action> AllowedActions(std::string_view role, State state) {
  return ActionsWhere(kActions, [&](Action a) { return Next(state, a) && !RoleRefusal(role, a); });
}

}  // namespace accord::workflow::party
