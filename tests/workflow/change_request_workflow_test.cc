// The change-request workflow (TR-5), walked exhaustively: every state × action for a normal
// and an emergency change, the roles, separation of duties (strict and relaxed), and what each
// caller may do now.
#include "accord/workflow/change_request.h"

#include <gtest/gtest.h>

#include "workflow/walk.h"

#include <map>
#include <utility>

namespace accord::workflow::change_request {
namespace {

using S = State;
using A = Action;

const std::map<std::pair<S, A>, S> kNormal = {
    {{S::kSubmitted, A::kRecordTests}, S::kTested}, {{S::kTested, A::kRecordTests}, S::kTested},
    {{S::kTested, A::kReview}, S::kReviewed},       {{S::kReviewed, A::kApprove}, S::kApproved},
    {{S::kApproved, A::kRelease}, S::kReleased},    {{S::kReleased, A::kVerify}, S::kClosed},
    {{S::kReleased, A::kBackOut}, S::kBackedOut},   {{S::kSubmitted, A::kReject}, S::kRejected},
    {{S::kTested, A::kReject}, S::kRejected},       {{S::kReviewed, A::kReject}, S::kRejected},
    {{S::kSubmitted, A::kWithdraw}, S::kWithdrawn}, {{S::kTested, A::kWithdraw}, S::kWithdrawn},
    {{S::kReviewed, A::kWithdraw}, S::kWithdrawn},  {{S::kApproved, A::kWithdraw}, S::kWithdrawn},
};

TEST(ChangeRequestWorkflowTest, ANormalChangeIsTestedReviewedApprovedThenReleased) {
  walk::ExpectExactlyTheseMoves(kStates, kActions, kNormal,
                                [](S s, A a) { return Next(s, a, false); });
  EXPECT_EQ(PossibleActions(S::kSubmitted, false), "record_tests, reject, withdraw");
  EXPECT_EQ(PossibleActions(S::kClosed, false), "none (the change request is closed)");
}

TEST(ChangeRequestWorkflowTest, AnEmergencyChangeIsReleasedFirstAndReviewedAfter) {
  auto emergency = kNormal;
  emergency[{S::kSubmitted, A::kRelease}] = S::kEmergencyReleased;
  emergency[{S::kTested, A::kRelease}] = S::kEmergencyReleased;
  emergency[{S::kEmergencyReleased, A::kRecordTests}] = S::kEmergencyReleased;
  emergency[{S::kEmergencyReleased, A::kReview}] = S::kEmergencyReviewed;
  emergency[{S::kEmergencyReviewed, A::kApprove}] = S::kReleased;
  emergency[{S::kEmergencyReleased, A::kBackOut}] = S::kBackedOut;
  emergency[{S::kEmergencyReviewed, A::kBackOut}] = S::kBackedOut;
  walk::ExpectExactlyTheseMoves(kStates, kActions, emergency,
                                [](S s, A a) { return Next(s, a, true); });
  EXPECT_TRUE(AwaitsRetrospective(S::kEmergencyReleased));
  EXPECT_TRUE(AwaitsRetrospective(S::kEmergencyReviewed));
  EXPECT_FALSE(AwaitsRetrospective(S::kReleased));
}

TEST(ChangeRequestWorkflowTest, NamesRoundTrip) {
  for (S s : kStates) EXPECT_EQ(ParseState(Name(s)), s);
  for (A a : kActions) {
    EXPECT_EQ(ParseAction(Name(a)), a);
    EXPECT_FALSE(EventVerb(a).empty());
  }
  EXPECT_EQ(EventVerb(A::kRecordTests), "tests_recorded");
  EXPECT_FALSE(ParseAction("implemented"));
}

TEST(ChangeRequestWorkflowTest, ManagementIsTheProfilesApproverRoles) {
  policy::ChangesPolicy changes;  // approver_roles: security_officer
  for (A a : kActions) {
    for (const char* role :
         {"security_officer", "privacy_officer", "staff", "auditor", "third_party_contact"}) {
      std::string r = role;
      bool workforce = r != "auditor" && r != "third_party_contact";
      bool expect = workforce && (a != A::kApprove || r == "security_officer");
      EXPECT_EQ(!RoleRefusal(changes, {"usr_x", r, false}, a), expect) << r << " " << Name(a);
      auto glass = RoleRefusal(changes, {"usr_x", r, true}, a);
      ASSERT_TRUE(glass);
      EXPECT_NE(glass->message.find("break-glass"), std::string::npos);
    }
  }
  changes.approver_roles = {"privacy_officer"};
  EXPECT_FALSE(RoleRefusal(changes, {"usr_x", "privacy_officer", false}, A::kApprove));
  auto no = RoleRefusal(changes, {"usr_x", "security_officer", false}, A::kApprove);
  ASSERT_TRUE(no);
  EXPECT_EQ(no->details.at(0).field, "role");
}

TEST(ChangeRequestWorkflowTest, AuthorReviewerApproverAndReleaserAreFourPeople) {
  policy::ChangesPolicy changes;
  policy::SeparationPolicy strict;
  Duties d{.author = "usr_a", .reviewer = "usr_r", .approver = "usr_p", .releaser = ""};
  auto refuse = [&](const std::string& who, A a) {
    return PersonRefusal(changes, strict, {who, "security_officer", false}, d, a);
  };
  // The author reviews nothing of their own; the reviewer does not approve; nobody who held
  // a duty releases.
  auto no = refuse("usr_a", A::kReview);
  ASSERT_TRUE(no);
  EXPECT_EQ(no->code, ErrorCode::kForbidden);
  EXPECT_NE(no->message.find("change.review"), std::string::npos) << no->message;
  EXPECT_EQ(no->details.at(0).field, "author");
  EXPECT_EQ(refuse("usr_r", A::kApprove)->details.at(0).field, "reviewer");
  EXPECT_EQ(refuse("usr_a", A::kApprove)->details.at(0).field, "author");
  for (const char* who : {"usr_a", "usr_r", "usr_p"}) EXPECT_TRUE(refuse(who, A::kRelease)) << who;
  EXPECT_FALSE(refuse("usr_x", A::kRelease));
  EXPECT_FALSE(refuse("usr_x", A::kReview));
  // Steps that fill no duty have no such rule: the author records tests and verifies.
  EXPECT_FALSE(refuse("usr_a", A::kRecordTests));
  EXPECT_FALSE(refuse("usr_a", A::kVerify));
  // Withdrawing is the author's (or management's).
  EXPECT_FALSE(PersonRefusal(changes, strict, {"usr_a", "staff", false}, d, A::kWithdraw));
  EXPECT_TRUE(PersonRefusal(changes, strict, {"usr_z", "staff", false}, d, A::kWithdraw));
  EXPECT_FALSE(
      PersonRefusal(changes, strict, {"usr_z", "security_officer", false}, d, A::kWithdraw));
}

TEST(ChangeRequestWorkflowTest, AProfileMayRelaxADutyForASmallTeam) {
  policy::ChangesPolicy changes;
  policy::SeparationPolicy small{.allow_self_approval = {"change.release"}};
  Duties d{.author = "usr_a", .reviewer = "usr_r", .approver = "usr_p"};
  Caller author{"usr_a", "security_officer", false};
  EXPECT_FALSE(PersonRefusal(changes, small, author, d, A::kRelease));
  EXPECT_EQ(DutyConflicts(d, "usr_a", A::kRelease), std::vector<std::string>{"author"});
  // Only that duty: the author still may not review.
  EXPECT_TRUE(PersonRefusal(changes, small, author, d, A::kReview));
}

TEST(ChangeRequestWorkflowTest, AllowedActionsAreTheTableTheRolesAndThePeople) {
  policy::ChangesPolicy changes;
  policy::SeparationPolicy strict;
  Duties d{.author = "usr_a"};
  auto allowed = [&](const Caller& c, S s, bool emergency = false) {
    return AllowedActions(changes, strict, c, s, emergency, d);
  };
  Caller author{"usr_a", "staff", false};
  Caller peer{"usr_b", "staff", false};
  Caller officer{"usr_c", "security_officer", false};
  EXPECT_EQ(allowed(author, S::kTested),
            (std::vector<A>{A::kRecordTests, A::kReject, A::kWithdraw}));
  EXPECT_EQ(allowed(peer, S::kTested), (std::vector<A>{A::kRecordTests, A::kReview, A::kReject}));
  d.reviewer = "usr_b";
  EXPECT_EQ(allowed(peer, S::kReviewed), (std::vector<A>{A::kReject}));
  EXPECT_EQ(allowed(officer, S::kReviewed),
            (std::vector<A>{A::kApprove, A::kReject, A::kWithdraw}));
  d = Duties{.author = "usr_a"};
  EXPECT_EQ(allowed(peer, S::kSubmitted, true),
            (std::vector<A>{A::kRecordTests, A::kRelease, A::kReject}));
  EXPECT_TRUE(allowed({"usr_d", "auditor", false}, S::kTested).empty());
}

}  // namespace
}  // namespace accord::workflow::change_request
