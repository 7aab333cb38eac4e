// The access-grant workflow (TP-2, TP-3) in one place: states and actions, the transition
// table, who may decide (the profile's approver roles; separation of duties), and nothing
// that needs storage. storage/grants.cc loads a grant, asks here, and appends the event. The
// gate's rules (policy/gate.h) decide whether access may be granted at all; this decides who
// may act on a request and when.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/gate.h"

namespace accord::workflow::grant {

// "active" is not a state: an approved grant is active between its start and end
// (storage::EffectiveStatus), and the expiry sweep records "expired" after it.
enum class State { kRequested, kApproved, kDenied, kRevoked, kExpired };
// expire is the sweep's (a system action, TP-3), never a person's.
enum class Action { kApprove, kDeny, kRevoke, kExpire };

inline constexpr State kStates[] = {State::kRequested, State::kApproved, State::kDenied,
                                    State::kRevoked, State::kExpired};
inline constexpr Action kActions[] = {Action::kApprove, Action::kDeny, Action::kRevoke,
                                      Action::kExpire};

std::string_view Name(State state);    // "requested", as stored
std::string_view Name(Action action);  // "approve", as the route names it
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

// The state `action` leads to from `state`; nullopt where the table has no such move.
std::optional<State> Next(State state, Action action);

// Approve and deny: only the profile's approver roles ([access] approver_roles), in the
// profile's own words (its approval rule's id, seed reference and reason). Revoke and
// expire ask no role here (the route admits officers; the sweep is the system).
std::optional<Error> RoleRefusal(const policy::AccessPolicy& policy, std::string_view role,
                                 Action action);

// During break-glass nobody approves or denies access for a third party: like every other
// decision the profile reserves for an officer, it is made signed in as oneself. Revoking
// stays possible (taking access away is what an emergency may need).
std::optional<Error> BreakGlassRefusal(Action action);

// Separation of duties: whoever requested the access does not approve it, unless the profile
// allows it ([separation] allow_self_approval = ["grant.approve"]). Denying one's own
// request is withdrawing it, and allowed.
std::optional<Error> PersonRefusal(const policy::AccessPolicy& policy, std::string_view actor_id,
                                   std::string_view requested_by, Action action);

// True when `actor_id` approving is a self-approval (which the profile then allowed).
bool IsSelfApproval(std::string_view actor_id, std::string_view requested_by, Action action);

// Who may revoke access at once: the officers (the route's roles).
bool MayRevoke(std::string_view role);

// The actions a person (`actor_id` in `role`) may take now on a grant in `state`; `ended`
// when an approved grant is past its end (expired for every purpose, swept or not). Never
// expire: that is the sweep's.
std::vector<Action> AllowedActions(const policy::AccessPolicy& policy, std::string_view actor_id,
                                   std::string_view role, State state, bool ended,
                                   std::string_view requested_by);

}  // namespace accord::workflow::grant
