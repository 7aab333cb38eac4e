// The due-diligence questionnaire workflow (TP-2, issue 28): sent to a party's contact, who
// saves drafts and submits; our reviewer records verdicts, asks follow-up questions (back to
// the party), and accepts or rejects — the decision becomes the party's due-diligence record.
// Who answers: the party's own contacts; who reviews: the profile's [reviews] open_roles,
// never during break-glass. storage/questionnaires.cc loads, asks here, and appends.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/profile.h"

namespace accord::workflow::questionnaire {

enum class State { kSent, kSubmitted, kFollowUp, kAccepted, kRejected };
enum class Action { kSave, kSubmit, kReview, kAsk, kAccept, kReject, kApplyTier };

inline constexpr State kStates[] = {State::kSent, State::kSubmitted, State::kFollowUp,
                                    State::kAccepted, State::kRejected};
inline constexpr Action kActions[] = {Action::kSave,     Action::kSubmit, Action::kReview,
                                      Action::kAsk,      Action::kAccept, Action::kReject,
                                      Action::kApplyTier};

std::string_view Name(State state);    // "follow_up", as stored
std::string_view Name(Action action);  // "apply_tier", as the API names it
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

std::optional<State> Next(State state, Action action);
// "submit, save", or "none (the questionnaire is accepted)".
std::string PossibleActions(State state);

// The party answers (save, submit); we review (the rest). nullopt = allowed.
bool PartyAction(Action action);
std::optional<Error> RoleRefusal(const policy::ReviewsPolicy& policy, std::string_view role,
                                 bool break_glass, Action action);

// What this caller may do now (the table ∩ the roles), in kActions order.
std::vector<Action> AllowedActions(const policy::ReviewsPolicy& policy, std::string_view role,
                                   bool break_glass, State state);

}  // namespace accord::workflow::questionnaire
