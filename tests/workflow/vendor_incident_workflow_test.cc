// The vendor-incident workflow's table and rules, walked exhaustively: every state × action,
// every role, break-glass, and what each caller may do now.
#include "accord/workflow/vendor_incident.h"

#include <gtest/gtest.h>

#include "workflow/walk.h"

#include <map>
#include <string>
#include <utility>

namespace accord::workflow::vendor_incident {
namespace {

using S = State;
using A = Action;

const char* const kRoles[] = {"security_officer", "privacy_officer", "staff", "auditor",
                              "third_party_contact"};

bool IsOfficer(const std::string& role) {
  return role == "security_officer" || role == "privacy_officer";
}

TEST(VendorIncidentWorkflowTest, EveryStateAndActionFollowsTheTable) {
  const std::map<std::pair<S, A>, S> expected = {{{S::kOpen, A::kOpen}, S::kOpen},
                                                 {{S::kOpen, A::kAssess}, S::kAssessed}};
  walk::ExpectExactlyTheseMoves(kStates, kActions, expected, Next);
  // Opening is the runner's: never offered as a possible action.
  EXPECT_EQ(PossibleActions(S::kOpen), "assess");
  EXPECT_EQ(PossibleActions(S::kAssessed), "none (the vendor incident is assessed)");
}

TEST(VendorIncidentWorkflowTest, NamesRoundTrip) {
  for (S s : kStates) EXPECT_EQ(ParseState(Name(s)), s);
  for (A a : kActions) EXPECT_EQ(ParseAction(Name(a)), a);
  EXPECT_FALSE(ParseState("closed"));
  EXPECT_FALSE(ParseAction("resolve"));
}

TEST(VendorIncidentWorkflowTest, TheOfficersAssessAndNobodyOpensByHand) {
  for (const char* role : kRoles) {
    auto no = RoleRefusal(role, false, A::kAssess);
    EXPECT_EQ(!no, IsOfficer(role)) << role;
    if (no) {
      EXPECT_EQ(no->code, ErrorCode::kForbidden);
      EXPECT_EQ(no->details.at(0).field, "role");
    }
    auto glass = RoleRefusal(role, true, A::kAssess);
    ASSERT_TRUE(glass) << role;
    EXPECT_NE(glass->message.find("break-glass"), std::string::npos);
    auto open = RoleRefusal(role, false, A::kOpen);
    ASSERT_TRUE(open) << role;
    EXPECT_EQ(open->details.at(0).field, "action");
  }
}

TEST(VendorIncidentWorkflowTest, AllowedActionsOfferAssessToOfficersWhileOpen) {
  for (const char* role : kRoles) {
    std::vector<A> want;
    if (IsOfficer(role)) want = {A::kAssess};
    EXPECT_EQ(AllowedActions(role, false, S::kOpen), want) << role;
    EXPECT_TRUE(AllowedActions(role, false, S::kAssessed).empty()) << role;
    EXPECT_TRUE(AllowedActions(role, true, S::kOpen).empty()) << role;
  }
}

}  // namespace
}  // namespace accord::workflow::vendor_incident
