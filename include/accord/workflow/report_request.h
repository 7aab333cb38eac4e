// The audit-report request workflow (IN-4) in one place. A request is received; linked to a
// customer or partner (link keeps it received), the NDA check follows at once: an executed
// NDA in force moves it to in_progress (nda_in_force), none sends an NDA link (require_nda →
// nda_sent). The requester accepts the NDA through its link (accept_nda → in_progress); an
// officer approves (a download link → approved) or rejects; the first download completes it;
// a new download link (reissue) makes it approved again; anyone of the workforce cancels it
// while it is not final. Which of these a person takes: link, send_nda, cancel — the
// workforce; approve, reject, reissue — the Security or Privacy Officer; accept_nda and
// download — the requester, through a link; nda_in_force and require_nda — nobody (they are
// the NDA check's outcome). Never during break-glass. storage/report_requests.cc loads a
// request, asks here, and appends the event.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"

namespace accord::workflow::report_request {

enum class State {
  kReceived,
  kNdaSent,
  kInProgress,
  kApproved,
  kCompleted,
  kRejected,
  kCancelled,
};
enum class Action {
  kLink,
  kSendNda,
  kApprove,
  kReject,
  kReissue,
  kCancel,
  kAcceptNda,
  kDownload,
  kNdaInForce,
  kRequireNda,
};

inline constexpr State kStates[] = {State::kReceived, State::kNdaSent,   State::kInProgress,
                                    State::kApproved, State::kCompleted, State::kRejected,
                                    State::kCancelled};
inline constexpr Action kActions[] = {Action::kLink,      Action::kSendNda,  Action::kApprove,
                                      Action::kReject,    Action::kReissue,  Action::kCancel,
                                      Action::kAcceptNda, Action::kDownload, Action::kNdaInForce,
                                      Action::kRequireNda};

std::string_view Name(State state);    // "nda_sent", as stored
std::string_view Name(Action action);  // "send_nda", as the API names it
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

// Who takes an action: the workforce or an officer (the API), the requester (a link), or
// the NDA check.
enum class Taker { kWorkforce, kDecider, kRequester, kNdaCheck };
Taker TakerOf(Action action);

// The state `action` leads to from `state`; nullopt where the table has no such move.
std::optional<State> Next(State state, Action action);
// The workforce's and officers' actions the table allows in `state` — the API's 409 lists
// them: "link, cancel", "reissue, cancel", or "none (final)".
std::string PossibleActions(State state);

// The roles that handle requests (link, send_nda, cancel) and that decide them (approve,
// reject, reissue), as the routes and storage/report_requests.cc fixed them.
const std::vector<std::string>& WorkforceRoles();
const std::vector<std::string>& DeciderRoles();

// By TakerOf: the workforce's actions need WorkforceRoles, the deciders' DeciderRoles, the
// requester's the role "requester" (the actor a link acts as), the NDA check's nobody's;
// never during break-glass. nullopt = allowed.
std::optional<Error> RoleRefusal(std::string_view role, bool break_glass, Action action);

// What this caller may do now to a request in `state` (the table ∩ the roles), in kActions
// order: what the portal shows as buttons. Report requests have no person rules.
std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state);

}  // namespace accord::workflow::report_request
