// The answer library's workflow (issue 28, part 5): our own answers to the questions customers
// ask, each versioned. A revision is a draft until an officer approves it; only approved
// answers are suggested for a customer's questionnaire; a retired answer is kept for the
// record and may be revised back into use. storage/answer_library.cc asks here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"

namespace accord::workflow::library_answer {

enum class State { kDraft, kApproved, kRetired };
enum class Action { kRevise, kApprove, kRetire };

inline constexpr State kStates[] = {State::kDraft, State::kApproved, State::kRetired};
inline constexpr Action kActions[] = {Action::kRevise, Action::kApprove, Action::kRetire};

std::string_view Name(State state);    // "draft", as stored
std::string_view Name(Action action);  // "approve", as the API names it
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

std::optional<State> Next(State state, Action action);
// "revise, approve", or "none (the answer is …)".
std::string PossibleActions(State state);

// Officers curate the library, signed in as themselves (never during break-glass).
std::optional<Error> RoleRefusal(std::string_view role, bool break_glass);

// What this caller may do now (the table ∩ the roles), in kActions order.
std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state);

}  // namespace accord::workflow::library_answer

namespace accord::workflow::customer_questionnaire {

// A customer's questionnaire we answer: open while officers confirm answers row by row,
// completed when every question has a confirmed answer, shared when the customer (with an
// NDA in force) may download it.
enum class State { kOpen, kCompleted, kShared };
enum class Action { kAnswer, kComplete, kReopen, kShare, kUnshare };

inline constexpr State kStates[] = {State::kOpen, State::kCompleted, State::kShared};
inline constexpr Action kActions[] = {Action::kAnswer, Action::kComplete, Action::kReopen,
                                      Action::kShare, Action::kUnshare};

std::string_view Name(State state);
std::string_view Name(Action action);
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

std::optional<State> Next(State state, Action action);
std::string PossibleActions(State state);

// Officers answer, complete and share, signed in as themselves; nobody else.
std::optional<Error> RoleRefusal(std::string_view role, bool break_glass);

std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state);

}  // namespace accord::workflow::customer_questionnaire
