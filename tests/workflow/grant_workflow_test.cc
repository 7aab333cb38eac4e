// The access-grant workflow's table and rules, walked exhaustively: every state × action, the
// approver roles in the profile's words, separation of duties.
#include "accord/workflow/grant.h"

#include <gtest/gtest.h>

#include <map>
#include <utility>

#include "accord/policy/profile.h"

namespace accord::workflow::grant {
namespace {

using S = State;
using A = Action;

TEST(GrantWorkflowTest, EveryStateAndActionFollowsTheTable) {
  const std::map<std::pair<S, A>, S> expected = {
      {{S::kRequested, A::kApprove}, S::kApproved},
      {{S::kRequested, A::kDeny}, S::kDenied},
      {{S::kApproved, A::kRevoke}, S::kRevoked},
      {{S::kApproved, A::kExpire}, S::kExpired},
  };
  int moves = 0;
  for (S s : kStates) {
    for (A a : kActions) {
      auto next = Next(s, a);
      auto it = expected.find({s, a});
      if (it == expected.end()) {
        EXPECT_FALSE(next) << Name(a) << " from " << Name(s);
      } else {
        ASSERT_TRUE(next) << Name(a) << " from " << Name(s);
        EXPECT_EQ(*next, it->second);
        ++moves;
      }
    }
  }
  EXPECT_EQ(moves, 4);
  for (S s : kStates) EXPECT_EQ(ParseState(Name(s)), s);
  for (A a : kActions) EXPECT_EQ(ParseAction(Name(a)), a);
  EXPECT_FALSE(ParseState("active"));  // effective, never stored
  EXPECT_FALSE(ParseAction("extend"));
}

TEST(GrantWorkflowTest, OnlyTheProfilesApproversDecideInItsOwnWords) {
  auto luma = policy::LoadProfile("luma");
  ASSERT_TRUE(luma.ok());
  const policy::AccessPolicy& access = luma->access;
  for (A a : kActions) {
    for (const char* role :
         {"security_officer", "privacy_officer", "staff", "auditor", "third_party_contact"}) {
      auto no = RoleRefusal(access, role, a);
      bool decides = a == A::kApprove || a == A::kDeny;
      EXPECT_EQ(static_cast<bool>(no), decides && std::string(role) != "security_officer")
          << role << " " << Name(a);
      if (no) {
        EXPECT_EQ(no->code, ErrorCode::kForbidden);
        EXPECT_NE(no->message.find("tr3.approval"), std::string::npos) << no->message;
        EXPECT_EQ(no->details.at(0).field, "role");
      }
    }
  }
}

TEST(GrantWorkflowTest, TheRequesterDoesNotApproveUnlessTheProfileAllowsIt) {
  policy::AccessPolicy strict;
  for (A a : kActions) {
    auto no = PersonRefusal(strict, "usr_so", "usr_so", a);
    EXPECT_EQ(static_cast<bool>(no), a == A::kApprove) << Name(a);  // deny = withdraw: fine
    EXPECT_EQ(IsSelfApproval("usr_so", "usr_so", a), a == A::kApprove);
  }
  auto no = PersonRefusal(strict, "usr_so", "usr_so", A::kApprove);
  EXPECT_EQ(no->details.at(0).field, "requested_by");
  EXPECT_NE(no->message.find("another approver"), std::string::npos);
  EXPECT_FALSE(PersonRefusal(strict, "usr_so", "usr_staff", A::kApprove));
  EXPECT_FALSE(IsSelfApproval("usr_so", "", A::kApprove));  // the gate approved: nobody asked
  policy::AccessPolicy solo;
  solo.allow_self_approval = true;
  EXPECT_FALSE(PersonRefusal(solo, "usr_so", "usr_so", A::kApprove));
}

TEST(GrantWorkflowTest, BreakGlassNeitherApprovesNorDeniesButMayRevoke) {
  for (A a : kActions) {
    auto no = BreakGlassRefusal(a);
    EXPECT_EQ(static_cast<bool>(no), a == A::kApprove || a == A::kDeny) << Name(a);
    if (no) {
      EXPECT_EQ(no->code, ErrorCode::kForbidden);
    }
  }
}

}  // namespace
}  // namespace accord::workflow::grant
