// EntitlementScheduleTest (entitlement_review_test.h): campaigns opened per scope when their
// window begins, due dates anchored to the organisation's creation, one alert when overdue.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "http/entitlement_review_test.h"

namespace accord::testing::entitlement {
namespace {

// --- the schedule ----------------------------------------------------------------------------

class EntitlementScheduleTest : public EntitlementFixture {
 protected:
  EntitlementScheduleTest() {
    officer_ = AddUser("security_officer", "officer@erv.example");
    privacy_ = AddUser("privacy_officer", "privacy@erv.example");
    staff_ = AddUser("staff", "staff@erv.example");
  }
  std::string officer_, privacy_, staff_;
};

TEST_F(EntitlementScheduleTest, OpensOneCampaignPerScopeWhenItsWindowBeginsAndNotBefore) {
  ASSERT_NE(anchor_, TimePoint{});
  uint64_t size = f_.LedgerSize();
  f_.clock().Set(anchor_ + days(60 - 14) - milliseconds(1));
  EXPECT_EQ(Schedule(), 0);
  EXPECT_EQ(f_.LedgerSize(), size);
  EXPECT_TRUE(Current("entitlement_review").empty());

  // Elevated: due every 60 days, opened 14 days ahead.
  f_.clock().Set(anchor_ + days(60 - 14));
  EXPECT_EQ(Schedule(), 1);
  EXPECT_EQ(Schedule(), 0);
  auto elevated = Current("entitlement_review", "elevated");
  ASSERT_EQ(elevated.size(), 1u);
  EXPECT_EQ(Str(elevated[0]["due_at"]), FormatRfc3339(anchor_ + days(60)));
  EXPECT_EQ(Str(elevated[0]["status"]), "open");
  EXPECT_EQ(elevated[0]["period"], 1);
  EXPECT_EQ(elevated[0]["version"], 1);
  EXPECT_TRUE(Current("entitlement_review", "regular").empty());
  json::object opened = Event(f_.LedgerSize() - 1);
  EXPECT_EQ(opened["type"], "entitlement_review.opened");
  EXPECT_EQ(opened["actor"].at("id"), domain::SystemActor().id.c_str());
  EXPECT_EQ(opened["payload"].at("state").at("id"), elevated[0]["id"]);

  // Regular: due every 90 days. Meanwhile the elevated one, never decided, went overdue.
  f_.clock().Set(anchor_ + days(90 - 14) - milliseconds(1));
  EXPECT_EQ(Schedule(), 1);
  EXPECT_EQ(Str(Current("entitlement_review", "elevated").at(0)["status"]), "overdue");
  EXPECT_TRUE(Current("entitlement_review", "regular").empty());
  f_.clock().Set(anchor_ + days(90 - 14));
  EXPECT_EQ(Schedule(), 1);
  EXPECT_EQ(Schedule(), 0);
  f_.clock().Advance(days(1));
  EXPECT_EQ(Schedule(), 0);
  auto regular = Current("entitlement_review", "regular");
  ASSERT_EQ(regular.size(), 1u);
  EXPECT_EQ(Str(regular[0]["due_at"]), FormatRfc3339(anchor_ + days(90)));
  EXPECT_EQ(Current("entitlement_review", "elevated").size(), 1u);
}

TEST_F(EntitlementScheduleTest, TheNextDueDateFollowsTheAnchorEvenWhenACampaignIsCompletedLate) {
  f_.clock().Set(anchor_ + days(46));
  ASSERT_EQ(Schedule(), 1);
  json::object first = Current("entitlement_review", "elevated").at(0);
  std::string id = Str(first["id"]);

  // Completed 10 days after it was due (it went overdue meanwhile).
  f_.clock().Set(anchor_ + days(70));
  EXPECT_EQ(Schedule(), 1);
  EXPECT_EQ(Str(Object("entitlement_review", id)["status"]), "overdue");
  domain::Actor officer{officer_, "security_officer"};
  domain::Actor other{"usr_other_reviewer", "security_officer"};
  Decide(id, LineFor(first, "user_role", "user_id", privacy_), "certify", "", officer);
  json::object done =
      Decide(id, LineFor(first, "user_role", "user_id", officer_), "certify", "ok", other);
  EXPECT_EQ(Str(done["status"]), "completed");
  EXPECT_EQ(Str(done["completed_at"]), FormatRfc3339(anchor_ + days(70)));

  // The second is due at anchor + 120 days, not completion + 60.
  f_.clock().Set(anchor_ + days(120 - 14) - milliseconds(1));
  Schedule();  // (opens the regular campaign, whose window began on day 76)
  EXPECT_EQ(Current("entitlement_review", "elevated").size(), 1u);
  f_.clock().Set(anchor_ + days(120 - 14));
  Schedule();
  auto elevated = Current("entitlement_review", "elevated");
  ASSERT_EQ(elevated.size(), 2u);
  EXPECT_EQ(Str(elevated[1]["due_at"]), FormatRfc3339(anchor_ + days(120)));
  EXPECT_EQ(elevated[1]["period"], 2);
}

TEST_F(EntitlementScheduleTest, AnOverdueCampaignRaisesOneAlert) {
  f_.clock().Set(anchor_ + days(46));
  ASSERT_EQ(Schedule(), 1);
  std::string id = Str(Current("entitlement_review", "elevated").at(0)["id"]);
  uint64_t size = f_.LedgerSize();

  f_.clock().Set(anchor_ + days(60));  // due now: not yet overdue
  EXPECT_EQ(Schedule(), 0);
  EXPECT_EQ(f_.LedgerSize(), size);
  f_.clock().Set(anchor_ + days(60) + milliseconds(1));
  EXPECT_EQ(Schedule(), 1);
  EXPECT_EQ(TypesSince(size),
            (std::vector<std::string>{"alert.raised", "entitlement_review.overdue"}));
  json::object review = Object("entitlement_review", id);
  EXPECT_EQ(Str(review["status"]), "overdue");
  auto alerts = Current("alert", "entitlement_review_overdue");
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(Str(alerts[0]["severity"]), "high");
  EXPECT_EQ(alerts[0]["subject"].at("id"), id.c_str());
  EXPECT_EQ(review["alert_id"], alerts[0]["id"]);

  // Running again, now or days later, adds nothing.
  size = f_.LedgerSize();
  EXPECT_EQ(Schedule(), 0);
  f_.clock().Advance(days(10));
  EXPECT_EQ(Schedule(), 0);
  EXPECT_EQ(f_.LedgerSize(), size);
  EXPECT_EQ(Current("alert", "entitlement_review_overdue").size(), 1u);

  // An overdue campaign still takes decisions, and completes.
  json::object first = Object("entitlement_review", id);
  Decide(id, LineFor(first, "user_role", "user_id", privacy_), "certify", "",
         {officer_, "security_officer"});
  json::object done = Decide(id, LineFor(first, "user_role", "user_id", officer_), "certify", "",
                             {"usr_other_reviewer", "security_officer"});
  EXPECT_EQ(Str(done["status"]), "completed");
}

TEST_F(EntitlementScheduleTest, ACampaignWithNothingToReviewCompletesAtOnce) {
  // Only staff is in the regular scope here (no auditor, contact or grant); it leaves.
  Run([&](storage::CommandContext& c) -> Result<json::value> {
    auto u = storage::DeactivateUser(c, {officer_, "security_officer"}, staff_, "left", policy());
    if (!u.ok()) return std::move(u).error();
    return json::value(std::move(*u));
  });
  f_.clock().Set(anchor_ + days(76));
  Schedule();
  auto regular = Current("entitlement_review", "regular");
  ASSERT_EQ(regular.size(), 1u);
  EXPECT_TRUE(regular[0]["lines"].as_array().empty());
  EXPECT_EQ(Str(regular[0]["status"]), "completed");
  EXPECT_EQ(regular[0]["version"], 2);

  // Past its due date it does not go overdue (the elevated one, never decided, does).
  f_.clock().Set(anchor_ + days(91));
  Schedule();
  regular = Current("entitlement_review", "regular");
  EXPECT_EQ(Str(regular[0]["status"]), "completed");
  EXPECT_EQ(regular[0]["version"], 2);
  auto alerts = Current("alert", "entitlement_review_overdue");
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0]["subject"].at("id"), Current("entitlement_review", "elevated").at(0)["id"]);
}

}  // namespace
}  // namespace accord::testing::entitlement
