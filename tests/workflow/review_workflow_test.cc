// The review workflow's table and rules, walked exhaustively: every state × action, every
// role × action under a profile, the assignee and separation-of-duties rules.
#include "accord/workflow/review.h"

#include <gtest/gtest.h>

#include "workflow/walk.h"

#include <map>
#include <utility>

namespace accord::workflow::review {
namespace {

using S = State;
using A = Action;

TEST(ReviewWorkflowTest, EveryStateAndActionFollowsTheTable) {
  // The expected moves, written out; every pair not listed must be refused.
  const std::map<std::pair<S, A>, S> expected = {
      {{S::kOpen, A::kAssign}, S::kAssigned},
      {{S::kOpen, A::kRequestInfo}, S::kOpen},
      {{S::kAssigned, A::kAssign}, S::kAssigned},
      {{S::kAssigned, A::kDocument}, S::kDocumented},
      {{S::kAssigned, A::kRequestInfo}, S::kAssigned},
      {{S::kDocumented, A::kApprove}, S::kApproved},
      {{S::kDocumented, A::kReject}, S::kAssigned},
      {{S::kDocumented, A::kRequestInfo}, S::kDocumented},
  };
  walk::ExpectExactlyTheseMoves(kStates, kActions, expected, Next);
  EXPECT_EQ(PossibleActions(S::kOpen), "assign, request_info");
  EXPECT_EQ(PossibleActions(S::kAssigned), "assign, document, request_info");
  EXPECT_EQ(PossibleActions(S::kDocumented), "request_info, approve, reject");
  EXPECT_EQ(PossibleActions(S::kApproved), "none (the review is approved)");
  EXPECT_EQ(PossibleActions(S::kCancelled), "none (the review is cancelled)");
}

TEST(ReviewWorkflowTest, NamesRoundTripAndUnknownNamesAreRefused) {
  for (S s : kStates) EXPECT_EQ(ParseState(Name(s)), s);
  for (A a : kActions) EXPECT_EQ(ParseAction(Name(a)), a);
  EXPECT_FALSE(ParseState("closed"));
  EXPECT_FALSE(ParseAction("cancel"));
  EXPECT_FALSE(ParseAction(""));
}

TEST(ReviewWorkflowTest, RolesComeFromTheProfile) {
  policy::ReviewsPolicy luma;  // the defaults are luma's: SO opens and approves, SO/PO document
  const std::map<A, std::vector<std::string>> allowed = {
      {A::kAssign, {"security_officer"}},
      {A::kDocument, {"security_officer", "privacy_officer"}},
      {A::kRequestInfo, {"security_officer", "privacy_officer"}},
      {A::kApprove, {"security_officer"}},
      {A::kReject, {"security_officer"}},
  };
  for (A a : kActions) {
    for (const char* role :
         {"security_officer", "privacy_officer", "staff", "auditor", "third_party_contact"}) {
      const auto& ok = allowed.at(a);
      bool expect = std::find(ok.begin(), ok.end(), role) != ok.end();
      auto no = RoleRefusal(luma, role, false, a);
      EXPECT_EQ(!no, expect) << role << " " << Name(a);
      if (no) {
        EXPECT_EQ(no->code, ErrorCode::kForbidden);
        EXPECT_EQ(no->details.at(0).field, "role");
      }
      // Break-glass never opens the workflow, whatever the role.
      auto glass = RoleRefusal(luma, role, true, a);
      ASSERT_TRUE(glass) << role << " " << Name(a);
      EXPECT_NE(glass->message.find("break-glass"), std::string::npos);
    }
  }
  policy::ReviewsPolicy staffed;
  staffed.approve_roles = {"staff"};
  EXPECT_FALSE(RoleRefusal(staffed, "staff", false, A::kApprove));
  EXPECT_EQ(RoleRefusal(staffed, "security_officer", false, A::kReject)->message,
            "the profile lets only staff approve or reject reviews (TP-12)");
}

TEST(ReviewWorkflowTest, OnlyTheAssigneeDocumentsAndNobodyApprovesTheirOwnDocumentation) {
  policy::ReviewsPolicy strict;
  Facts f{.assignee_id = "usr_po", .assignee_email = "po@example.org", .documented_by = ""};
  EXPECT_FALSE(PersonRefusal(strict, "usr_po", f, A::kDocument));
  auto no = PersonRefusal(strict, "usr_so", f, A::kDocument);
  ASSERT_TRUE(no);
  EXPECT_EQ(no->details.at(0).field, "assignee");
  EXPECT_NE(no->message.find("po@example.org"), std::string::npos);
  Facts nobody;
  EXPECT_NE(PersonRefusal(strict, "usr_so", nobody, A::kDocument)->message.find("nobody"),
            std::string::npos);

  f.documented_by = "usr_so";  // the officer documented a review assigned to itself
  for (A a : kActions) {
    auto refusal = PersonRefusal(strict, "usr_so", {"usr_so", "so@example.org", "usr_so"}, a);
    EXPECT_EQ(static_cast<bool>(refusal), a == A::kApprove) << Name(a);
    EXPECT_EQ(IsSelfApproval("usr_so", {"usr_so", "", "usr_so"}, a), a == A::kApprove);
  }
  auto own = PersonRefusal(strict, "usr_so", f, A::kApprove);
  ASSERT_TRUE(own);
  EXPECT_EQ(own->details.at(0).field, "documented_by");
  EXPECT_NE(own->message.find("another approver"), std::string::npos);
  // Someone else approves; a profile that allows it lets the same person, marked.
  EXPECT_FALSE(PersonRefusal(strict, "usr_other", f, A::kApprove));
  EXPECT_FALSE(IsSelfApproval("usr_other", f, A::kApprove));
  policy::ReviewsPolicy solo;
  solo.allow_self_approval = true;
  EXPECT_FALSE(PersonRefusal(solo, "usr_so", f, A::kApprove));
  EXPECT_TRUE(IsSelfApproval("usr_so", f, A::kApprove));
}

}  // namespace
}  // namespace accord::workflow::review
