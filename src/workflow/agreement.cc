#include "accord/workflow/agreement.h"

#include "accord/domain/roles.h"
#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::agreement {
namespace {

// In the order a PATCH's refusal lists the allowed next statuses.
constexpr workflow::Move<State, Action> kTable[] = {
    {State::kDraft, Action::kSend, State::kSent},
    {State::kDraft, Action::kExecute, State::kExecuted},
    {State::kDraft, Action::kTerminate, State::kTerminated},
    {State::kSent, Action::kExecute, State::kExecuted},
    {State::kSent, Action::kRedraft, State::kDraft},
    {State::kSent, Action::kTerminate, State::kTerminated},
    {State::kExecuted, Action::kExpire, State::kExpired},
    {State::kExecuted, Action::kTerminate, State::kTerminated},
    {State::kExecuted, Action::kRenew, State::kExecuted},
    {State::kExpired, Action::kRenew, State::kExpired},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kDraft:
      return "draft";
    case State::kSent:
      return "sent";
    case State::kExecuted:
      return "executed";
    case State::kExpired:
      return "expired";
    case State::kTerminated:
      return "terminated";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kSend:
      return "send";
    case Action::kExecute:
      return "execute";
    case Action::kRedraft:
      return "redraft";
    case Action::kExpire:
      return "expire";
    case Action::kTerminate:
      return "terminate";
    case Action::kRenew:
      return "renew";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

ACCORD_WORKFLOW_POSSIBLE_ACTIONS("agreement")

std::optional<Action> ActionTo(State from, State to) {
  if (from == to) return std::nullopt;
  return ActionIn(kTable, from, to);
}

std::vector<State> NextStates(State from) {
  std::vector<State> out = StatesFrom(kTable, from);
  std::erase(out, from);
  return out;
}

bool Deletable(State state) { return state == State::kDraft; }

std::optional<Error> RoleRefusal(std::string_view role, Action action) {
  if (kRoles.Has(role)) return std::nullopt;
  return Error{
      ErrorCode::kForbidden,
      "only " + RoleNames(kRoles.Names()) + " " + std::string(Name(action)) + " an agreement",
      {{"role", "is " + std::string(role), {}}}};
}

std::optional<Error> RenewalRefusal(const Facts& facts, Action action) {
  if (action != Action::kRenew || facts.renewed_by.empty()) return std::nullopt;
  return Error{ErrorCode::kConflict,
               "the agreement is already renewed by " + facts.renewed_by,
               {{"renewed_by", "is " + facts.renewed_by, {}}}};
}

std::vector<Action> AllowedActions(std::string_view role, State state, const Facts& facts) {
  return ActionsWhere(kActions, [&](Action a) {
    return Next(state, a) && !RoleRefusal(role, a) && !RenewalRefusal(facts, a);
  });
}

}  // namespace accord::workflow::agreement
