// The SOC 2 report workflow (TP-11) in one place: a party (or an officer on its behalf)
// submits a report, and our review of it makes it reviewed, recording exceptions and
// complementary user-entity controls and opening findings. Who reviews: the profile's
// [reviews] open_roles, never during break-glass and never a party's contact.
// storage/soc2_reports.cc loads a report, asks here, and appends the event.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/profile.h"

namespace accord::workflow::soc2_report {

enum class State { kSubmitted, kReviewed };
enum class Action { kReview };

inline constexpr State kStates[] = {State::kSubmitted, State::kReviewed};
inline constexpr Action kActions[] = {Action::kReview};

std::string_view Name(State state);    // "submitted", as stored
std::string_view Name(Action action);  // "review", as the API names it
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);
// A report stored before reports had a status was recorded with its review: reviewed.
State StateOf(std::string_view status);

std::optional<State> Next(State state, Action action);
// "review", or "none (the report is reviewed)".
std::string PossibleActions(State state);

// review: the profile's [reviews] open_roles; never during break-glass. nullopt = allowed.
std::optional<Error> RoleRefusal(const policy::ReviewsPolicy& policy, std::string_view role,
                                 bool break_glass, Action action);

// Who may submit a report for a party: a party's own contact, or the open roles on its behalf.
std::optional<Error> SubmitRefusal(const policy::ReviewsPolicy& policy, std::string_view role,
                                   bool break_glass);

// What this caller may do now (the table ∩ the roles), in kActions order.
std::vector<Action> AllowedActions(const policy::ReviewsPolicy& policy, std::string_view role,
                                   bool break_glass, State state);

}  // namespace accord::workflow::soc2_report
