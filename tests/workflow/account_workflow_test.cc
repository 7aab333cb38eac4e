// The account lifecycle, walked exhaustively: every state × action, every role × action
// under a profile, break-glass, one's own account, and what each caller may do now.
#include "accord/workflow/account.h"

#include <gtest/gtest.h>

#include "workflow/walk.h"

#include <map>
#include <utility>

namespace accord::workflow::account {
namespace {

using S = State;
using A = Action;

TEST(AccountWorkflowTest, EveryStateAndActionFollowsTheTable) {
  const std::map<std::pair<S, A>, S> expected = {
      {{S::kPending, A::kActivate}, S::kActive},
      {{S::kPending, A::kDeactivate}, S::kDeactivated},
      {{S::kPending, A::kChangeRole}, S::kPending},
      {{S::kPending, A::kResetMfa}, S::kPending},
      {{S::kPending, A::kResetPassword}, S::kPending},
      {{S::kActive, A::kDeactivate}, S::kDeactivated},
      {{S::kActive, A::kChangeRole}, S::kActive},
      {{S::kActive, A::kResetMfa}, S::kActive},
      {{S::kActive, A::kResetPassword}, S::kActive},
      {{S::kActive, A::kRequireOnboarding}, S::kPending},
      {{S::kDeactivated, A::kActivate}, S::kActive},
      {{S::kDeactivated, A::kChangeRole}, S::kDeactivated},
      {{S::kDeactivated, A::kResetMfa}, S::kDeactivated},
      {{S::kDeactivated, A::kResetPassword}, S::kDeactivated},
  };
  walk::ExpectExactlyTheseMoves(kStates, kActions, expected, Next);
  EXPECT_EQ(PossibleActions(S::kPending),
            "activate, deactivate, change_role, reset_mfa, reset_password");
  EXPECT_EQ(PossibleActions(S::kActive), "deactivate, change_role, reset_mfa, reset_password");
  EXPECT_EQ(PossibleActions(S::kDeactivated), "activate, change_role, reset_mfa, reset_password");
}

TEST(AccountWorkflowTest, NamesRoundTripAndUnknownNamesAreRefused) {
  for (S s : kStates) EXPECT_EQ(ParseState(Name(s)), s);
  for (A a : kActions) EXPECT_EQ(ParseAction(Name(a)), a);
  EXPECT_FALSE(ParseState("disabled"));
  EXPECT_FALSE(ParseAction("delete"));
}

TEST(AccountWorkflowTest, OnlyTheProfilesAdminsManageAccountsAndNobodyRequiresOnboarding) {
  policy::IdentityPolicy luma;  // user_admin_roles: security_officer
  for (A a : kActions) {
    for (const char* role :
         {"security_officer", "privacy_officer", "staff", "auditor", "third_party_contact"}) {
      bool expect = a != A::kRequireOnboarding && std::string(role) == "security_officer";
      auto no = RoleRefusal(luma, role, false, a);
      EXPECT_EQ(!no, expect) << role << " " << Name(a);
      if (no) EXPECT_EQ(no->code, ErrorCode::kForbidden);
      EXPECT_TRUE(RoleRefusal(luma, role, true, a)) << role << " " << Name(a);
    }
  }
  EXPECT_EQ(AdminRefusal(luma, "privacy_officer", false)->message,
            "the profile lets only the Security Officer manage accounts");
  EXPECT_NE(AdminRefusal(luma, "security_officer", true)->message.find("break-glass"),
            std::string::npos);
  policy::IdentityPolicy both;
  both.user_admin_roles = {"security_officer", "privacy_officer"};
  EXPECT_FALSE(RoleRefusal(both, "privacy_officer", false, A::kDeactivate));
}

TEST(AccountWorkflowTest, NobodyDeactivatesOrReRolesTheirOwnAccount) {
  Facts own{.user_id = "usr_so"};
  for (A a : kActions) {
    bool refused = a == A::kDeactivate || a == A::kChangeRole;
    auto no = PersonRefusal("usr_so", own, a);
    EXPECT_EQ(static_cast<bool>(no), refused) << Name(a);
    if (no) {
      EXPECT_EQ(no->code, ErrorCode::kConflict);
      EXPECT_EQ(no->message, "you cannot " + std::string(Name(a)) +
                                 " your own account: ask another security officer");
    }
    EXPECT_FALSE(PersonRefusal("usr_other", own, a)) << Name(a);
  }
}

TEST(AccountWorkflowTest, AllowedActionsForRepresentativeCallers) {
  using V = std::vector<A>;
  policy::IdentityPolicy luma;
  Facts staff{.user_id = "usr_staff"};
  EXPECT_EQ(AllowedActions(luma, "security_officer", false, "usr_so", S::kPending, staff),
            (V{A::kActivate, A::kDeactivate, A::kChangeRole, A::kResetMfa, A::kResetPassword}));
  EXPECT_EQ(AllowedActions(luma, "security_officer", false, "usr_so", S::kActive, staff),
            (V{A::kDeactivate, A::kChangeRole, A::kResetMfa, A::kResetPassword}));
  // One's own account: the resets, never deactivate or change_role.
  EXPECT_EQ(AllowedActions(luma, "security_officer", false, "usr_so", S::kActive,
                           Facts{.user_id = "usr_so"}),
            (V{A::kResetMfa, A::kResetPassword}));
  EXPECT_TRUE(AllowedActions(luma, "security_officer", true, "usr_so", S::kActive, staff).empty());
  EXPECT_TRUE(AllowedActions(luma, "privacy_officer", false, "usr_po", S::kActive, staff).empty());
  EXPECT_TRUE(AllowedActions(luma, "staff", false, "usr_staff", S::kActive, staff).empty());
}

}  // namespace
}  // namespace accord::workflow::account
