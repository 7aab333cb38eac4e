// An incident's breach assessment (TR-8, 45 CFR 164.402): recorded once per incident by an
// officer. Not a breach, it ends there; a breach is `notifying` while any covered entity's
// notice is due (a law-enforcement delay may be recorded then, 164.412) and becomes `notified`
// by itself when the last notice is sent. storage/breaches.cc loads, asks and appends.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"

namespace accord::workflow::breach_assessment {

enum class State { kNotABreach, kNotifying, kNotified };
enum class Action { kRecordDelay, kComplete };

inline constexpr State kStates[] = {State::kNotABreach, State::kNotifying, State::kNotified};
inline constexpr Action kActions[] = {Action::kRecordDelay, Action::kComplete};

std::string_view Name(State state);  // "not_a_breach", as stored
std::string_view Name(Action action);
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);
std::optional<State> Next(State state, Action action);
std::string PossibleActions(State state);

// Assessing and recording a delay: the officers, never during break-glass; complete follows
// the last notice (refused to people). nullopt = allowed.
std::optional<Error> AssessRefusal(std::string_view role, bool break_glass);
std::optional<Error> RoleRefusal(std::string_view role, bool break_glass, Action action);
std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state);

}  // namespace accord::workflow::breach_assessment
