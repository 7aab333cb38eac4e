// An agreement's lifecycle (TP-6) in one place: draft → sent → executed, executed straight
// from a draft (signed on the spot), a sent one back to draft, terminated from any live
// state, and expired once executed (the expiry sweep does it when expires_at passes, and an
// officer may record it). The status is a field of the registry's generic PATCH (officers;
// break-glass acts as the security officer there): a PATCH names the status it wants, not an
// action, so workflow/lifecycle.h turns this table into the statuses a PATCH may name
// (ActionTo) and domain::PatchObject refuses the rest, as it did before with the same moves.
// What an executed agreement must carry (effective_at, a BAA's checklist, an SLA's sections)
// is checked on the object whatever the route (domain::CheckObject), so it stays there.
// Creating an agreement may name any status (an NDA accepted by click-through is created
// executed): creation is not a move.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/roles.h"

namespace accord::workflow::agreement {

enum class State { kDraft, kSent, kExecuted, kExpired, kTerminated };
// expire is also the sweep's (storage/registry_expiry.cc), with the system as actor.
enum class Action { kSend, kExecute, kRedraft, kExpire, kTerminate };

inline constexpr State kStates[] = {State::kDraft, State::kSent, State::kExecuted, State::kExpired,
                                    State::kTerminated};
inline constexpr Action kActions[] = {Action::kSend, Action::kExecute, Action::kRedraft,
                                      Action::kExpire, Action::kTerminate};

std::string_view Name(State state);    // "executed", as stored
std::string_view Name(Action action);  // "redraft"
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

// The state `action` leads to from `state`; nullopt where the table has no such move.
std::optional<State> Next(State state, Action action);
// "send, execute, terminate", or "none (the agreement is expired)".
std::string PossibleActions(State state);
// The action that moves `from` to `to` (what a PATCH of the status means); nullopt if none.
std::optional<Action> ActionTo(State from, State to);
// The states one move away from `from`, in table order (a PATCH's "allowed next").
std::vector<State> NextStates(State from);

// Deleting is for mistakes: only a draft is deleted; a signed one is terminated instead.
bool Deletable(State state);

// The roles the registry's agreement routes let write (http/api_registry.cc: the officers).
// The officers.
inline constexpr domain::RoleSet kRoles = domain::kOfficers;
// Every action: one of kRoles. nullopt = allowed.
std::optional<Error> RoleRefusal(std::string_view role, Action action);
// What this caller may do now to an agreement in `state` (the table ∩ the roles), in
// kActions order. Agreements have no person rules.
std::vector<Action> AllowedActions(std::string_view role, State state);

}  // namespace accord::workflow::agreement
