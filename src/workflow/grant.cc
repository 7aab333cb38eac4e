#include "accord/workflow/grant.h"

#include <algorithm>

#include "accord/domain/roles.h"
#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::grant {
namespace {

constexpr workflow::Move<State, Action> kTable[] = {
    {State::kRequested, Action::kApprove, State::kApproved},
    {State::kRequested, Action::kDeny, State::kDenied},
    {State::kApproved, Action::kRevoke, State::kRevoked},
    {State::kApproved, Action::kExpire, State::kExpired},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kRequested:
      return "requested";
    case State::kApproved:
      return "approved";
    case State::kDenied:
      return "denied";
    case State::kRevoked:
      return "revoked";
    case State::kExpired:
      return "expired";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kApprove:
      return "approve";
    case Action::kDeny:
      return "deny";
    case Action::kRevoke:
      return "revoke";
    case Action::kExpire:
      return "expire";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

std::optional<Error> RoleRefusal(const policy::AccessPolicy& policy, std::string_view role,
                                 Action action) {
  if (action != Action::kApprove && action != Action::kDeny) return std::nullopt;
  const auto& roles = policy.approver_roles;
  if (std::find(roles.begin(), roles.end(), role) != roles.end()) return std::nullopt;
  std::string reason =
      "the profile lets only " + RoleNames(roles) + " approve or deny access requests";
  for (const auto& rule : policy.rules) {
    if (rule.check != policy::CheckKind::kApproval) continue;
    reason += " (" + rule.id + ", " + rule.seed_ref + ": " + rule.reason + ")";
    break;
  }
  return Error{ErrorCode::kForbidden, reason, {{"role", "is " + std::string(role), {}}}};
}

std::optional<Error> PersonRefusal(const policy::AccessPolicy& policy, std::string_view actor_id,
                                   std::string_view requested_by, Action action) {
  if (!IsSelfApproval(actor_id, requested_by, action) || policy.allow_self_approval) {
    return std::nullopt;
  }
  return Error{ErrorCode::kForbidden,
               "you requested this access, so another approver must approve it (separation of "
               "duties)",
               {{"requested_by",
                 "is you; the profile's [separation] allow_self_approval may "
                 "allow grant.approve",
                 {}}}};
}

bool IsSelfApproval(std::string_view actor_id, std::string_view requested_by, Action action) {
  return action == Action::kApprove && !requested_by.empty() && requested_by == actor_id;
}

std::optional<Error> BreakGlassRefusal(Action action) {
  if (action != Action::kApprove && action != Action::kDeny) return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "not during break-glass: access requests are approved or denied by an officer "
               "signed in as themselves",
               {}};
}

bool MayRevoke(std::string_view role) { return domain::kOfficers.Has(role); }

std::vector<Action> AllowedActions(const policy::AccessPolicy& policy, std::string_view actor_id,
                                   std::string_view role, State state, bool ended,
                                   std::string_view requested_by) {
  std::vector<Action> out;
  // The grant routes admit the officers; approving and denying also need the profile's role.
  if (!MayRevoke(role) || ended) return out;
  for (Action a : {Action::kApprove, Action::kDeny, Action::kRevoke}) {
    if (!Next(state, a)) continue;
    if (RoleRefusal(policy, role, a) || PersonRefusal(policy, actor_id, requested_by, a)) continue;
    out.push_back(a);
  }
  return out;
}

}  // namespace accord::workflow::grant
