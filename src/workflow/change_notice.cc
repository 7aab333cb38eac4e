#include "accord/workflow/change_notice.h"

#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::change_notice {
namespace {

constexpr workflow::Move<State, Action> kTable[] = {
    {State::kUnderReview, Action::kImplement, State::kImplemented},
    {State::kUnderReview, Action::kWithdraw, State::kWithdrawn},
    {State::kUnderReview, Action::kApprove, State::kApproved},
    {State::kApproved, Action::kImplement, State::kImplemented},
    {State::kApproved, Action::kWithdraw, State::kWithdrawn},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kUnderReview:
      return "under_review";
    case State::kApproved:
      return "approved";
    case State::kImplemented:
      return "implemented";
    case State::kWithdrawn:
      return "withdrawn";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kImplement:
      return "implemented";
    case Action::kWithdraw:
      return "withdrawn";
    case Action::kApprove:
      return "approve";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

ACCORD_WORKFLOW_POSSIBLE_ACTIONS("change")

std::optional<Error> RoleRefusal(const policy::ReviewsPolicy& policy, std::string_view role,
                                 bool break_glass, Action action) {
  const std::string what = "record what became of a change";
  if (break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: " + what + " is done signed in as yourself",
                 {}};
  }
  if (action == Action::kApprove) {
    return Error{ErrorCode::kForbidden,
                 "a change notice is approved by approving its change review (TP-9)",
                 {{"action", "is the change review's", {}}}};
  }
  if (RoleIn(policy.open_roles, role)) return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "the profile lets only " + RoleNames(policy.open_roles) + " " + what + " (TP-12)",
               {{"role", "is " + std::string(role), {}}}};
}

std::vector<Action> AllowedActions(const policy::ReviewsPolicy& policy, std::string_view role,
                                   bool break_glass, State state) {
  return ActionsWhere(kActions, [&](Action a) {
    return Next(state, a) && !RoleRefusal(policy, role, break_glass, a);
  });
}

}  // namespace accord::workflow::change_notice
