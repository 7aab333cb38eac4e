// The entitlement-review line workflow, walked exhaustively: every state × action, every
// role × action under a profile, break-glass, a completed campaign, one's own account, and
// what each caller may do now.
#include "accord/workflow/entitlement_line.h"

#include <gtest/gtest.h>

#include "workflow/walk.h"

#include <map>
#include <utility>

namespace accord::workflow::entitlement_line {
namespace {

using S = State;
using A = Action;

TEST(EntitlementLineWorkflowTest, EveryStateAndActionFollowsTheTable) {
  const std::map<std::pair<S, A>, S> expected = {
      {{S::kUndecided, A::kCertify}, S::kCertified},
      {{S::kUndecided, A::kRevoke}, S::kRevoked},
  };
  walk::ExpectExactlyTheseMoves(kStates, kActions, expected, Next);
  EXPECT_EQ(PossibleActions(S::kUndecided), "certify, revoke");
  EXPECT_EQ(PossibleActions(S::kCertified), "none (the line is certified)");
  EXPECT_EQ(PossibleActions(S::kRevoked), "none (the line is revoked)");
}

TEST(EntitlementLineWorkflowTest, NamesRoundTripAndAreTheStoredDecisions) {
  for (S s : kStates) EXPECT_EQ(ParseState(Name(s)), s);
  for (A a : kActions) EXPECT_EQ(ParseAction(Name(a)), a);
  // A decided line stores the state's name; the API takes the action's.
  EXPECT_EQ(Name(*Next(S::kUndecided, A::kRevoke)), "revoked");
  EXPECT_EQ(Name(*Next(S::kUndecided, A::kCertify)), "certified");
  EXPECT_FALSE(ParseAction("approve"));
  EXPECT_FALSE(ParseAction("revoked"));
}

TEST(EntitlementLineWorkflowTest, OnlyTheProfilesReviewersDecideAndNeverDuringBreakGlass) {
  policy::IdentityPolicy luma;  // reviewer_roles: security_officer
  for (A a : kActions) {
    for (const char* role :
         {"security_officer", "privacy_officer", "staff", "auditor", "third_party_contact"}) {
      bool expect = std::string(role) == "security_officer";
      auto no = RoleRefusal(luma, role, false, a);
      EXPECT_EQ(!no, expect) << role << " " << Name(a);
      if (no) {
        EXPECT_EQ(no->code, ErrorCode::kForbidden);
        EXPECT_EQ(no->details.at(0).field, "role");
        EXPECT_EQ(no->message,
                  "the profile lets only the Security Officer review entitlements (TR-3)");
      }
      auto glass = RoleRefusal(luma, role, true, a);
      ASSERT_TRUE(glass);
      EXPECT_NE(glass->message.find("break-glass"), std::string::npos);
    }
  }
  policy::IdentityPolicy both;
  both.reviewer_roles = {"security_officer", "privacy_officer"};
  EXPECT_FALSE(ReviewerRefusal(both, "privacy_officer", false));
  EXPECT_TRUE(ReviewerRefusal(both, "staff", false));
}

TEST(EntitlementLineWorkflowTest, ACompletedCampaignAndOnesOwnAccountAreRefused) {
  Facts own{.review_id = "erv_1", .line_id = "l2", .line_kind = "user_role", .user_id = "usr_so"};
  for (A a : kActions) {
    auto no = PersonRefusal("usr_so", own, a);
    ASSERT_TRUE(no) << Name(a);
    EXPECT_EQ(no->code, ErrorCode::kConflict);
    EXPECT_EQ(no->details.at(0).field, "line_id");
    EXPECT_NE(no->message.find("line l2"), std::string::npos);
    EXPECT_FALSE(PersonRefusal("usr_other", own, a)) << Name(a);
  }
  Facts glass = own;
  glass.line_kind = "break_glass";
  EXPECT_TRUE(PersonRefusal("usr_so", glass, A::kCertify));
  // A grant line is a third party's access: its contact id is not the reviewer's account.
  Facts grant{.review_id = "erv_1", .line_id = "l3", .line_kind = "grant", .user_id = ""};
  EXPECT_FALSE(PersonRefusal("", grant, A::kRevoke));

  EXPECT_FALSE(CampaignRefusal(own));
  Facts done = own;
  done.campaign_completed = true;
  auto closed = CampaignRefusal(done);
  ASSERT_TRUE(closed);
  EXPECT_EQ(closed->code, ErrorCode::kConflict);
  EXPECT_EQ(closed->details.at(0).field, "status");
  EXPECT_EQ(closed->message, "entitlement review erv_1 is completed; it takes no more decisions");
}

TEST(EntitlementLineWorkflowTest, AllowedActionsForRepresentativeCallers) {
  using V = std::vector<A>;
  policy::IdentityPolicy luma;
  Facts staff_line{
      .review_id = "erv_1", .line_id = "l1", .line_kind = "user_role", .user_id = "usr_staff"};
  EXPECT_EQ(AllowedActions(luma, "security_officer", false, "usr_so", S::kUndecided, staff_line),
            (V{A::kCertify, A::kRevoke}));
  EXPECT_TRUE(
      AllowedActions(luma, "security_officer", false, "usr_so", S::kCertified, staff_line).empty());
  EXPECT_TRUE(
      AllowedActions(luma, "privacy_officer", false, "usr_po", S::kUndecided, staff_line).empty());
  EXPECT_TRUE(
      AllowedActions(luma, "security_officer", true, "usr_so", S::kUndecided, staff_line).empty());
  EXPECT_TRUE(
      AllowedActions(luma, "security_officer", false, "usr_staff", S::kUndecided, staff_line)
          .empty());
  Facts done = staff_line;
  done.campaign_completed = true;
  EXPECT_TRUE(
      AllowedActions(luma, "security_officer", false, "usr_so", S::kUndecided, done).empty());
}

}  // namespace
}  // namespace accord::workflow::entitlement_line
