#include "accord/workflow/soc2_report.h"

#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::soc2_report {
namespace {

constexpr workflow::Move<State, Action> kTable[] = {
    {State::kSubmitted, Action::kReview, State::kReviewed},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kSubmitted:
      return "submitted";
    case State::kReviewed:
      return "reviewed";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kReview:
      return "review";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

ACCORD_WORKFLOW_POSSIBLE_ACTIONS("report")

State StateOf(std::string_view status) { return ParseState(status).value_or(State::kReviewed); }

std::optional<Error> RoleRefusal(const policy::ReviewsPolicy& policy, std::string_view role,
                                 bool break_glass, Action) {
  const std::string what = "review SOC 2 reports";
  if (break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: " + what + " is done signed in as yourself",
                 {}};
  }
  if (RoleIn(policy.open_roles, role)) return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "the profile lets only " + RoleNames(policy.open_roles) + " " + what + " (TP-11)",
               {{"role", "is " + std::string(role), {}}}};
}

std::optional<Error> SubmitRefusal(const policy::ReviewsPolicy& policy, std::string_view role,
                                   bool break_glass) {
  if (role == "third_party_contact") return std::nullopt;
  if (break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: record SOC 2 reports signed in as yourself",
                 {}};
  }
  if (RoleIn(policy.open_roles, role)) return std::nullopt;
  return Error{
      ErrorCode::kForbidden,
      "the profile lets only " + RoleNames(policy.open_roles) + " record SOC 2 reports (TP-11)",
      {{"role", "is " + std::string(role), {}}}};
}

std::vector<Action> AllowedActions(const policy::ReviewsPolicy& policy, std::string_view role,
                                   bool break_glass, State state) {
  return ActionsWhere(kActions, [&](Action a) {
    return Next(state, a) && !RoleRefusal(policy, role, break_glass, a);
  });
}

}  // namespace accord::workflow::soc2_report
