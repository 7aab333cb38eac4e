#include "accord/workflow/vendor_incident.h"

#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::vendor_incident {
namespace {

constexpr workflow::Move<State, Action> kTable[] = {
    {State::kOpen, Action::kOpen, State::kOpen},
    {State::kOpen, Action::kAssess, State::kAssessed},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kOpen:
      return "open";
    case State::kAssessed:
      return "assessed";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kOpen:
      return "open";
    case Action::kAssess:
      return "assess";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

std::string PossibleActions(State state) {
  std::string out = JoinWhere(
      kActions, [state](Action a) { return a != Action::kOpen && Next(state, a).has_value(); },
      [](Action a) { return Name(a); });
  return out.empty() ? "none (the vendor incident is " + std::string(Name(state)) + ")" : out;
}

std::optional<Error> RoleRefusal(std::string_view role, bool break_glass, Action action) {
  if (action == Action::kOpen) {
    return Error{ErrorCode::kForbidden,
                 "vendor incidents are opened by the status runner from the vendor's feed",
                 {{"action", "is not taken by hand", {}}}};
  }
  if (break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: assess vendor incidents signed in as yourself",
                 {}};
  }
  if (role == "security_officer" || role == "privacy_officer") return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "only the Security and Privacy Officers assess vendor incidents (TP-14)",
               {{"role", "is " + std::string(role), {}}}};
}

std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state) {
  return ActionsWhere(
      kActions, [&](Action a) { return Next(state, a) && !RoleRefusal(role, break_glass, a); });
}

}  // namespace accord::workflow::vendor_incident
