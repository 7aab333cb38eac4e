#include "accord/workflow/change_request.h"

#include "accord/domain/identity.h"
#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::change_request {
namespace {

constexpr workflow::Move<State, Action> kTable[] = {
    {State::kSubmitted, Action::kRecordTests, State::kTested},
    {State::kTested, Action::kRecordTests, State::kTested},
    {State::kTested, Action::kReview, State::kReviewed},
    {State::kReviewed, Action::kApprove, State::kApproved},
    {State::kApproved, Action::kRelease, State::kReleased},
    {State::kReleased, Action::kVerify, State::kClosed},
    {State::kReleased, Action::kBackOut, State::kBackedOut},
    {State::kSubmitted, Action::kReject, State::kRejected},
    {State::kTested, Action::kReject, State::kRejected},
    {State::kReviewed, Action::kReject, State::kRejected},
    {State::kSubmitted, Action::kWithdraw, State::kWithdrawn},
    {State::kTested, Action::kWithdraw, State::kWithdrawn},
    {State::kReviewed, Action::kWithdraw, State::kWithdrawn},
    {State::kApproved, Action::kWithdraw, State::kWithdrawn},
};

// An emergency change may also be released before its review, which then follows.
constexpr workflow::Move<State, Action> kEmergencyTable[] = {
    {State::kSubmitted, Action::kRelease, State::kEmergencyReleased},
    {State::kTested, Action::kRelease, State::kEmergencyReleased},
    {State::kEmergencyReleased, Action::kRecordTests, State::kEmergencyReleased},
    {State::kEmergencyReleased, Action::kReview, State::kEmergencyReviewed},
    {State::kEmergencyReviewed, Action::kApprove, State::kReleased},
    {State::kEmergencyReleased, Action::kBackOut, State::kBackedOut},
    {State::kEmergencyReviewed, Action::kBackOut, State::kBackedOut},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kSubmitted:
      return "submitted";
    case State::kTested:
      return "tested";
    case State::kReviewed:
      return "reviewed";
    case State::kApproved:
      return "approved";
    case State::kReleased:
      return "released";
    case State::kClosed:
      return "closed";
    case State::kBackedOut:
      return "backed_out";
    case State::kRejected:
      return "rejected";
    case State::kWithdrawn:
      return "withdrawn";
    case State::kEmergencyReleased:
      return "emergency_released";
    case State::kEmergencyReviewed:
      return "emergency_reviewed";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kRecordTests:
      return "record_tests";
    case Action::kReview:
      return "review";
    case Action::kApprove:
      return "approve";
    case Action::kRelease:
      return "release";
    case Action::kVerify:
      return "verify";
    case Action::kBackOut:
      return "back_out";
    case Action::kReject:
      return "reject";
    case Action::kWithdraw:
      return "withdraw";
  }
  return "";
}

std::string_view EventVerb(Action action) {
  switch (action) {
    case Action::kRecordTests:
      return "tests_recorded";
    case Action::kReview:
      return "reviewed";
    case Action::kApprove:
      return "approved";
    case Action::kRelease:
      return "released";
    case Action::kVerify:
      return "verified";
    case Action::kBackOut:
      return "backed_out";
    case Action::kReject:
      return "rejected";
    case Action::kWithdraw:
      return "withdrawn";
  }
  return "";
}

std::optional<State> ParseState(std::string_view name) {
  return ParseIn(kStates, name, [](State s) { return Name(s); });
}

std::optional<Action> ParseAction(std::string_view name) {
  return ParseIn(kActions, name, [](Action a) { return Name(a); });
}

std::optional<State> Next(State state, Action action, bool emergency) {
  if (auto to = NextIn(kTable, state, action)) return to;
  return emergency ? NextIn(kEmergencyTable, state, action) : std::nullopt;
}

std::string PossibleActions(State state, bool emergency) {
  std::string out = JoinWhere(
      kActions, [&](Action a) { return Next(state, a, emergency).has_value(); },
      [](Action a) { return Name(a); });
  return out.empty() ? "none (the change request is " + std::string(Name(state)) + ")" : out;
}

std::optional<Error> RoleRefusal(const policy::ChangesPolicy& policy, const Caller& caller,
                                 Action action) {
  if (caller.break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: change requests are worked on signed in as yourself",
                 {}};
  }
  if (!domain::IsWorkforceRole(caller.role)) {
    return Error{ErrorCode::kForbidden,
                 "change requests are the workforce's (TR-5)",
                 {{"role", "is " + caller.role, {}}}};
  }
  if (action != Action::kApprove || RoleIn(policy.approver_roles, caller.role)) {
    return std::nullopt;
  }
  return Error{ErrorCode::kForbidden,
               "the profile lets only " + RoleNames(policy.approver_roles) +
                   " approve change requests (management approval, TR-5)",
               {{"role", "is " + caller.role, {}}}};
}

std::string_view SeparationAction(Action action) {
  switch (action) {
    case Action::kReview:
      return "change.review";
    case Action::kApprove:
      return "change.approve";
    case Action::kRelease:
      return "change.release";
    default:
      return "";
  }
}

std::vector<std::string> DutyConflicts(const Duties& duties, const std::string& actor_id,
                                       Action action) {
  std::vector<std::string> out;
  if (SeparationAction(action).empty() || actor_id.empty()) return out;
  struct Held {
    const char* duty;
    const std::string& holder;
    Action fills;
  };
  for (const Held& h : {Held{"author", duties.author, Action::kRecordTests},
                        Held{"reviewer", duties.reviewer, Action::kReview},
                        Held{"approver", duties.approver, Action::kApprove},
                        Held{"releaser", duties.releaser, Action::kRelease}}) {
    if (h.fills != action && h.holder == actor_id) out.emplace_back(h.duty);
  }
  return out;
}

std::optional<Error> PersonRefusal(const policy::ChangesPolicy& changes,
                                   const policy::SeparationPolicy& separation, const Caller& caller,
                                   const Duties& duties, Action action) {
  if (action == Action::kWithdraw && caller.id != duties.author &&
      !RoleIn(changes.approver_roles, caller.role)) {
    return Error{ErrorCode::kForbidden,
                 "only the author or management withdraws a change request",
                 {{"author", "is someone else", {}}}};
  }
  auto conflicts = DutyConflicts(duties, caller.id, action);
  std::string_view rule = SeparationAction(action);
  if (conflicts.empty() || separation.AllowsSelfApproval(rule)) return std::nullopt;
  std::string held;
  for (const auto& c : conflicts) held += (held.empty() ? "" : " and ") + c;
  std::string duty = action == Action::kReview    ? "review"
                     : action == Action::kApprove ? "approve"
                                                  : "release";
  return Error{
      ErrorCode::kForbidden,
      "separation of duties (" + std::string(rule) + "): you are this change's " + held +
          ", so another person must " + duty + " it (TR-5)",
      {{conflicts.front(),
        "is you; the profile's [separation] allow_self_approval may allow " + std::string(rule),
        {}}}};
}

std::vector<Action> AllowedActions(const policy::ChangesPolicy& changes,
                                   const policy::SeparationPolicy& separation, const Caller& caller,
                                   State state, bool emergency, const Duties& duties) {
  return ActionsWhere(kActions, [&](Action a) {
    return Next(state, a, emergency) && !RoleRefusal(changes, caller, a) &&
           !PersonRefusal(changes, separation, caller, duties, a);
  });
}

bool AwaitsRetrospective(State state) {
  return state == State::kEmergencyReleased || state == State::kEmergencyReviewed;
}

}  // namespace accord::workflow::change_request
