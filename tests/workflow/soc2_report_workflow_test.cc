// The SOC 2 report workflow's table and rules, walked exhaustively: every state × action,
// every role under a profile, break-glass, submission, and what each caller may do now.
#include "accord/workflow/soc2_report.h"

#include <gtest/gtest.h>

#include "workflow/walk.h"

#include <map>
#include <utility>

namespace accord::workflow::soc2_report {
namespace {

using S = State;
using A = Action;

const char* const kRoles[] = {"security_officer", "privacy_officer", "staff", "auditor",
                              "third_party_contact"};

TEST(Soc2ReportWorkflowTest, EveryStateAndActionFollowsTheTable) {
  const std::map<std::pair<S, A>, S> expected = {{{S::kSubmitted, A::kReview}, S::kReviewed}};
  walk::ExpectExactlyTheseMoves(kStates, kActions, expected, Next);
  EXPECT_EQ(PossibleActions(S::kSubmitted), "review");
  EXPECT_EQ(PossibleActions(S::kReviewed), "none (the report is reviewed)");
}

TEST(Soc2ReportWorkflowTest, NamesRoundTripAndAnOldReportIsReviewed) {
  for (S s : kStates) EXPECT_EQ(ParseState(Name(s)), s);
  for (A a : kActions) EXPECT_EQ(ParseAction(Name(a)), a);
  EXPECT_FALSE(ParseState("approved"));
  // Reports recorded before they had a status were recorded with their review.
  EXPECT_EQ(StateOf(""), S::kReviewed);
  EXPECT_EQ(StateOf("submitted"), S::kSubmitted);
}

TEST(Soc2ReportWorkflowTest, TheOpenRolesReviewAndAPartySubmitsItsOwn) {
  policy::ReviewsPolicy luma;  // open_roles: security_officer
  for (const char* role : kRoles) {
    bool officer = std::string(role) == "security_officer";
    auto no = RoleRefusal(luma, role, false, A::kReview);
    EXPECT_EQ(!no, officer) << role;
    if (no) {
      EXPECT_EQ(no->code, ErrorCode::kForbidden);
      EXPECT_EQ(no->details.at(0).field, "role");
    }
    auto glass = RoleRefusal(luma, role, true, A::kReview);
    ASSERT_TRUE(glass);
    EXPECT_NE(glass->message.find("break-glass"), std::string::npos);
    bool submits = officer || std::string(role) == "third_party_contact";
    EXPECT_EQ(!SubmitRefusal(luma, role, false), submits) << role;
  }
  EXPECT_TRUE(SubmitRefusal(luma, "security_officer", true));
  policy::ReviewsPolicy staffed;
  staffed.open_roles = {"security_officer", "staff"};
  EXPECT_FALSE(RoleRefusal(staffed, "staff", false, A::kReview));
  EXPECT_FALSE(SubmitRefusal(staffed, "staff", false));
}

TEST(Soc2ReportWorkflowTest, AllowedActionsOfferReviewOnlyWhileSubmitted) {
  using V = std::vector<A>;
  policy::ReviewsPolicy luma;
  EXPECT_EQ(AllowedActions(luma, "security_officer", false, S::kSubmitted), (V{A::kReview}));
  EXPECT_TRUE(AllowedActions(luma, "security_officer", false, S::kReviewed).empty());
  EXPECT_TRUE(AllowedActions(luma, "security_officer", true, S::kSubmitted).empty());
  EXPECT_TRUE(AllowedActions(luma, "third_party_contact", false, S::kSubmitted).empty());
  EXPECT_TRUE(AllowedActions(luma, "auditor", false, S::kSubmitted).empty());
}

}  // namespace
}  // namespace accord::workflow::soc2_report
