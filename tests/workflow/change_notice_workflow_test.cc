// The change-notice workflow's table and rules, walked exhaustively: every state × action,
// every role × action under a profile, break-glass, and what each caller may do now.
#include "accord/workflow/change_notice.h"

#include <gtest/gtest.h>

#include "workflow/walk.h"

#include <map>
#include <utility>

namespace accord::workflow::change_notice {
namespace {

using S = State;
using A = Action;

TEST(ChangeNoticeWorkflowTest, EveryStateAndActionFollowsTheTable) {
  const std::map<std::pair<S, A>, S> expected = {
      {{S::kUnderReview, A::kImplement}, S::kImplemented},
      {{S::kUnderReview, A::kWithdraw}, S::kWithdrawn},
      {{S::kUnderReview, A::kApprove}, S::kApproved},
      {{S::kApproved, A::kImplement}, S::kImplemented},
      {{S::kApproved, A::kWithdraw}, S::kWithdrawn},
  };
  walk::ExpectExactlyTheseMoves(kStates, kActions, expected, Next);
  EXPECT_EQ(PossibleActions(S::kUnderReview), "implemented, withdrawn, approve");
  EXPECT_EQ(PossibleActions(S::kApproved), "implemented, withdrawn");
  EXPECT_EQ(PossibleActions(S::kImplemented), "none (the change is implemented)");
  EXPECT_EQ(PossibleActions(S::kWithdrawn), "none (the change is withdrawn)");
}

TEST(ChangeNoticeWorkflowTest, NamesRoundTripAndAreTheApisWords) {
  for (S s : kStates) EXPECT_EQ(ParseState(Name(s)), s);
  for (A a : kActions) EXPECT_EQ(ParseAction(Name(a)), a);
  // The API's actions are past tense (what became of the change); they name the events too.
  EXPECT_EQ(ParseAction("implemented"), A::kImplement);
  EXPECT_EQ(ParseAction("withdrawn"), A::kWithdraw);
  EXPECT_FALSE(ParseAction("implement"));
  EXPECT_FALSE(ParseState("rejected"));
}

TEST(ChangeNoticeWorkflowTest, RolesComeFromTheProfileAndNobodyApprovesDirectly) {
  policy::ReviewsPolicy luma;  // open_roles: security_officer
  for (A a : kActions) {
    for (const char* role :
         {"security_officer", "privacy_officer", "staff", "auditor", "third_party_contact"}) {
      bool expect = a != A::kApprove && std::string(role) == "security_officer";
      auto no = RoleRefusal(luma, role, false, a);
      EXPECT_EQ(!no, expect) << role << " " << Name(a);
      if (no) {
        EXPECT_EQ(no->code, ErrorCode::kForbidden);
        EXPECT_EQ(no->details.at(0).field, a == A::kApprove ? "action" : "role");
      }
      auto glass = RoleRefusal(luma, role, true, a);
      ASSERT_TRUE(glass);
      EXPECT_NE(glass->message.find("break-glass"), std::string::npos);
    }
  }
  EXPECT_EQ(RoleRefusal(luma, "staff", false, A::kWithdraw)->message,
            "the profile lets only the Security Officer record what became of a change (TP-12)");
  policy::ReviewsPolicy staffed;
  staffed.open_roles = {"security_officer", "staff"};
  EXPECT_FALSE(RoleRefusal(staffed, "staff", false, A::kImplement));
  EXPECT_TRUE(RoleRefusal(staffed, "staff", false, A::kApprove));
}

TEST(ChangeNoticeWorkflowTest, AllowedActionsNeverOfferApprove) {
  using V = std::vector<A>;
  policy::ReviewsPolicy luma;
  EXPECT_EQ(AllowedActions(luma, "security_officer", false, S::kUnderReview),
            (V{A::kImplement, A::kWithdraw}));
  EXPECT_EQ(AllowedActions(luma, "security_officer", false, S::kApproved),
            (V{A::kImplement, A::kWithdraw}));
  EXPECT_TRUE(AllowedActions(luma, "security_officer", false, S::kImplemented).empty());
  EXPECT_TRUE(AllowedActions(luma, "security_officer", true, S::kUnderReview).empty());
  EXPECT_TRUE(AllowedActions(luma, "privacy_officer", false, S::kUnderReview).empty());
  EXPECT_TRUE(AllowedActions(luma, "third_party_contact", false, S::kUnderReview).empty());
}

}  // namespace
}  // namespace accord::workflow::change_notice
