// A party's lifecycle (TP-1, TP-6) in one place: prospect → onboarding → active →
// offboarded, offboarding from any earlier state, and a returning vendor onboards again.
// The status is a field of the registry's generic PATCH (officers; break-glass acts as the
// security officer there): a PATCH names the status it wants, not an action, so
// workflow/lifecycle.h turns this table into the statuses a PATCH may name (ActionTo) and
// domain::PatchObject refuses the rest, as it did before with the same moves. Creating a
// party may name any status (an existing vendor is recorded as active): creation is not a
// move. Pure: the children a delete must not orphan are storage's question.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/roles.h"

namespace accord::workflow::party {

enum class State { kProspect, kOnboarding, kActive, kOffboarded };
enum class Action { kOnboard, kActivate, kOffboard };

inline constexpr State kStates[] = {State::kProspect, State::kOnboarding, State::kActive,
                                    State::kOffboarded};
inline constexpr Action kActions[] = {Action::kOnboard, Action::kActivate, Action::kOffboard};

std::string_view Name(State state);    // "onboarding", as stored
std::string_view Name(Action action);  // "offboard"
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

// The state `action` leads to from `state`; nullopt where the table has no such move.
std::optional<State> Next(State state, Action action);
// "onboard, offboard", or "none (the party is ...)" (no state is final today).
std::string PossibleActions(State state);
// The action that moves `from` to `to` (what a PATCH of the status means); nullopt if none.
std::optional<Action> ActionTo(State from, State to);
// The states one move away from `from`, in table order (a PATCH's "allowed next").
std::vector<State> NextStates(State from);

// Deleting is for mistakes: only a prospect is deleted; a relationship that ended is
// offboarded, so its history stays readable.
bool Deletable(State state);

// The roles the registry's party routes let write (http/api_registry.cc: the officers).
// The officers.
inline constexpr domain::RoleSet kRoles = domain::kOfficers;
// Every action: one of kRoles. nullopt = allowed.
std::optional<Error> RoleRefusal(std::string_view role, Action action);
// What this caller may do now to a party in `state` (the table ∩ the roles), in kActions
// order. Parties have no person rules.
std::vector<Action> AllowedActions(std::string_view role, State state);

}  // namespace accord::workflow::party
