// A party's contact asks for a colleague's contact account (issue 28, item 2): the request
// waits for the profile's account administrators ([identity] user_admin_roles; luma: the
// Security Officer), who approve it (the account is created as officers create contact
// accounts) or decline it with a reason. storage/account_requests.cc loads, asks here, and
// appends `account_request.<verb_past>`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/profile.h"

namespace accord::workflow::account_request {

enum class State { kPending, kApproved, kDeclined };
enum class Action { kApprove, kDecline };

inline constexpr State kStates[] = {State::kPending, State::kApproved, State::kDeclined};
inline constexpr Action kActions[] = {Action::kApprove, Action::kDecline};

std::string_view Name(State state);    // "pending", as stored
std::string_view Name(Action action);  // "approve", as the API names it
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

std::optional<State> Next(State state, Action action);
// "approve, decline", or "none (the account request is approved)".
std::string PossibleActions(State state);

// Only the profile's account administrators decide, never during break-glass (the same rule
// as creating an account). nullopt = allowed.
std::optional<Error> RoleRefusal(const policy::IdentityPolicy& policy, std::string_view role,
                                 bool break_glass, Action action);

// What this caller may do now (the table ∩ the roles), in kActions order.
std::vector<Action> AllowedActions(const policy::IdentityPolicy& policy, std::string_view role,
                                   bool break_glass, State state);

}  // namespace accord::workflow::account_request
