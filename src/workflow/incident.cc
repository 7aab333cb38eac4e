#include "accord/workflow/incident.h"

#include "accord/domain/roles.h"
#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::incident {
namespace {

constexpr workflow::Move<State, Action> kTable[] = {
    {State::kInvestigating, Action::kClassify, State::kInvestigating},
    {State::kInvestigating, Action::kUpdate, State::kInvestigating},
    {State::kInvestigating, Action::kResolve, State::kResolved},
    {State::kIdentified, Action::kClassify, State::kIdentified},
    {State::kIdentified, Action::kUpdate, State::kIdentified},
    {State::kIdentified, Action::kResolve, State::kResolved},
    {State::kMonitoring, Action::kClassify, State::kMonitoring},
    {State::kMonitoring, Action::kUpdate, State::kMonitoring},
    {State::kMonitoring, Action::kResolve, State::kResolved},
    // A resolved incident is still classified and annotated until its postmortem closes it.
    {State::kResolved, Action::kClassify, State::kResolved},
    {State::kResolved, Action::kUpdate, State::kResolved},
    {State::kResolved, Action::kPostmortem, State::kPostmortem},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kInvestigating:
      return "investigating";
    case State::kIdentified:
      return "identified";
    case State::kMonitoring:
      return "monitoring";
    case State::kResolved:
      return "resolved";
    case State::kPostmortem:
      return "postmortem";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kClassify:
      return "classify";
    case Action::kUpdate:
      return "update";
    case Action::kResolve:
      return "resolve";
    case Action::kPostmortem:
      return "postmortem";
  }
  return "";
}

std::string_view EventVerb(Action action) {
  switch (action) {
    case Action::kClassify:
      return "classified";
    case Action::kUpdate:
      return "update_posted";
    case Action::kResolve:
      return "resolved";
    case Action::kPostmortem:
      return "postmortem_recorded";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

ACCORD_WORKFLOW_POSSIBLE_ACTIONS("incident")

bool IsOpen(State state) {
  return state == State::kInvestigating || state == State::kIdentified ||
         state == State::kMonitoring;
}

std::optional<State> UpdateTarget(State state, std::string_view wanted) {
  if (!Next(state, Action::kUpdate)) return std::nullopt;
  if (wanted.empty() || wanted == Name(state)) return state;
  auto target = ParseState(wanted);
  if (!target || !IsOpen(*target) || !IsOpen(state)) return std::nullopt;
  return target;
}

std::optional<Error> RoleRefusal(std::string_view role) {
  if (domain::kOfficers.Has(role)) return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "only the security and privacy officers declare and run incidents (TR-8)",
               {{"role", "is " + std::string(role), {}}}};
}

std::vector<Action> AllowedActions(std::string_view role, State state) {
  return ActionsWhere(kActions, [&](Action a) { return Next(state, a) && !RoleRefusal(role); });
}

}  // namespace accord::workflow::incident
