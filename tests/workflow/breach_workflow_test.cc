// The breach notice and assessment workflows (TR-8): every state × action against a written-out
// map, the roles, and what a caller may do.
#include <gtest/gtest.h>

#include <map>

#include "accord/workflow/breach_assessment.h"
#include "accord/workflow/breach_notice.h"

namespace accord::workflow {
namespace {

TEST(BreachNoticeWorkflowTest, EveryStateAndAction) {
  namespace wf = breach_notice;
  using S = wf::State;
  using A = wf::Action;
  const std::map<std::pair<S, A>, S> kMoves = {
      {{S::kDue, A::kSend}, S::kSent},    {{S::kDue, A::kRecordSent}, S::kSent},
      {{S::kDue, A::kLinkList}, S::kDue}, {{S::kSent, A::kLinkList}, S::kSent},
      {{S::kDue, A::kEscalate}, S::kDue},
  };
  for (S s : wf::kStates) {
    for (A a : wf::kActions) {
      auto it = kMoves.find({s, a});
      auto next = wf::Next(s, a);
      if (it == kMoves.end()) {
        EXPECT_FALSE(next) << wf::Name(s) << " " << wf::Name(a);
      } else {
        ASSERT_TRUE(next) << wf::Name(s) << " " << wf::Name(a);
        EXPECT_EQ(*next, it->second);
      }
    }
    EXPECT_EQ(wf::ParseState(wf::Name(s)), s);
  }
  EXPECT_EQ(wf::PossibleActions(S::kSent), "link_list");
}

TEST(BreachNoticeWorkflowTest, OfficersActAndTheScheduleEscalates) {
  namespace wf = breach_notice;
  for (const char* role : {"security_officer", "privacy_officer"}) {
    EXPECT_FALSE(wf::RoleRefusal(role, false, wf::Action::kSend)) << role;
    EXPECT_TRUE(wf::RoleRefusal(role, true, wf::Action::kSend)) << role << " break-glass";
    EXPECT_TRUE(wf::RoleRefusal(role, false, wf::Action::kEscalate)) << role;
  }
  for (const char* role : {"staff", "auditor", "third_party_contact"}) {
    auto e = wf::RoleRefusal(role, false, wf::Action::kRecordSent);
    ASSERT_TRUE(e) << role;
    EXPECT_EQ(e->code, ErrorCode::kForbidden);
    EXPECT_TRUE(wf::AllowedActions(role, false, wf::State::kDue).empty());
  }
  EXPECT_EQ(
      wf::AllowedActions("privacy_officer", false, wf::State::kDue),
      (std::vector<wf::Action>{wf::Action::kSend, wf::Action::kRecordSent, wf::Action::kLinkList}));
  EXPECT_EQ(wf::AllowedActions("security_officer", false, wf::State::kSent),
            std::vector<wf::Action>{wf::Action::kLinkList});
}

TEST(BreachAssessmentWorkflowTest, EveryStateAndAction) {
  namespace wf = breach_assessment;
  using S = wf::State;
  using A = wf::Action;
  const std::map<std::pair<S, A>, S> kMoves = {
      {{S::kNotifying, A::kRecordDelay}, S::kNotifying},
      {{S::kNotifying, A::kComplete}, S::kNotified},
  };
  for (S s : wf::kStates) {
    for (A a : wf::kActions) {
      auto it = kMoves.find({s, a});
      auto next = wf::Next(s, a);
      EXPECT_EQ(next.has_value(), it != kMoves.end()) << wf::Name(s) << " " << wf::Name(a);
      if (next && it != kMoves.end()) {
        EXPECT_EQ(*next, it->second);
      }
    }
  }
  EXPECT_FALSE(wf::AssessRefusal("privacy_officer", false));
  EXPECT_TRUE(wf::AssessRefusal("privacy_officer", true));
  EXPECT_TRUE(wf::AssessRefusal("staff", false));
  EXPECT_TRUE(wf::RoleRefusal("security_officer", false, wf::Action::kComplete));
  EXPECT_EQ(wf::AllowedActions("security_officer", false, S::kNotifying),
            std::vector<wf::Action>{wf::Action::kRecordDelay});
  EXPECT_TRUE(wf::AllowedActions("security_officer", false, S::kNotABreach).empty());
  EXPECT_EQ(wf::PossibleActions(S::kNotified), "none (the assessment is notified)");
}

}  // namespace
}  // namespace accord::workflow
