// The vendor-incident workflow (issue 27, TP-13/TP-14) in one place: the status runner opens a
// vendor incident on a party when the vendor's status feed reports an incident touching a
// component we depend on; an officer assesses what it means for us (none, degraded, PHI
// involved), which may open a finding. Who assesses: the officers, never during break-glass and
// never the system. storage/vendor_incidents.cc loads an incident, asks here, and appends.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"

namespace accord::workflow::vendor_incident {

enum class State { kOpen, kAssessed };
// open: the status runner's, nobody's by hand; assess: an officer's.
enum class Action { kOpen, kAssess };

inline constexpr State kStates[] = {State::kOpen, State::kAssessed};
inline constexpr Action kActions[] = {Action::kOpen, Action::kAssess};

std::string_view Name(State state);    // "open", as stored
std::string_view Name(Action action);  // "assess", as the API names it
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

// kOpen is the incident's first state (the action creates it): Next(kOpen, kOpen) = kOpen.
std::optional<State> Next(State state, Action action);
// "assess", or "none (the vendor incident is assessed)".
std::string PossibleActions(State state);

// open: nobody (the status runner records it); assess: a Security or Privacy Officer, not
// during break-glass. nullopt = allowed.
std::optional<Error> RoleRefusal(std::string_view role, bool break_glass, Action action);

// What this caller may do now (the table ∩ the roles), in kActions order.
std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state);

}  // namespace accord::workflow::vendor_incident
