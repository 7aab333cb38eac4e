// The change-request workflow (TR-5) in one place: a change to one of our own systems is
// submitted with its description, systems, risk and backout plan; tested in a lower
// environment; peer reviewed; approved by management (the profile's [changes] approver_roles);
// released; and checked after release (verified, or backed out). An emergency change is
// released first and reviewed and approved afterwards, within the profile's window.
// Separation of duties: author, reviewer, approver and releaser are four people unless the
// profile's [separation] allow_self_approval relaxes a duty (change.review, change.approve,
// change.release). Pure: storage/change_requests.cc loads a request, asks here, appends.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/changes_profile.h"
#include "accord/policy/profile.h"

namespace accord::workflow::change_request {

enum class State {
  kSubmitted,
  kTested,
  kReviewed,
  kApproved,
  kReleased,
  kClosed,
  kBackedOut,
  kRejected,
  kWithdrawn,
  kEmergencyReleased,  // released first; its review and approval are owed
  kEmergencyReviewed,  // released and reviewed; its approval is owed
};
enum class Action {
  kRecordTests,
  kReview,
  kApprove,
  kRelease,
  kVerify,
  kBackOut,
  kReject,
  kWithdraw,
};

inline constexpr State kStates[] = {
    State::kSubmitted,         State::kTested,           State::kReviewed,
    State::kApproved,          State::kReleased,         State::kClosed,
    State::kBackedOut,         State::kRejected,         State::kWithdrawn,
    State::kEmergencyReleased, State::kEmergencyReviewed};
inline constexpr Action kActions[] = {Action::kRecordTests, Action::kReview,  Action::kApprove,
                                      Action::kRelease,     Action::kVerify,  Action::kBackOut,
                                      Action::kReject,      Action::kWithdraw};

std::string_view Name(State state);    // "submitted", as stored
std::string_view Name(Action action);  // "record_tests", as the API names it
// The event's verb: change_request.<verb> ("tests_recorded", "reviewed" …).
std::string_view EventVerb(Action action);
std::optional<State> ParseState(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);

// The state `action` leads to; an emergency change also has the release-first moves.
std::optional<State> Next(State state, Action action, bool emergency);
// "review, reject, withdraw", or "none (the change request is closed)".
std::string PossibleActions(State state, bool emergency);

// The four duties and who holds them so far (account ids; "" = not yet).
struct Duties {
  std::string author;
  std::string reviewer;
  std::string approver;
  std::string releaser;
};

struct Caller {
  std::string id;
  std::string role;
  bool break_glass = false;
};

// approve: the profile's [changes] approver_roles; everything else: the workforce (the
// routes admit only it); nothing during break-glass. nullopt = allowed.
std::optional<Error> RoleRefusal(const policy::ChangesPolicy& policy, const Caller& caller,
                                 Action action);

// The [separation] action that relaxes the duty `action` fills ("change.review" …), or ""
// for actions that fill no duty.
std::string_view SeparationAction(Action action);

// Which other duty holders the caller also is, for an action that fills a duty: "author",
// "reviewer" … (empty: no conflict).
std::vector<std::string> DutyConflicts(const Duties& duties, const std::string& actor_id,
                                       Action action);

// Separation of duties and the author's own rights: 403 naming the rule, unless the profile's
// [separation] allow_self_approval relaxes that duty; withdraw is the author's (or
// management's). nullopt = allowed.
std::optional<Error> PersonRefusal(const policy::ChangesPolicy& changes,
                                   const policy::SeparationPolicy& separation, const Caller& caller,
                                   const Duties& duties, Action action);

// What this caller may do now (the table ∩ the roles ∩ the person rules), in kActions order.
std::vector<Action> AllowedActions(const policy::ChangesPolicy& changes,
                                   const policy::SeparationPolicy& separation, const Caller& caller,
                                   State state, bool emergency, const Duties& duties);

// True in the states where an emergency change's retrospective review is still owed.
bool AwaitsRetrospective(State state);

}  // namespace accord::workflow::change_request
