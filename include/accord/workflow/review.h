// The review workflow (TP-12) in one place: its states and actions, the transition table,
// who may take each action (the profile's roles, the assignee, separation of duties), and
// nothing that needs storage. storage/reviews.cc loads a review, asks here, and appends the
// event; http/api_reviews.cc asks the role question before it reads a body. The schedule
// cancels a review whose subject left (a state, not an action anyone takes).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/profile.h"

namespace accord::workflow::review {

enum class State { kOpen, kAssigned, kDocumented, kApproved, kCancelled };
enum class Action { kAssign, kDocument, kRequestInfo, kApprove, kReject };

inline constexpr State kStates[] = {State::kOpen, State::kAssigned, State::kDocumented,
                                    State::kApproved, State::kCancelled};
inline constexpr Action kActions[] = {Action::kAssign, Action::kDocument, Action::kRequestInfo,
                                      Action::kApprove, Action::kReject};

std::string_view Name(State state);    // "open", as stored
std::string_view Name(Action action);  // "request_info", as the API names it
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

// The state `action` leads to from `state`; nullopt where the table has no such move.
// request_info keeps the state (the party is asked; the review waits as it was).
std::optional<State> Next(State state, Action action);
// The actions the table allows in `state`: "assign, request_info", or "none (the review is
// approved)".
std::string PossibleActions(State state);

// The role question, asked before a request's body is read: the profile's [reviews] roles
// (assign: open_roles; document: assignee_roles; approve, reject: approve_roles;
// request_info: either), never during break-glass. nullopt = allowed.
std::optional<Error> RoleRefusal(const policy::ReviewsPolicy& policy, std::string_view role,
                                 bool break_glass, Action action);

// What the person rules read of one review.
struct Facts {
  std::string assignee_id;     // "" when nobody is assigned
  std::string assignee_email;  // for the refusal's message
  std::string documented_by;   // the documenting person's id, "" before documentation
};

// The person question: only the assignee documents; whoever documented does not approve
// unless the profile allows it ([separation] allow_self_approval = ["review.approve"]).
// nullopt = allowed.
std::optional<Error> PersonRefusal(const policy::ReviewsPolicy& policy, std::string_view actor_id,
                                   const Facts& facts, Action action);

// True when `actor_id` approving now is a self-approval the profile allows.
bool IsSelfApproval(std::string_view actor_id, const Facts& facts, Action action);

// Who is looking at a review, for AllowedActions.
struct Caller {
  std::string_view id;
  std::string_view role;
  bool break_glass = false;
};

// The actions `caller` may take now on a review in `state` (the table, the role and person
// rules; asking the party needs a party): what the portal offers as buttons. The commands
// still decide; a rule that needs storage (a change review waits for its risk assessment)
// answers when the action is tried.
std::vector<Action> AllowedActions(const policy::ReviewsPolicy& policy, const Caller& caller,
                                   State state, const Facts& facts, bool has_party);

}  // namespace accord::workflow::review
