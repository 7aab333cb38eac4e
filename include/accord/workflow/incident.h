// The incident workflow (TR-8) in one place: an officer declares an incident (what it touches,
// who is involved, when it was discovered), classifies it, posts timeline updates (internal, or
// public: those reach the status page), resolves it and records its postmortem, whose action
// items become findings. The states are Statuspage's incident states, so the public page says
// what the workflow says. Who acts: the officers (break-glass included: an incident is what it
// is for); the organisation and the auditor read; a party's contact reads the incidents it is
// involved in, public updates only. Pure: storage/incidents.cc loads, asks here, appends.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"

namespace accord::workflow::incident {

enum class State { kInvestigating, kIdentified, kMonitoring, kResolved, kPostmortem };
enum class Action { kClassify, kUpdate, kResolve, kPostmortem };

inline constexpr State kStates[] = {State::kInvestigating, State::kIdentified, State::kMonitoring,
                                    State::kResolved, State::kPostmortem};
inline constexpr Action kActions[] = {Action::kClassify, Action::kUpdate, Action::kResolve,
                                      Action::kPostmortem};

std::string_view Name(State state);    // "investigating", as stored and as Statuspage says it
std::string_view Name(Action action);  // "classify", as the API names it
// The event's verb: incident.<verb> ("classified", "update_posted" …).
std::string_view EventVerb(Action action);
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

// The state `action` leads to from `state`. An update keeps an open incident open: the state it
// names (investigating, identified, monitoring) is `UpdateTarget`'s to check.
std::optional<State> Next(State state, Action action);
// "classify, update, resolve", or "none (the incident is postmortem)".
std::string PossibleActions(State state);
// The state an update that names `wanted` ("" = keep) leads to; nullopt when it may not (a
// resolved incident takes notes, not a new open state).
std::optional<State> UpdateTarget(State state, std::string_view wanted);
bool IsOpen(State state);

// Every action and declaring one: the officers; nullopt = allowed.
std::optional<Error> RoleRefusal(std::string_view role);

// What this caller may do now (the table ∩ the roles), in kActions order.
std::vector<Action> AllowedActions(std::string_view role, State state);

}  // namespace accord::workflow::incident
