// The incident workflow's table and rules, walked exhaustively: every state × action, the
// update's target states, every role, and what each caller may do now.
#include "accord/workflow/incident.h"

#include <gtest/gtest.h>

#include "workflow/walk.h"

#include <map>
#include <string>
#include <utility>

namespace accord::workflow::incident {
namespace {

using S = State;
using A = Action;

const char* const kRoles[] = {"security_officer", "privacy_officer", "staff", "auditor",
                              "third_party_contact"};

TEST(IncidentWorkflowTest, EveryStateAndActionFollowsTheTable) {
  std::map<std::pair<S, A>, S> expected;
  for (S open : {S::kInvestigating, S::kIdentified, S::kMonitoring}) {
    expected[{open, A::kClassify}] = open;
    expected[{open, A::kUpdate}] = open;
    expected[{open, A::kResolve}] = S::kResolved;
  }
  expected[{S::kResolved, A::kClassify}] = S::kResolved;
  expected[{S::kResolved, A::kUpdate}] = S::kResolved;
  expected[{S::kResolved, A::kPostmortem}] = S::kPostmortem;
  walk::ExpectExactlyTheseMoves(kStates, kActions, expected, Next);
  EXPECT_EQ(PossibleActions(S::kMonitoring), "classify, update, resolve");
  EXPECT_EQ(PossibleActions(S::kResolved), "classify, update, postmortem");
  EXPECT_EQ(PossibleActions(S::kPostmortem), "none (the incident is postmortem)");
}

TEST(IncidentWorkflowTest, NamesRoundTripAndAreStatuspagesWords) {
  for (S s : kStates) EXPECT_EQ(ParseState(Name(s)), s);
  for (A a : kActions) EXPECT_EQ(ParseAction(Name(a)), a);
  EXPECT_FALSE(ParseState("closed"));
  EXPECT_EQ(EventVerb(A::kUpdate), "update_posted");
  EXPECT_EQ(EventVerb(A::kPostmortem), "postmortem_recorded");
}

TEST(IncidentWorkflowTest, AnUpdateMovesAnOpenIncidentBetweenOpenStatesOnly) {
  for (S open : {S::kInvestigating, S::kIdentified, S::kMonitoring}) {
    EXPECT_EQ(UpdateTarget(open, ""), open);
    for (S to : {S::kInvestigating, S::kIdentified, S::kMonitoring}) {
      EXPECT_EQ(UpdateTarget(open, Name(to)), to);
    }
    EXPECT_FALSE(UpdateTarget(open, "resolved"));  // resolving is its own step
    EXPECT_FALSE(UpdateTarget(open, "postmortem"));
    EXPECT_FALSE(UpdateTarget(open, "sideways"));
  }
  EXPECT_EQ(UpdateTarget(S::kResolved, ""), S::kResolved);
  EXPECT_EQ(UpdateTarget(S::kResolved, "resolved"), S::kResolved);
  EXPECT_FALSE(UpdateTarget(S::kResolved, "monitoring"));
  EXPECT_FALSE(UpdateTarget(S::kPostmortem, ""));
}

TEST(IncidentWorkflowTest, TheOfficersActAndNobodyElse) {
  for (const char* role : kRoles) {
    bool officer = std::string(role).ends_with("_officer");
    auto no = RoleRefusal(role);
    EXPECT_EQ(!no, officer) << role;
    if (no) {
      EXPECT_EQ(no->code, ErrorCode::kForbidden);
      EXPECT_EQ(no->details.at(0).field, "role");
    }
    for (S s : kStates) {
      auto allowed = AllowedActions(role, s);
      if (!officer) EXPECT_TRUE(allowed.empty()) << role;
    }
  }
  EXPECT_EQ(AllowedActions("privacy_officer", S::kInvestigating),
            (std::vector<A>{A::kClassify, A::kUpdate, A::kResolve}));
  EXPECT_EQ(AllowedActions("security_officer", S::kResolved),
            (std::vector<A>{A::kClassify, A::kUpdate, A::kPostmortem}));
  EXPECT_TRUE(AllowedActions("security_officer", S::kPostmortem).empty());
}

}  // namespace
}  // namespace accord::workflow::incident
