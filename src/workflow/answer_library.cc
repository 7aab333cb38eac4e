#include "accord/workflow/answer_library.h"

#include "accord/workflow/rules.h"
#include "accord/workflow/table.h"

namespace accord::workflow {
namespace {

std::optional<Error> OfficersOnly(std::string_view role, bool break_glass,
                                  const std::string& what) {
  if (break_glass) {
    return Error{
        ErrorCode::kForbidden, "not during break-glass: " + what + " signed in as yourself", {}};
  }
  if (role == "security_officer" || role == "privacy_officer") return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "only the Security Officer or the Privacy Officer " + what,
               {{"role", "is " + std::string(role), {}}}};
}

}  // namespace

namespace library_answer {
namespace {

constexpr workflow::Move<State, Action> kTable[] = {
    {State::kDraft, Action::kRevise, State::kDraft},
    {State::kApproved, Action::kRevise, State::kDraft},
    {State::kRetired, Action::kRevise, State::kDraft},
    {State::kDraft, Action::kApprove, State::kApproved},
    {State::kDraft, Action::kRetire, State::kRetired},
    {State::kApproved, Action::kRetire, State::kRetired},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kDraft:
      return "draft";
    case State::kApproved:
      return "approved";
    case State::kRetired:
      return "retired";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kRevise:
      return "revise";
    case Action::kApprove:
      return "approve";
    case Action::kRetire:
      return "retire";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

ACCORD_WORKFLOW_POSSIBLE_ACTIONS("answer")

std::optional<Error> RoleRefusal(std::string_view role, bool break_glass) {
  return OfficersOnly(role, break_glass, "curate the answer library");
}

std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state) {
  return ActionsWhere(kActions,
                      [&](Action a) { return Next(state, a) && !RoleRefusal(role, break_glass); });
}

}  // namespace library_answer

namespace customer_questionnaire {
namespace {

constexpr workflow::Move<State, Action> kTable[] = {
    {State::kOpen, Action::kAnswer, State::kOpen},
    {State::kOpen, Action::kComplete, State::kCompleted},
    {State::kCompleted, Action::kReopen, State::kOpen},
    {State::kShared, Action::kReopen, State::kOpen},
    {State::kCompleted, Action::kShare, State::kShared},
    {State::kShared, Action::kUnshare, State::kCompleted},
};

}  // namespace

std::string_view Name(State state) {
  switch (state) {
    case State::kOpen:
      return "open";
    case State::kCompleted:
      return "completed";
    case State::kShared:
      return "shared";
  }
  return "";
}

std::string_view Name(Action action) {
  switch (action) {
    case Action::kAnswer:
      return "answer";
    case Action::kComplete:
      return "complete";
    case Action::kReopen:
      return "reopen";
    case Action::kShare:
      return "share";
    case Action::kUnshare:
      return "unshare";
  }
  return "";
}

ACCORD_WORKFLOW_LOOKUPS()

ACCORD_WORKFLOW_POSSIBLE_ACTIONS("questionnaire")

std::optional<Error> RoleRefusal(std::string_view role, bool break_glass) {
  return OfficersOnly(role, break_glass, "answer customers' questionnaires");
}

std::vector<Action> AllowedActions(std::string_view role, bool break_glass, State state) {
  return ActionsWhere(kActions,
                      [&](Action a) { return Next(state, a) && !RoleRefusal(role, break_glass); });
}

}  // namespace customer_questionnaire
}  // namespace accord::workflow
