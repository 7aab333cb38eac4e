#include "accord/workflow/breach_assessment.h"

#include "accord/domain/role_titles.h"
#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::breach_assessment {
namespace {

constexpr workflow::Move<State, Action> kTable[] = {
    {State::kNotifying, Action::kRecordDelay, State::kNotifying},
    {State::kNotifying, Action::kComplete, State::kNotified},
};

const std::vector<std::string> kOfficerRoles = {"security_officer", "privacy_officer"};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kNotABreach:
      return "not_a_breach";
    case State::kNotifying:
      return "notifying";
    case State::kNotified:
      return "notified";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kRecordDelay:
      return "record_delay";
    case Action::kComplete:
      return "complete";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

ACCORD_WORKFLOW_POSSIBLE_ACTIONS("assessment")

std::optional<Error> AssessRefusal(std::string_view role, bool break_glass) {
  if (break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: a breach assessment is made signed in as yourself",
                 {}};
  }
  if (RoleIn(kOfficerRoles, role)) return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "only " + RoleNames(kOfficerRoles) + " assess breaches (TR-8)",
               {{"role", "is " + std::string(role), {}}}};
}

std::optional<Error> RoleRefusal(std::string_view role, bool break_glass, Action action) {
  if (action == Action::kComplete) {
    return Error{ErrorCode::kForbidden,
                 "an assessment is complete when its last notice is sent",
                 {{"action", "follows the last notice", {}}}};
  }
  return AssessRefusal(role, break_glass);
}

std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state) {
  return ActionsWhere(
      kActions, [&](Action a) { return Next(state, a) && !RoleRefusal(role, break_glass, a); });
}

}  // namespace accord::workflow::breach_assessment
