#include "accord/workflow/account.h"

#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::account {
namespace {

constexpr workflow::Move<State, Action> kTable[] = {
    {State::kPending, Action::kActivate, State::kActive},
    {State::kPending, Action::kDeactivate, State::kDeactivated},
    {State::kPending, Action::kChangeRole, State::kPending},
    {State::kPending, Action::kResetMfa, State::kPending},
    {State::kPending, Action::kResetPassword, State::kPending},
    {State::kActive, Action::kDeactivate, State::kDeactivated},
    {State::kActive, Action::kChangeRole, State::kActive},
    {State::kActive, Action::kResetMfa, State::kActive},
    {State::kActive, Action::kResetPassword, State::kActive},
    {State::kActive, Action::kRequireOnboarding, State::kPending},
    {State::kDeactivated, Action::kActivate, State::kActive},
    {State::kDeactivated, Action::kChangeRole, State::kDeactivated},
    {State::kDeactivated, Action::kResetMfa, State::kDeactivated},
    {State::kDeactivated, Action::kResetPassword, State::kDeactivated},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kPending:
      return "pending";
    case State::kActive:
      return "active";
    case State::kDeactivated:
      return "deactivated";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kActivate:
      return "activate";
    case Action::kDeactivate:
      return "deactivate";
    case Action::kChangeRole:
      return "change_role";
    case Action::kResetMfa:
      return "reset_mfa";
    case Action::kResetPassword:
      return "reset_password";
    case Action::kRequireOnboarding:
      return "require_onboarding";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

// What a person may ask for: require_onboarding is the system's consequence of a role change.
std::string PossibleActions(State state) {
  std::string out = JoinWhere(
      kActions,
      [state](Action a) { return a != Action::kRequireOnboarding && Next(state, a).has_value(); },
      [](Action a) { return Name(a); });
  return out.empty() ? "none (the account is " + std::string(Name(state)) + ")" : out;
}

std::optional<Error> AdminRefusal(const policy::IdentityPolicy& policy, std::string_view role,
                                  bool break_glass) {
  // Emergency access is for the emergency, not for taking over accounts.
  if (break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: accounts and alerts are managed by a security officer "
                 "signed in as themselves",
                 {}};
  }
  if (RoleIn(policy.user_admin_roles, role)) return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "the profile lets only " + RoleNames(policy.user_admin_roles) + " manage accounts",
               {}};
}

std::optional<Error> RoleRefusal(const policy::IdentityPolicy& policy, std::string_view role,
                                 bool break_glass, Action action) {
  if (action == Action::kRequireOnboarding) {
    return Error{ErrorCode::kForbidden,
                 "an account returns to pending when a role change leaves it without the new "
                 "role's onboarding records (TR-7)",
                 {{"action", "follows change_role", {}}}};
  }
  return AdminRefusal(policy, role, break_glass);
}

std::optional<Error> PersonRefusal(std::string_view actor_id, const Facts& facts, Action action) {
  if (action != Action::kDeactivate && action != Action::kChangeRole) return std::nullopt;
  if (facts.user_id.empty() || facts.user_id != actor_id) return std::nullopt;
  return Error{
      ErrorCode::kConflict,
      "you cannot " + std::string(Name(action)) + " your own account: ask another security officer",
      {}};
}

std::vector<Action> AllowedActions(const policy::IdentityPolicy& policy, std::string_view role,
                                   bool break_glass, std::string_view actor_id, State state,
                                   const Facts& facts) {
  return ActionsWhere(kActions, [&](Action a) {
    return Next(state, a) && !RoleRefusal(policy, role, break_glass, a) &&
           !PersonRefusal(actor_id, facts, a);
  });
}

}  // namespace accord::workflow::account
