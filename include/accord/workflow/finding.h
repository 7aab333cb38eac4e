// The finding workflow (TP-14) in one place: a finding is open until it is resolved (with
// evidence) or its risk is accepted, and may be reopened; assign names a new owner and keeps
// it open. Who: the officers the finding routes admit (fixed roles, not the profile's), never
// during break-glass. storage/findings.cc loads a finding, asks here, and appends the event.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/domain/roles.h"

namespace accord::workflow::finding {

enum class State { kOpen, kResolved, kRiskAccepted };
enum class Action { kAssign, kResolve, kAcceptRisk, kReopen };

inline constexpr State kStates[] = {State::kOpen, State::kResolved, State::kRiskAccepted};
inline constexpr Action kActions[] = {Action::kAssign, Action::kResolve, Action::kAcceptRisk,
                                      Action::kReopen};

std::string_view Name(State state);    // "risk_accepted", as stored
std::string_view Name(Action action);  // "accept_risk", as the API names it
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);
// The event's verb: finding.assigned, .resolved, .risk_accepted, .reopened.
std::string_view EventVerb(Action action);

// The state `action` leads to from `state`; nullopt where the table has no such move.
std::optional<State> Next(State state, Action action);
// "assign, resolve, accept_risk" (open) or "reopen" (resolved, risk_accepted).
std::string PossibleActions(State state);

// The roles the finding routes admit today (http/api_review_findings.cc, domain::kOfficers).
// The officers.
inline constexpr domain::RoleSet kRoles = domain::kOfficers;

// Every action: one of kRoles, never during break-glass (the messages are the route's).
// nullopt = allowed.
std::optional<Error> RoleRefusal(std::string_view role, bool break_glass, Action action);

// What this caller may do now to a finding in `state` (the table ∩ the roles), in
// kActions order: what the portal shows as buttons. Findings have no person rules.
std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state);

}  // namespace accord::workflow::finding
