#include "accord/workflow/report_request.h"

#include "accord/domain/roles.h"
#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow::report_request {
namespace {

constexpr workflow::Move<State, Action> kTable[] = {
    {State::kReceived, Action::kLink, State::kReceived},  // the NDA check follows at once
    {State::kReceived, Action::kCancel, State::kCancelled},
    {State::kReceived, Action::kNdaInForce, State::kInProgress},
    {State::kReceived, Action::kRequireNda, State::kNdaSent},
    {State::kNdaSent, Action::kSendNda, State::kNdaSent},  // a new link, the old one revoked
    {State::kNdaSent, Action::kCancel, State::kCancelled},
    {State::kNdaSent, Action::kAcceptNda, State::kInProgress},
    {State::kInProgress, Action::kApprove, State::kApproved},
    {State::kInProgress, Action::kReject, State::kRejected},
    {State::kInProgress, Action::kCancel, State::kCancelled},
    {State::kApproved, Action::kReissue, State::kApproved},
    {State::kApproved, Action::kCancel, State::kCancelled},
    {State::kApproved, Action::kDownload, State::kCompleted},
    {State::kCompleted, Action::kReissue, State::kApproved},
    {State::kCompleted, Action::kCancel, State::kCancelled},
    {State::kCompleted, Action::kDownload, State::kCompleted},  // the link's later uses
};

bool ByStaff(Action a) {
  Taker t = TakerOf(a);
  return t == Taker::kWorkforce || t == Taker::kDecider;
}

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kReceived:
      return "received";
    case State::kNdaSent:
      return "nda_sent";
    case State::kInProgress:
      return "in_progress";
    case State::kApproved:
      return "approved";
    case State::kCompleted:
      return "completed";
    case State::kRejected:
      return "rejected";
    case State::kCancelled:
      return "cancelled";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kLink:
      return "link";
    case Action::kSendNda:
      return "send_nda";
    case Action::kApprove:
      return "approve";
    case Action::kReject:
      return "reject";
    case Action::kReissue:
      return "reissue";
    case Action::kCancel:
      return "cancel";
    case Action::kAcceptNda:
      return "accept_nda";
    case Action::kDownload:
      return "download";
    case Action::kNdaInForce:
      return "nda_in_force";
    case Action::kRequireNda:
      return "require_nda";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

Taker TakerOf(Action action) {
  switch (action) {
    case Action::kLink:
    case Action::kSendNda:
    case Action::kCancel:
      return Taker::kWorkforce;
    case Action::kApprove:
    case Action::kReject:
    case Action::kReissue:
      return Taker::kDecider;
    case Action::kAcceptNda:
    case Action::kDownload:
      return Taker::kRequester;
    case Action::kNdaInForce:
    case Action::kRequireNda:
      return Taker::kNdaCheck;
  }
  return Taker::kNdaCheck;
}

std::string PossibleActions(State state) {
  std::string out = JoinWhere(
      kActions, [state](Action a) { return ByStaff(a) && Next(state, a).has_value(); },
      [](Action a) { return Name(a); });
  return out.empty() ? "none (final)" : out;
}

const std::vector<std::string>& WorkforceRoles() {
  static const std::vector<std::string> kRoles = domain::kWorkforce;
  return kRoles;
}

const std::vector<std::string>& DeciderRoles() {
  static const std::vector<std::string> kRoles = domain::kOfficers;
  return kRoles;
}

std::optional<Error> RoleRefusal(std::string_view role, bool break_glass, Action action) {
  if (break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: audit-report requests are handled signed in as "
                 "yourself",
                 {}};
  }
  switch (TakerOf(action)) {
    case Taker::kWorkforce:
      if (RoleIn(WorkforceRoles(), role)) return std::nullopt;
      return Error{ErrorCode::kForbidden,
                   "only the workforce handles audit-report requests (IN-4)",
                   {{"role", "is " + std::string(role), {}}}};
    case Taker::kDecider:
      if (RoleIn(DeciderRoles(), role)) return std::nullopt;
      return Error{ErrorCode::kForbidden,
                   "only the Security Officer or the Privacy Officer decides on audit-report "
                   "requests (IN-4)",
                   {{"role", "is " + std::string(role), {}}}};
    case Taker::kRequester:
      if (role == "requester") return std::nullopt;
      return Error{ErrorCode::kForbidden,
                   std::string(Name(action)) +
                       " is the requester's, through the link they were "
                       "sent",
                   {{"action", "is the requester's", {}}}};
    case Taker::kNdaCheck:
      break;
  }
  return Error{ErrorCode::kForbidden,
               std::string(Name(action)) + " is the NDA check's outcome, not an action",
               {{"action", "follows link", {}}}};
}

std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state) {
  return ActionsWhere(
      kActions, [&](Action a) { return Next(state, a) && !RoleRefusal(role, break_glass, a); });
}

}  // namespace accord::workflow::report_request
