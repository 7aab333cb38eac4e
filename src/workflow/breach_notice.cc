#include "accord/workflow/breach_notice.h"

#include "accord/domain/role_titles.h"
#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::breach_notice {
namespace {

constexpr workflow::Move<State, Action> kTable[] = {
    {State::kDue, Action::kSend, State::kSent},    {State::kDue, Action::kRecordSent, State::kSent},
    {State::kDue, Action::kLinkList, State::kDue}, {State::kSent, Action::kLinkList, State::kSent},
    {State::kDue, Action::kEscalate, State::kDue},
};

const std::vector<std::string> kOfficerRoles = {"security_officer", "privacy_officer"};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kDue:
      return "due";
    case State::kSent:
      return "sent";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kSend:
      return "send";
    case Action::kRecordSent:
      return "record_sent";
    case Action::kLinkList:
      return "link_list";
    case Action::kEscalate:
      return "escalate";
  }
  return "";
}

std::string_view EventVerb(Action action) {
  switch (action) {
    case Action::kSend:
      return "sent";
    case Action::kRecordSent:
      return "sent_recorded";
    case Action::kLinkList:
      return "list_linked";
    case Action::kEscalate:
      return "escalated";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

ACCORD_WORKFLOW_POSSIBLE_ACTIONS("notice")

std::optional<Error> RoleRefusal(std::string_view role, bool break_glass, Action action) {
  if (action == Action::kEscalate) {
    return Error{ErrorCode::kForbidden,
                 "an overdue notice is escalated by the schedule, not by hand",
                 {{"action", "is taken by the schedule", {}}}};
  }
  if (break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: breach notices are handled signed in as yourself",
                 {}};
  }
  if (RoleIn(kOfficerRoles, role)) return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "only " + RoleNames(kOfficerRoles) + " handle breach notices (TR-8)",
               {{"role", "is " + std::string(role), {}}}};
}

std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state) {
  return ActionsWhere(
      kActions, [&](Action a) { return Next(state, a) && !RoleRefusal(role, break_glass, a); });
}

}  // namespace accord::workflow::breach_notice
