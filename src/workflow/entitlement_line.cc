#include "accord/workflow/entitlement_line.h"

#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::entitlement_line {
namespace {

// A decision is final: a revoked line's access is gone, and a certified one waits for the
// next campaign.
constexpr workflow::Move<State, Action> kTable[] = {
    {State::kUndecided, Action::kCertify, State::kCertified},
    {State::kUndecided, Action::kRevoke, State::kRevoked},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kUndecided:
      return "undecided";
    case State::kCertified:
      return "certified";
    case State::kRevoked:
      return "revoked";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kCertify:
      return "certify";
    case Action::kRevoke:
      return "revoke";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

ACCORD_WORKFLOW_POSSIBLE_ACTIONS("line")

std::optional<Error> ReviewerRefusal(const policy::IdentityPolicy& policy, std::string_view role,
                                     bool break_glass) {
  if (break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: entitlement reviews are decided by a reviewer signed "
                 "in as themselves",
                 {}};
  }
  if (RoleIn(policy.reviewer_roles, role)) return std::nullopt;
  return Error{
      ErrorCode::kForbidden,
      "the profile lets only " + RoleNames(policy.reviewer_roles) + " review entitlements (TR-3)",
      {{"role", "is " + std::string(role), {}}}};
}

std::optional<Error> RoleRefusal(const policy::IdentityPolicy& policy, std::string_view role,
                                 bool break_glass, Action) {
  return ReviewerRefusal(policy, role, break_glass);
}

std::optional<Error> CampaignRefusal(const Facts& facts) {
  if (!facts.campaign_completed) return std::nullopt;
  return Error{
      ErrorCode::kConflict,
      "entitlement review " + facts.review_id + " is completed; it takes no more decisions",
      {{"status", "is completed", {}}}};
}

std::optional<Error> PersonRefusal(std::string_view actor_id, const Facts& facts, Action) {
  if (facts.line_kind == "grant" || facts.user_id != actor_id) return std::nullopt;
  return Error{ErrorCode::kConflict,
               "line " + facts.line_id +
                   " is about your own account: another reviewer must decide it "
                   "(separation of duties)",
               {{"line_id", "is about the reviewer's own account", {}}}};
}

std::vector<Action> AllowedActions(const policy::IdentityPolicy& policy, std::string_view role,
                                   bool break_glass, std::string_view actor_id, State state,
                                   const Facts& facts) {
  if (CampaignRefusal(facts)) return {};
  return ActionsWhere(kActions, [&](Action a) {
    return Next(state, a) && !RoleRefusal(policy, role, break_glass, a) &&
           !PersonRefusal(actor_id, facts, a);
  });
}

}  // namespace accord::workflow::entitlement_line
