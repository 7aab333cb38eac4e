// The account (registry kind `user`) lifecycle (TR-7, TR-3) in one place: a workforce
// account waits `pending` for its onboarding gate, is active, and is deactivated (by an
// admin, an entitlement review's revocation, or the sweep when its access lapses); a
// deactivated account may be activated again. change_role, reset_mfa and reset_password keep
// the state, except that a role change that leaves an active account without the new role's
// onboarding records sends it back to pending (require_onboarding: that consequence, never
// a person's action). Who: the profile's [identity] user_admin_roles, never during
// break-glass, never deactivating or re-roling their own account. Whether the onboarding
// records are complete reads the account's records (domain::MissingAttestations), so the
// activation gate stays with the command (storage/identity_store.cc).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/profile.h"

namespace accord::workflow::account {

enum class State { kPending, kActive, kDeactivated };
enum class Action {
  kActivate,
  kDeactivate,
  kChangeRole,
  kResetMfa,
  kResetPassword,
  kRequireOnboarding,
};

inline constexpr State kStates[] = {State::kPending, State::kActive, State::kDeactivated};
inline constexpr Action kActions[] = {Action::kActivate,      Action::kDeactivate,
                                      Action::kChangeRole,    Action::kResetMfa,
                                      Action::kResetPassword, Action::kRequireOnboarding};

std::string_view Name(State state);    // "deactivated", as stored
std::string_view Name(Action action);  // "change_role", as the API names it
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

// The state `action` leads to from `state`; nullopt where the table has no such move.
std::optional<State> Next(State state, Action action);
// "activate, deactivate, change_role, reset_mfa, reset_password", or fewer.
std::string PossibleActions(State state);

// The role question, asked before a request's body is read: the profile's [identity]
// user_admin_roles, never during break-glass (the messages are http/api_users.cc's).
std::optional<Error> AdminRefusal(const policy::IdentityPolicy& policy, std::string_view role,
                                  bool break_glass);
// Every person's action asks AdminRefusal; require_onboarding is nobody's. nullopt = allowed.
std::optional<Error> RoleRefusal(const policy::IdentityPolicy& policy, std::string_view role,
                                 bool break_glass, Action action);

// What the person rule reads of one account.
struct Facts {
  std::string user_id;  // the account acted on
};

// Nobody deactivates their own account or changes its role (409: another admin must).
std::optional<Error> PersonRefusal(std::string_view actor_id, const Facts& facts, Action action);

// What this caller may do now to an account in `state` (the table ∩ the roles ∩ the person
// rule), in kActions order: what the portal shows as buttons.
std::vector<Action> AllowedActions(const policy::IdentityPolicy& policy, std::string_view role,
                                   bool break_glass, std::string_view actor_id, State state,
                                   const Facts& facts);

}  // namespace accord::workflow::account
