// The finding workflow's table and rules, walked exhaustively: every state × action, every
// role × action, break-glass, and what each caller may do now.
#include "accord/workflow/finding.h"

#include <gtest/gtest.h>

#include "workflow/walk.h"

#include <map>
#include <utility>

namespace accord::workflow::finding {
namespace {

using S = State;
using A = Action;

TEST(FindingWorkflowTest, EveryStateAndActionFollowsTheTable) {
  // The expected moves, written out; every pair not listed must be refused.
  const std::map<std::pair<S, A>, S> expected = {
      {{S::kOpen, A::kAssign}, S::kOpen},
      {{S::kOpen, A::kResolve}, S::kResolved},
      {{S::kOpen, A::kAcceptRisk}, S::kAcceptanceRequested},
      {{S::kAcceptanceRequested, A::kAssign}, S::kAcceptanceRequested},
      {{S::kAcceptanceRequested, A::kApproveRisk}, S::kRiskAccepted},
      {{S::kAcceptanceRequested, A::kDeclineRisk}, S::kOpen},
      {{S::kResolved, A::kReopen}, S::kOpen},
      {{S::kRiskAccepted, A::kReopen}, S::kOpen},
      {{S::kRiskAccepted, A::kExpireAcceptance}, S::kOpen},
  };
  walk::ExpectExactlyTheseMoves(kStates, kActions, expected, Next);
  // The 409's words name what a person may do (the scheduler's expiry is not theirs).
  EXPECT_EQ(PossibleActions(S::kOpen), "assign, resolve, accept_risk");
  EXPECT_EQ(PossibleActions(S::kAcceptanceRequested), "assign, approve_risk, decline_risk");
  EXPECT_EQ(PossibleActions(S::kResolved), "reopen");
  EXPECT_EQ(PossibleActions(S::kRiskAccepted), "reopen");
  EXPECT_TRUE(IsOpen("open"));
  EXPECT_TRUE(IsOpen("acceptance_requested"));
  EXPECT_FALSE(IsOpen("risk_accepted"));
  EXPECT_FALSE(IsOpen("resolved"));
}

TEST(FindingWorkflowTest, NamesRoundTripAndUnknownNamesAreRefused) {
  for (S s : kStates) EXPECT_EQ(ParseState(Name(s)), s);
  for (A a : kActions) EXPECT_EQ(ParseAction(Name(a)), a);
  EXPECT_EQ(Name(S::kRiskAccepted), "risk_accepted");
  EXPECT_EQ(Name(A::kAcceptRisk), "accept_risk");
  EXPECT_FALSE(ParseState("closed"));
  EXPECT_FALSE(ParseAction("close"));
  EXPECT_FALSE(ParseAction(""));
  const std::map<A, std::string> verbs = {{A::kAssign, "assigned"},
                                          {A::kResolve, "resolved"},
                                          {A::kAcceptRisk, "risk_acceptance_requested"},
                                          {A::kApproveRisk, "risk_accepted"},
                                          {A::kDeclineRisk, "risk_acceptance_declined"},
                                          {A::kReopen, "reopened"},
                                          {A::kExpireAcceptance, "risk_acceptance_expired"}};
  for (A a : kActions) EXPECT_EQ(EventVerb(a), verbs.at(a));
}

TEST(FindingWorkflowTest, OnlyOfficersSignedInAsThemselvesManageFindings) {
  for (A a : kActions) {
    if (a == A::kExpireAcceptance) {
      for (const char* role : {"security_officer", "privacy_officer", "staff"}) {
        auto no = RoleRefusal(role, false, a);
        ASSERT_TRUE(no) << role << ": the scheduler's alone";
        EXPECT_EQ(no->details.at(0).field, "action");
      }
      continue;
    }
    for (const char* role :
         {"security_officer", "privacy_officer", "staff", "auditor", "third_party_contact"}) {
      bool officer = std::string(role).ends_with("_officer");
      auto no = RoleRefusal(role, false, a);
      EXPECT_EQ(!no, officer) << role << " " << Name(a);
      if (no) {
        EXPECT_EQ(no->code, ErrorCode::kForbidden);
        EXPECT_EQ(no->details.at(0).field, "role");
        EXPECT_EQ(
            no->message,
            "the profile lets only the Security Officer or the Privacy Officer manage findings "
            "(TP-12)");
      }
      auto glass = RoleRefusal(role, true, a);
      ASSERT_TRUE(glass) << role << " " << Name(a);
      EXPECT_NE(glass->message.find("break-glass"), std::string::npos);
    }
  }
}

TEST(FindingWorkflowTest, AllowedActionsAreTheTableForOfficersAndNothingForOthers) {
  using V = std::vector<A>;
  EXPECT_EQ(AllowedActions("security_officer", false, S::kOpen),
            (V{A::kAssign, A::kResolve, A::kAcceptRisk}));
  EXPECT_EQ(AllowedActions("privacy_officer", false, S::kResolved), V{A::kReopen});
  EXPECT_EQ(AllowedActions("privacy_officer", false, S::kRiskAccepted), V{A::kReopen});
  EXPECT_TRUE(AllowedActions("security_officer", true, S::kOpen).empty());
  EXPECT_TRUE(AllowedActions("staff", false, S::kOpen).empty());
  EXPECT_TRUE(AllowedActions("auditor", false, S::kResolved).empty());
}

TEST(FindingWorkflowTest, WhoAskedToAcceptARiskDoesNotApproveIt) {
  using V = std::vector<A>;
  EXPECT_EQ(AllowedActions("security_officer", false, S::kAcceptanceRequested, "usr_a", "usr_a"),
            (V{A::kAssign, A::kDeclineRisk}));
  EXPECT_EQ(AllowedActions("privacy_officer", false, S::kAcceptanceRequested, "usr_b", "usr_a"),
            (V{A::kAssign, A::kApproveRisk, A::kDeclineRisk}));
  EXPECT_EQ(
      AllowedActions("security_officer", false, S::kAcceptanceRequested, "usr_a", "usr_a", true),
      (V{A::kAssign, A::kApproveRisk, A::kDeclineRisk}));
  auto no = PersonRefusal("usr_a", "usr_a", A::kApproveRisk, false);
  ASSERT_TRUE(no);
  EXPECT_EQ(no->code, ErrorCode::kForbidden);
  EXPECT_EQ(no->details.at(0).field, "risk_acceptance.requested_by");
  EXPECT_FALSE(PersonRefusal("usr_a", "usr_a", A::kDeclineRisk, false)) << "withdrawing is fine";
  EXPECT_FALSE(PersonRefusal("usr_b", "usr_a", A::kApproveRisk, false));
  EXPECT_FALSE(PersonRefusal("usr_a", "usr_a", A::kApproveRisk, true));
}

}  // namespace
}  // namespace accord::workflow::finding
