// The audit-report request workflow, walked exhaustively: every state × action, who takes
// each action (workforce, officers, the requester, the NDA check), break-glass, and what
// each caller may do now.
#include "accord/workflow/report_request.h"

#include <gtest/gtest.h>

#include "workflow/walk.h"

#include <map>
#include <utility>

namespace accord::workflow::report_request {
namespace {

using S = State;
using A = Action;

TEST(ReportRequestWorkflowTest, EveryStateAndActionFollowsTheTable) {
  const std::map<std::pair<S, A>, S> expected = {
      {{S::kReceived, A::kLink}, S::kReceived},
      {{S::kReceived, A::kCancel}, S::kCancelled},
      {{S::kReceived, A::kNdaInForce}, S::kInProgress},
      {{S::kReceived, A::kRequireNda}, S::kNdaSent},
      {{S::kNdaSent, A::kSendNda}, S::kNdaSent},
      {{S::kNdaSent, A::kCancel}, S::kCancelled},
      {{S::kNdaSent, A::kAcceptNda}, S::kInProgress},
      {{S::kInProgress, A::kApprove}, S::kApproved},
      {{S::kInProgress, A::kReject}, S::kRejected},
      {{S::kInProgress, A::kCancel}, S::kCancelled},
      {{S::kApproved, A::kReissue}, S::kApproved},
      {{S::kApproved, A::kCancel}, S::kCancelled},
      {{S::kApproved, A::kDownload}, S::kCompleted},
      {{S::kCompleted, A::kReissue}, S::kApproved},
      {{S::kCompleted, A::kCancel}, S::kCancelled},
      {{S::kCompleted, A::kDownload}, S::kCompleted},
  };
  walk::ExpectExactlyTheseMoves(kStates, kActions, expected, Next);
  // The 409's words, as storage/report_requests.cc has always said them: staff actions only.
  EXPECT_EQ(PossibleActions(S::kReceived), "link, cancel");
  EXPECT_EQ(PossibleActions(S::kNdaSent), "send_nda, cancel");
  EXPECT_EQ(PossibleActions(S::kInProgress), "approve, reject, cancel");
  EXPECT_EQ(PossibleActions(S::kApproved), "reissue, cancel");
  EXPECT_EQ(PossibleActions(S::kCompleted), "reissue, cancel");
  EXPECT_EQ(PossibleActions(S::kRejected), "none (final)");
  EXPECT_EQ(PossibleActions(S::kCancelled), "none (final)");
}

TEST(ReportRequestWorkflowTest, NamesRoundTripAndEveryActionHasOneTaker) {
  for (S s : kStates) EXPECT_EQ(ParseState(Name(s)), s);
  for (A a : kActions) EXPECT_EQ(ParseAction(Name(a)), a);
  EXPECT_FALSE(ParseState("open"));
  EXPECT_FALSE(ParseAction("approved"));
  const std::map<A, Taker> takers = {
      {A::kLink, Taker::kWorkforce},      {A::kSendNda, Taker::kWorkforce},
      {A::kCancel, Taker::kWorkforce},    {A::kApprove, Taker::kDecider},
      {A::kReject, Taker::kDecider},      {A::kReissue, Taker::kDecider},
      {A::kAcceptNda, Taker::kRequester}, {A::kDownload, Taker::kRequester},
      {A::kNdaInForce, Taker::kNdaCheck}, {A::kRequireNda, Taker::kNdaCheck},
  };
  for (A a : kActions) EXPECT_EQ(TakerOf(a), takers.at(a)) << Name(a);
}

TEST(ReportRequestWorkflowTest, EveryRoleAndAction) {
  const std::map<Taker, std::vector<std::string>> allowed = {
      {Taker::kWorkforce, {"security_officer", "privacy_officer", "staff"}},
      {Taker::kDecider, {"security_officer", "privacy_officer"}},
      {Taker::kRequester, {"requester"}},
      {Taker::kNdaCheck, {}},
  };
  for (A a : kActions) {
    for (const char* role : {"security_officer", "privacy_officer", "staff", "auditor",
                             "third_party_contact", "requester", "system"}) {
      const auto& ok = allowed.at(TakerOf(a));
      bool expect = std::find(ok.begin(), ok.end(), role) != ok.end();
      auto no = RoleRefusal(role, false, a);
      EXPECT_EQ(!no, expect) << role << " " << Name(a);
      if (no) EXPECT_EQ(no->code, ErrorCode::kForbidden);
      auto glass = RoleRefusal(role, true, a);
      ASSERT_TRUE(glass) << role << " " << Name(a);
      EXPECT_NE(glass->message.find("break-glass"), std::string::npos);
    }
  }
  EXPECT_EQ(RoleRefusal("staff", false, A::kApprove)->message,
            "only the Security Officer or the Privacy Officer decides on audit-report requests "
            "(IN-4)");
  EXPECT_EQ(RoleRefusal("staff", false, A::kApprove)->details.at(0).field, "role");
}

TEST(ReportRequestWorkflowTest, AllowedActionsForRepresentativeCallers) {
  using V = std::vector<A>;
  EXPECT_EQ(AllowedActions("staff", false, S::kReceived), (V{A::kLink, A::kCancel}));
  EXPECT_EQ(AllowedActions("staff", false, S::kInProgress), V{A::kCancel});
  EXPECT_EQ(AllowedActions("privacy_officer", false, S::kInProgress),
            (V{A::kApprove, A::kReject, A::kCancel}));
  EXPECT_EQ(AllowedActions("security_officer", false, S::kCompleted), (V{A::kReissue, A::kCancel}));
  EXPECT_EQ(AllowedActions("requester", false, S::kNdaSent), V{A::kAcceptNda});
  EXPECT_TRUE(AllowedActions("security_officer", false, S::kRejected).empty());
  EXPECT_TRUE(AllowedActions("security_officer", true, S::kInProgress).empty());
  EXPECT_TRUE(AllowedActions("auditor", false, S::kReceived).empty());
}

}  // namespace
}  // namespace accord::workflow::report_request
