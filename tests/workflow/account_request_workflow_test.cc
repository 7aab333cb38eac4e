// A contact's request for a colleague's account (issue 28, item 2), walked exhaustively: every
// state × action against the written-out moves, every role, break-glass, and what each caller
// may do now.
#include "accord/workflow/account_request.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

#include "workflow/walk.h"

namespace accord::workflow::account_request {
namespace {

const char* const kRoles[] = {"security_officer", "privacy_officer", "staff", "auditor",
                              "third_party_contact"};

TEST(AccountRequestWorkflowTest, EveryStateAndActionFollowsTheTable) {
  const std::map<std::pair<State, Action>, State> expected = {
      {{State::kPending, Action::kApprove}, State::kApproved},
      {{State::kPending, Action::kDecline}, State::kDeclined}};
  walk::ExpectExactlyTheseMoves(kStates, kActions, expected, Next);
  EXPECT_EQ(PossibleActions(State::kPending), "approve, decline");
  EXPECT_EQ(PossibleActions(State::kApproved), "none (the account request is approved)");
  for (State s : kStates) EXPECT_EQ(ParseState(Name(s)), s);
  for (Action a : kActions) EXPECT_EQ(ParseAction(Name(a)), a);
}

TEST(AccountRequestWorkflowTest, OnlyTheAccountAdministratorsDecideSignedInAsThemselves) {
  policy::IdentityPolicy luma;  // user_admin_roles: the Security Officer
  for (const char* role : kRoles) {
    for (Action a : kActions) {
      EXPECT_EQ(!RoleRefusal(luma, role, false, a), std::string(role) == "security_officer")
          << role;
      EXPECT_TRUE(RoleRefusal(luma, role, true, a)) << role << " during break-glass";
    }
  }
  policy::IdentityPolicy both;
  both.user_admin_roles = {"security_officer", "privacy_officer"};
  EXPECT_FALSE(RoleRefusal(both, "privacy_officer", false, Action::kApprove));
}

TEST(AccountRequestWorkflowTest, AllowedActionsAreTheTableForTheAdministrator) {
  policy::IdentityPolicy luma;
  EXPECT_EQ(AllowedActions(luma, "security_officer", false, State::kPending),
            (std::vector<Action>{Action::kApprove, Action::kDecline}));
  EXPECT_TRUE(AllowedActions(luma, "security_officer", false, State::kDeclined).empty());
  EXPECT_TRUE(AllowedActions(luma, "third_party_contact", false, State::kPending).empty());
  EXPECT_TRUE(AllowedActions(luma, "security_officer", true, State::kPending).empty());
}

}  // namespace
}  // namespace accord::workflow::account_request
