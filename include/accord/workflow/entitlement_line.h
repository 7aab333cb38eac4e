// The workflow of one line of an entitlement review campaign (TR-3) in one place: a line
// (an account's role, a break-glass use, a third party's grant) is undecided until a
// reviewer certifies or revokes it, once. Who: the profile's [identity] reviewer_roles, never
// during break-glass, never about their own account (separation of duties), and only while
// the campaign is not completed. What a revocation does (deactivate the account, revoke the
// grant) needs storage: storage/entitlement_reviews.cc loads the campaign, asks here, makes
// the revocation real and appends the event.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/profile.h"

namespace accord::workflow::entitlement_line {

// Stored as the line's `decision`: null (undecided), "certified", "revoked".
enum class State { kUndecided, kCertified, kRevoked };
enum class Action { kCertify, kRevoke };

inline constexpr State kStates[] = {State::kUndecided, State::kCertified, State::kRevoked};
inline constexpr Action kActions[] = {Action::kCertify, Action::kRevoke};

std::string_view Name(State state);    // "certified"; "undecided" is stored as null
std::string_view Name(Action action);  // "revoke", as the API names the decision
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

// The state `action` leads to from `state`; nullopt where the table has no such move.
std::optional<State> Next(State state, Action action);
// "certify, revoke", or "none (the line is revoked)".
std::string PossibleActions(State state);

// The role question, asked before a request's body is read, for opening a campaign and for
// deciding a line alike: the profile's [identity] reviewer_roles, never during break-glass.
std::optional<Error> ReviewerRefusal(const policy::IdentityPolicy& policy, std::string_view role,
                                     bool break_glass);
// Every action asks the reviewer question. nullopt = allowed.
std::optional<Error> RoleRefusal(const policy::IdentityPolicy& policy, std::string_view role,
                                 bool break_glass, Action action);

// What the campaign and person rules read of one line.
struct Facts {
  std::string review_id;            // the campaign, for messages
  std::string line_id;              // "l3"
  bool campaign_completed = false;  // the campaign's status is completed
  std::string line_kind;            // user_role | break_glass | grant
  std::string user_id;              // the account a user_role or break_glass line is about
};

// A completed campaign takes no more decisions (409, field status). nullopt = open.
std::optional<Error> CampaignRefusal(const Facts& facts);

// Separation of duties: nobody certifies or revokes their own account's line (409, field
// line_id); a grant line is a third party's access and anyone may decide it.
std::optional<Error> PersonRefusal(std::string_view actor_id, const Facts& facts, Action action);

// What this caller may do now to a line in `state` (the table ∩ the roles ∩ the campaign
// and person rules), in kActions order: what the portal shows as buttons.
std::vector<Action> AllowedActions(const policy::IdentityPolicy& policy, std::string_view role,
                                   bool break_glass, std::string_view actor_id, State state,
                                   const Facts& facts);

}  // namespace accord::workflow::entitlement_line
