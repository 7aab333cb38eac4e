#include "accord/workflow/account_request.h"

#include "accord/workflow/account.h"
#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::account_request {
namespace {

constexpr workflow::Move<State, Action> kTable[] = {
    {State::kPending, Action::kApprove, State::kApproved},
    {State::kPending, Action::kDecline, State::kDeclined},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kPending:
      return "pending";
    case State::kApproved:
      return "approved";
    case State::kDeclined:
      return "declined";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kApprove:
      return "approve";
    case Action::kDecline:
      return "decline";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

ACCORD_WORKFLOW_POSSIBLE_ACTIONS("account request")

std::optional<Error> RoleRefusal(const policy::IdentityPolicy& policy, std::string_view role,
                                 bool break_glass, Action /*action*/) {
  return account::AdminRefusal(policy, role, break_glass);
}

std::vector<Action> AllowedActions(const policy::IdentityPolicy& policy, std::string_view role,
                                   bool break_glass, State state) {
  return ActionsWhere(kActions, [&](Action a) {
    return Next(state, a) && !RoleRefusal(policy, role, break_glass, a);
  });
}

}  // namespace accord::workflow::account_request
