// The finding workflow (TP-14) in one place: a finding is open until it is resolved (with
// evidence) or its risk is accepted, and may be reopened; assign names a new owner and keeps
// it open. Accepting a risk takes two people (issue 20): one asks (accept_risk, with a reason
// and an expiry), another officer approves or declines (separation of duties, unless the
// profile's [separation] allow_self_approval names finding.approve_risk); an accepted risk
// reopens by itself when its acceptance expires (expire_acceptance, the scheduler's alone).
// Who: the officers the finding routes admit (fixed roles, not the profile's), never during
// break-glass. storage/findings.cc loads a finding, asks here, and appends the event.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/roles.h"

namespace accord::workflow::finding {

enum class State { kOpen, kAcceptanceRequested, kResolved, kRiskAccepted };
enum class Action {
  kAssign,
  kResolve,
  kAcceptRisk,
  kApproveRisk,
  kDeclineRisk,
  kReopen,
  kExpireAcceptance
};

inline constexpr State kStates[] = {State::kOpen, State::kAcceptanceRequested, State::kResolved,
                                    State::kRiskAccepted};
inline constexpr Action kActions[] = {
    Action::kAssign,      Action::kResolve, Action::kAcceptRisk,      Action::kApproveRisk,
    Action::kDeclineRisk, Action::kReopen,  Action::kExpireAcceptance};

std::string_view Name(State state);    // "risk_accepted", as stored
std::string_view Name(Action action);  // "accept_risk", as the API names it
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);
// The event's verb: finding.assigned, .resolved, .risk_acceptance_requested, .risk_accepted,
// .risk_acceptance_declined, .reopened, .risk_acceptance_expired.
std::string_view EventVerb(Action action);

// The state `action` leads to from `state`; nullopt where the table has no such move.
std::optional<State> Next(State state, Action action);
// "assign, resolve, accept_risk" (open) or "reopen" (resolved, risk_accepted): the actions a
// person may take from `state` by the table (not the scheduler's).
std::string PossibleActions(State state);

// Still to be dealt with: open, or an acceptance waiting for its approver.
bool IsOpen(std::string_view status);

// The roles the finding routes admit today (http/api_review_findings.cc, domain::kOfficers).
// The officers.
inline constexpr domain::RoleSet kRoles = domain::kOfficers;

// Every action a person takes: one of kRoles, never during break-glass (the messages are the
// route's); expire_acceptance is the scheduler's and refuses every person. nullopt = allowed.
std::optional<Error> RoleRefusal(std::string_view role, bool break_glass, Action action);

// Separation of duties: approve_risk by the person who asked for the acceptance (403 naming
// risk_acceptance.requested_by) unless `allow_self_approval`.
std::optional<Error> PersonRefusal(std::string_view actor_id, std::string_view requested_by,
                                   Action action, bool allow_self_approval);

// What this caller may do now to a finding in `state` (the table ∩ the roles ∩ the person
// rule), in kActions order: what the portal shows as buttons. `requested_by`: who asked for
// the pending acceptance ("" when none).
std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state,
                                   std::string_view actor_id = "",
                                   std::string_view requested_by = "",
                                   bool allow_self_approval = false);

}  // namespace accord::workflow::finding
