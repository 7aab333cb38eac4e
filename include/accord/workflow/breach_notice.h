// The notice to one covered entity after a breach (TR-8, 45 CFR 164.410): due until it is sent
// (by Accord's email, or recorded as sent another way); the Secure Message carrying the list of
// individuals may be linked before or after. Overdue, the scheduler escalates it once (a move
// nobody takes by hand). Who acts: the Security Officer and the Privacy Officer, never during
// break-glass. storage/breaches.cc loads a notice, asks here and appends the event.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"

namespace accord::workflow::breach_notice {

enum class State { kDue, kSent };
enum class Action { kSend, kRecordSent, kLinkList, kEscalate };

inline constexpr State kStates[] = {State::kDue, State::kSent};
inline constexpr Action kActions[] = {Action::kSend, Action::kRecordSent, Action::kLinkList,
                                      Action::kEscalate};

std::string_view Name(State state);    // "due", as stored
std::string_view Name(Action action);  // "record_sent", as the API names it
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);
std::optional<State> Next(State state, Action action);
// "send, record_sent, link_list", or "none (the notice is sent)".
std::string PossibleActions(State state);
// The event's verb: "sent", "sent_recorded", "list_linked", "escalated".
std::string_view EventVerb(Action action);

// Officers only; escalate is the scheduler's (refused to people). nullopt = allowed.
std::optional<Error> RoleRefusal(std::string_view role, bool break_glass, Action action);

// What this caller may do now (the table ∩ the roles), in kActions order.
std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state);

}  // namespace accord::workflow::breach_notice
