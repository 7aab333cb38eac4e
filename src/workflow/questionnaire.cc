#include "accord/workflow/questionnaire.h"

#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::questionnaire {
namespace {

constexpr workflow::Move<State, Action> kTable[] = {
    {State::kSent, Action::kSave, State::kSent},
    {State::kSent, Action::kSubmit, State::kSubmitted},
    {State::kFollowUp, Action::kSave, State::kFollowUp},
    {State::kFollowUp, Action::kSubmit, State::kSubmitted},
    {State::kSubmitted, Action::kReview, State::kSubmitted},
    {State::kSubmitted, Action::kAsk, State::kFollowUp},
    {State::kSubmitted, Action::kAccept, State::kAccepted},
    {State::kSubmitted, Action::kReject, State::kRejected},
    {State::kAccepted, Action::kApplyTier, State::kAccepted},
    {State::kRejected, Action::kApplyTier, State::kRejected},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kSent:
      return "sent";
    case State::kSubmitted:
      return "submitted";
    case State::kFollowUp:
      return "follow_up";
    case State::kAccepted:
      return "accepted";
    case State::kRejected:
      return "rejected";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kSave:
      return "save";
    case Action::kSubmit:
      return "submit";
    case Action::kReview:
      return "review";
    case Action::kAsk:
      return "ask";
    case Action::kAccept:
      return "accept";
    case Action::kReject:
      return "reject";
    case Action::kApplyTier:
      return "apply_tier";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

ACCORD_WORKFLOW_POSSIBLE_ACTIONS("questionnaire")

bool PartyAction(Action action) { return action == Action::kSave || action == Action::kSubmit; }

std::optional<Error> RoleRefusal(const policy::ReviewsPolicy& policy, std::string_view role,
                                 bool break_glass, Action action) {
  if (PartyAction(action)) {
    if (role == "third_party_contact") return std::nullopt;
    return Error{ErrorCode::kForbidden,
                 "only the party's contacts answer its questionnaire",
                 {{"role", "is " + std::string(role), {}}}};
  }
  const std::string what = "review questionnaires";
  if (break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: " + what + " is done signed in as yourself",
                 {}};
  }
  if (RoleIn(policy.open_roles, role)) return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "the profile lets only " + RoleNames(policy.open_roles) + " " + what + " (TP-2)",
               {{"role", "is " + std::string(role), {}}}};
}

std::vector<Action> AllowedActions(const policy::ReviewsPolicy& policy, std::string_view role,
                                   bool break_glass, State state) {
  return ActionsWhere(kActions, [&](Action a) {
    return Next(state, a) && !RoleRefusal(policy, role, break_glass, a);
  });
}

}  // namespace accord::workflow::questionnaire
