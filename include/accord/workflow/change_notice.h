// The change-notice workflow (TP-9) in one place: a party announces a change and it is under
// review; approving its change review approves it (approve is that consequence, never a
// person's action); implemented or withdrawn ends it, from either state. Implemented before
// approval is allowed and opens a finding: that needs the review, so storage decides it.
// Who records what became of a change: the profile's [reviews] open_roles, never during
// break-glass. storage/change_notices.cc loads a notice, asks here, and appends the event.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/profile.h"

namespace accord::workflow::change_notice {

enum class State { kUnderReview, kApproved, kImplemented, kWithdrawn };
enum class Action { kImplement, kWithdraw, kApprove };

inline constexpr State kStates[] = {State::kUnderReview, State::kApproved, State::kImplemented,
                                    State::kWithdrawn};
inline constexpr Action kActions[] = {Action::kImplement, Action::kWithdraw, Action::kApprove};

std::string_view Name(State state);    // "under_review", as stored
std::string_view Name(Action action);  // "implemented", as the API and the event name it
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

// The state `action` leads to from `state`; nullopt where the table has no such move.
std::optional<State> Next(State state, Action action);
// "implemented, withdrawn, approve", or "none (the change is withdrawn)".
std::string PossibleActions(State state);

// implemented, withdrawn: the profile's [reviews] open_roles; approve: nobody (it follows the
// change review's approval); never during break-glass. nullopt = allowed.
std::optional<Error> RoleRefusal(const policy::ReviewsPolicy& policy, std::string_view role,
                                 bool break_glass, Action action);

// What this caller may do now to a notice in `state` (the table ∩ the roles), in kActions
// order. Change notices have no person rules.
std::vector<Action> AllowedActions(const policy::ReviewsPolicy& policy, std::string_view role,
                                   bool break_glass, State state);

}  // namespace accord::workflow::change_notice
