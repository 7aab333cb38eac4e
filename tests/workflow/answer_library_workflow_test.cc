// The answer library's and customer questionnaires' workflows (issue 28, part 5), walked
// exhaustively: every state × action against the written-out moves, every role, break-glass,
// and what each caller may do now.
#include "accord/workflow/answer_library.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

#include "workflow/walk.h"

namespace accord::workflow {
namespace {

const char* const kRoles[] = {"security_officer", "privacy_officer", "staff", "auditor",
                              "third_party_contact"};

bool IsOfficer(const std::string& role) {
  return role == "security_officer" || role == "privacy_officer";
}

TEST(AnswerLibraryWorkflowTest, EveryStateAndActionFollowsTheTable) {
  using library_answer::Action;
  using library_answer::State;
  const std::map<std::pair<State, Action>, State> expected = {
      {{State::kDraft, Action::kRevise}, State::kDraft},
      {{State::kApproved, Action::kRevise}, State::kDraft},
      {{State::kRetired, Action::kRevise}, State::kDraft},
      {{State::kDraft, Action::kApprove}, State::kApproved},
      {{State::kDraft, Action::kRetire}, State::kRetired},
      {{State::kApproved, Action::kRetire}, State::kRetired}};
  walk::ExpectExactlyTheseMoves(library_answer::kStates, library_answer::kActions, expected,
                                library_answer::Next);
  EXPECT_EQ(library_answer::PossibleActions(State::kApproved), "revise, retire");
  for (State s : library_answer::kStates) {
    EXPECT_EQ(library_answer::ParseState(library_answer::Name(s)), s);
  }
}

TEST(AnswerLibraryWorkflowTest, QuestionnaireMovesFollowTheTable) {
  using customer_questionnaire::Action;
  using customer_questionnaire::State;
  const std::map<std::pair<State, Action>, State> expected = {
      {{State::kOpen, Action::kAnswer}, State::kOpen},
      {{State::kOpen, Action::kComplete}, State::kCompleted},
      {{State::kCompleted, Action::kReopen}, State::kOpen},
      {{State::kShared, Action::kReopen}, State::kOpen},
      {{State::kCompleted, Action::kShare}, State::kShared},
      {{State::kShared, Action::kUnshare}, State::kCompleted}};
  walk::ExpectExactlyTheseMoves(customer_questionnaire::kStates, customer_questionnaire::kActions,
                                expected, customer_questionnaire::Next);
  EXPECT_EQ(customer_questionnaire::PossibleActions(State::kShared), "reopen, unshare");
  for (Action a : customer_questionnaire::kActions) {
    EXPECT_EQ(customer_questionnaire::ParseAction(customer_questionnaire::Name(a)), a);
  }
}

TEST(AnswerLibraryWorkflowTest, OnlyOfficersSignedInAsThemselvesCurateAndAnswer) {
  for (const char* role : kRoles) {
    auto no = library_answer::RoleRefusal(role, false);
    EXPECT_EQ(!no, IsOfficer(role)) << role;
    if (no) EXPECT_EQ(no->details.at(0).field, "role");
    EXPECT_EQ(!customer_questionnaire::RoleRefusal(role, false), IsOfficer(role)) << role;
    auto glass = library_answer::RoleRefusal(role, true);
    ASSERT_TRUE(glass);
    EXPECT_NE(glass->message.find("break-glass"), std::string::npos);
    EXPECT_TRUE(customer_questionnaire::RoleRefusal(role, true));
  }
}

TEST(AnswerLibraryWorkflowTest, AllowedActionsAreTheTableForOfficersAndNothingForOthers) {
  using customer_questionnaire::Action;
  using customer_questionnaire::State;
  EXPECT_EQ(customer_questionnaire::AllowedActions("privacy_officer", false, State::kCompleted),
            (std::vector<Action>{Action::kReopen, Action::kShare}));
  EXPECT_TRUE(customer_questionnaire::AllowedActions("staff", false, State::kOpen).empty());
  EXPECT_TRUE(
      customer_questionnaire::AllowedActions("security_officer", true, State::kOpen).empty());
  EXPECT_EQ(
      library_answer::AllowedActions("security_officer", false, library_answer::State::kDraft),
      (std::vector<library_answer::Action>{library_answer::Action::kRevise,
                                           library_answer::Action::kApprove,
                                           library_answer::Action::kRetire}));
  EXPECT_TRUE(
      library_answer::AllowedActions("auditor", false, library_answer::State::kDraft).empty());
}

}  // namespace
}  // namespace accord::workflow
