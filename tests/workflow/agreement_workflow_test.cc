// An agreement's lifecycle, walked exhaustively: every state × action, the statuses a PATCH
// may name, deleting, every role × action, and what each caller may do now.
#include "accord/workflow/agreement.h"

#include <gtest/gtest.h>

#include "workflow/walk.h"

#include <map>
#include <utility>

#include "accord/workflow/lifecycle.h"

namespace accord::workflow::agreement {
namespace {

using S = State;
using A = Action;

TEST(AgreementWorkflowTest, EveryStateAndActionFollowsTheTable) {
  const std::map<std::pair<S, A>, S> expected = {
      {{S::kDraft, A::kSend}, S::kSent},
      {{S::kDraft, A::kExecute}, S::kExecuted},
      {{S::kDraft, A::kTerminate}, S::kTerminated},
      {{S::kSent, A::kExecute}, S::kExecuted},
      {{S::kSent, A::kRedraft}, S::kDraft},
      {{S::kSent, A::kTerminate}, S::kTerminated},
      {{S::kExecuted, A::kExpire}, S::kExpired},
      {{S::kExecuted, A::kTerminate}, S::kTerminated},
      // Renewing keeps the old agreement as it is; its successor is a new agreement.
      {{S::kExecuted, A::kRenew}, S::kExecuted},
      {{S::kExpired, A::kRenew}, S::kExpired},
  };
  walk::ExpectExactlyTheseMoves(kStates, kActions, expected, Next);
  EXPECT_EQ(PossibleActions(S::kDraft), "send, execute, terminate");
  EXPECT_EQ(PossibleActions(S::kSent), "execute, redraft, terminate");
  EXPECT_EQ(PossibleActions(S::kExecuted), "expire, terminate, renew");
  EXPECT_EQ(PossibleActions(S::kExpired), "renew");
  EXPECT_EQ(PossibleActions(S::kTerminated), "none (the agreement is terminated)");
}

TEST(AgreementWorkflowTest, APatchOfTheStatusIsTheMoveThatLeadsThere) {
  for (S from : kStates) {
    for (S to : kStates) {
      // A move that keeps the state (renew) is no status a PATCH names.
      std::optional<A> by;
      for (A a : kActions) {
        if (from != to && Next(from, a) == to) by = a;
      }
      EXPECT_EQ(ActionTo(from, to), by) << Name(from) << " -> " << Name(to);
      EXPECT_EQ(StatusTransitionAllowed("agreement", Name(from), Name(to)), by.has_value())
          << Name(from) << " -> " << Name(to);
    }
  }
  using V = std::vector<std::string>;
  EXPECT_EQ(NextStatuses("agreement", "draft"), (V{"sent", "executed", "terminated"}));
  EXPECT_EQ(NextStatuses("agreement", "sent"), (V{"executed", "draft", "terminated"}));
  EXPECT_EQ(NextStatuses("agreement", "executed"), (V{"expired", "terminated"}));
  EXPECT_TRUE(NextStatuses("agreement", "expired").empty());
  EXPECT_TRUE(NextStates(S::kTerminated).empty());
}

TEST(AgreementWorkflowTest, NamesRoundTripAndOnlyADraftIsDeleted) {
  for (S s : kStates) EXPECT_EQ(ParseState(Name(s)), s);
  for (A a : kActions) EXPECT_EQ(ParseAction(Name(a)), a);
  EXPECT_FALSE(ParseState("signed"));
  EXPECT_FALSE(ParseAction("sign"));
  for (S s : kStates) EXPECT_EQ(Deletable(s), s == S::kDraft) << Name(s);
}

TEST(AgreementWorkflowTest, OfficersMoveAnAgreementAndNobodyElse) {
  for (A a : kActions) {
    for (const char* role :
         {"security_officer", "privacy_officer", "staff", "auditor", "third_party_contact"}) {
      bool officer = std::string(role).ends_with("_officer");
      auto no = RoleRefusal(role, a);
      EXPECT_EQ(!no, officer) << role << " " << Name(a);
      if (no) EXPECT_EQ(no->details.at(0).field, "role");
    }
  }
  using V = std::vector<A>;
  EXPECT_EQ(AllowedActions("security_officer", S::kDraft),
            (V{A::kSend, A::kExecute, A::kTerminate}));
  EXPECT_EQ(AllowedActions("privacy_officer", S::kExecuted),
            (V{A::kExpire, A::kTerminate, A::kRenew}));
  EXPECT_EQ(AllowedActions("security_officer", S::kExpired), (V{A::kRenew}));
  EXPECT_TRUE(AllowedActions("security_officer", S::kTerminated).empty());
  EXPECT_TRUE(AllowedActions("staff", S::kDraft).empty());
  EXPECT_TRUE(AllowedActions("auditor", S::kSent).empty());
  EXPECT_TRUE(AllowedActions("staff", S::kExpired).empty());
}

TEST(AgreementWorkflowTest, AnAgreementIsRenewedOnce) {
  Facts renewed{.renewed_by = "agr_next"};
  auto no = RenewalRefusal(renewed, A::kRenew);
  ASSERT_TRUE(no);
  EXPECT_EQ(no->code, ErrorCode::kConflict);
  EXPECT_EQ(no->details.at(0).field, "renewed_by");
  EXPECT_NE(no->message.find("agr_next"), std::string::npos);
  EXPECT_FALSE(RenewalRefusal(renewed, A::kTerminate));
  EXPECT_FALSE(RenewalRefusal(Facts{}, A::kRenew));
  using V = std::vector<A>;
  EXPECT_EQ(AllowedActions("security_officer", S::kExecuted, renewed),
            (V{A::kExpire, A::kTerminate}));
  EXPECT_TRUE(AllowedActions("security_officer", S::kExpired, renewed).empty());
}

}  // namespace
}  // namespace accord::workflow::agreement
