// A party's lifecycle, walked exhaustively: every state × action, the statuses a PATCH may
// name, deleting, every role × action, and what each caller may do now.
#include "accord/workflow/party.h"

#include <gtest/gtest.h>

#include "workflow/walk.h"

#include <map>
#include <utility>

#include "accord/workflow/lifecycle.h"

namespace accord::workflow::party {
namespace {

using S = State;
using A = Action;

TEST(PartyWorkflowTest, EveryStateAndActionFollowsTheTable) {
  const std::map<std::pair<S, A>, S> expected = {
      {{S::kProspect, A::kOnboard}, S::kOnboarding},
      {{S::kProspect, A::kOffboard}, S::kOffboarded},
      {{S::kOnboarding, A::kActivate}, S::kActive},
      {{S::kOnboarding, A::kOffboard}, S::kOffboarded},
      {{S::kActive, A::kOffboard}, S::kOffboarded},
      {{S::kOffboarded, A::kOnboard}, S::kOnboarding},
  };
  walk::ExpectExactlyTheseMoves(kStates, kActions, expected, Next);
  EXPECT_EQ(PossibleActions(S::kProspect), "onboard, offboard");
  EXPECT_EQ(PossibleActions(S::kOnboarding), "activate, offboard");
  EXPECT_EQ(PossibleActions(S::kActive), "offboard");
  EXPECT_EQ(PossibleActions(S::kOffboarded), "onboard");
}

TEST(PartyWorkflowTest, APatchOfTheStatusIsTheMoveThatLeadsThere) {
  // Every (from, to): a PATCH is accepted exactly when one action makes that move.
  for (S from : kStates) {
    for (S to : kStates) {
      std::optional<A> by;
      for (A a : kActions) {
        if (Next(from, a) == to) by = a;
      }
      EXPECT_EQ(ActionTo(from, to), by) << Name(from) << " -> " << Name(to);
      EXPECT_EQ(StatusTransitionAllowed("party", Name(from), Name(to)), by.has_value())
          << Name(from) << " -> " << Name(to);
    }
  }
  // In the order the registry's refusal has always listed them.
  EXPECT_EQ(NextStatuses("party", "prospect"),
            (std::vector<std::string>{"onboarding", "offboarded"}));
  EXPECT_EQ(NextStatuses("party", "onboarding"),
            (std::vector<std::string>{"active", "offboarded"}));
  EXPECT_EQ(NextStates(S::kActive), std::vector<S>{S::kOffboarded});
  EXPECT_TRUE(NextStatuses("party", "gone").empty());
  EXPECT_TRUE(NextStatuses("contact", "prospect").empty());
}

TEST(PartyWorkflowTest, NamesRoundTripAndOnlyAProspectIsDeleted) {
  for (S s : kStates) EXPECT_EQ(ParseState(Name(s)), s);
  for (A a : kActions) EXPECT_EQ(ParseAction(Name(a)), a);
  EXPECT_FALSE(ParseState("inactive"));
  EXPECT_FALSE(ParseAction("delete"));
  for (S s : kStates) EXPECT_EQ(Deletable(s), s == S::kProspect) << Name(s);
}

TEST(PartyWorkflowTest, OfficersMoveAPartyAndNobodyElse) {
  for (A a : kActions) {
    for (const char* role :
         {"security_officer", "privacy_officer", "staff", "auditor", "third_party_contact"}) {
      bool officer = std::string(role).ends_with("_officer");
      auto no = RoleRefusal(role, a);
      EXPECT_EQ(!no, officer) << role << " " << Name(a);
      if (no) {
        EXPECT_EQ(no->code, ErrorCode::kForbidden);
        EXPECT_EQ(no->details.at(0).field, "role");
      }
    }
  }
  using V = std::vector<A>;
  EXPECT_EQ(AllowedActions("security_officer", S::kProspect), (V{A::kOnboard, A::kOffboard}));
  EXPECT_EQ(AllowedActions("privacy_officer", S::kOnboarding), (V{A::kActivate, A::kOffboard}));
  EXPECT_EQ(AllowedActions("privacy_officer", S::kOffboarded), V{A::kOnboard});
  EXPECT_TRUE(AllowedActions("staff", S::kProspect).empty());
  EXPECT_TRUE(AllowedActions("third_party_contact", S::kActive).empty());
}

}  // namespace
}  // namespace accord::workflow::party
