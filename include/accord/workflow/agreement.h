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
// executed): creation is not a move. Renewing an executed or expired agreement keeps it as it
// is and creates its successor (storage/agreement_renewal.h): a move that keeps the state, so
// no PATCH of the status names it.
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
enum class Action { kSend, kExecute, kRedraft, kExpire, kTerminate, kRenew };

inline constexpr State kStates[] = {State::kDraft, State::kSent, State::kExecuted, State::kExpired,
                                    State::kTerminated};
inline constexpr Action kActions[] = {Action::kSend,   Action::kExecute,   Action::kRedraft,
                                      Action::kExpire, Action::kTerminate, Action::kRenew};

std::string_view Name(State state);    // "executed", as stored
std::string_view Name(Action action);  // "redraft"
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

// The state `action` leads to from `state`; nullopt where the table has no such move.
std::optional<State> Next(State state, Action action);
// "send, execute, terminate", or "none (the agreement is expired)".
std::string PossibleActions(State state);
// The action that moves `from` to another state `to` (what a PATCH of the status means);
// nullopt if none, and for `to` == `from` (renew keeps the state: no PATCH names it).
std::optional<Action> ActionTo(State from, State to);
// The other states one move away from `from`, in table order (a PATCH's "allowed next").
std::vector<State> NextStates(State from);

// Deleting is for mistakes: only a draft is deleted; a signed one is terminated instead.
bool Deletable(State state);

// The roles the registry's agreement routes let write (http/api_registry.cc: the officers).
// The officers.
inline constexpr domain::RoleSet kRoles = domain::kOfficers;
// Every action: one of kRoles. nullopt = allowed.
std::optional<Error> RoleRefusal(std::string_view role, Action action);

// What the rules read of one agreement beyond its state.
struct Facts {
  // The live agreement that renews this one ("" when none, or when it was terminated or
  // deleted: the renewal fell through and the agreement may be renewed again).
  std::string renewed_by;
};
// An agreement is renewed once: 409 naming its successor. nullopt = allowed.
std::optional<Error> RenewalRefusal(const Facts& facts, Action action);

// What this caller may do now to an agreement in `state` (the table ∩ the roles ∩ renewing
// once), in kActions order. Agreements have no person rules.
std::vector<Action> AllowedActions(std::string_view role, State state, const Facts& facts = {});

}  // namespace accord::workflow::agreement
