// The review scheduler (TP-10 … TP-15) with a fake clock: two years over a small registry,
// stepping a day at a time as a server would (it ticks every second; a day per step keeps
// the test fast and every due date falls on a step). Every recurring review appears exactly
// once per period, reminders fire on their days, overdue is flagged, the quarterly report
// and the dashboard agree with the reviews themselves, and a second run does nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "accord/core/rrule.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/http/registry_http.h"
#include "accord/policy/profile.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/outbox.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/reviews.h"
#include "support/runtime_fixture.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using domain::StateString;
using std::chrono::days;

const domain::Actor kOfficer{"usr_test_officer", "security_officer"};

class ReviewScheduleTest : public ::testing::Test {
 protected:
  ReviewScheduleTest() {
    auto profile = policy::LoadProfile("luma");
    EXPECT_TRUE(profile.ok());
    if (profile.ok()) profile_ = std::move(*profile);
    t0_ = f_.clock().Now();
    officer_ = AddUser("security_officer", "officer@sched.example");
    privacy_ = AddUser("privacy_officer", "privacy@sched.example");
  }
  const policy::ReviewsPolicy& policy() const { return profile_.reviews; }

  json::object Run(std::function<Result<json::value>(storage::CommandContext&)> fn) {
    auto r = f_.rt().log().Execute(std::move(fn));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
    return r.ok() && r->is_object() ? r->as_object() : json::object{};
  }
  Result<json::value> TryRun(std::function<Result<json::value>(storage::CommandContext&)> fn) {
    return f_.rt().log().Execute(std::move(fn));
  }
  std::string AddUser(const std::string& role, const std::string& email) {
    json::object body{{"email", email}, {"name", email.substr(0, email.find('@'))}, {"role", role}};
    json::object u = Run([&](storage::CommandContext& c) -> Result<json::value> {
      domain::Actor installer{"installer", "installer"};
      auto user = storage::CreateUser(c, installer, body, "not-a-hash", profile_.identity, true);
      if (!user.ok()) return std::move(user).error();
      if (StateString(*user, "status") != "pending") return json::value(std::move(*user));
      auto active = storage::OnboardUser(c, installer, StateString(*user, "id"), c.Now(),
                                         "test onboarding", profile_.identity);
      if (!active.ok()) return std::move(active).error();
      return json::value(std::move(*active));
    });
    return StateString(u, "id");
  }
  std::string Create(const std::string& kind, const std::string& parent, json::object body) {
    json::object o = Run([&](storage::CommandContext& c) {
      return storage::CreateRegistryObject(c, kind, parent, body, kOfficer);
    });
    return StateString(o, "id");
  }
  void Patch(const std::string& kind, const std::string& id, json::object body) {
    Run([&](storage::CommandContext& c) {
      return storage::PatchRegistryObject(c, kind, id, body, kOfficer);
    });
  }
  std::string ActiveParty(const std::string& name, const std::string& kind, bool infra = false) {
    std::string id =
        Create("party", "", {{"name", name}, {"kind", kind}, {"infrastructure_partner", infra}});
    Patch("party", id, {{"status", "onboarding"}});
    Patch("party", id, {{"status", "active"}});
    return id;
  }
  storage::ScheduleRun Schedule(bool sync = true) {
    auto r = storage::RunReviewSchedule(f_.rt().log(), policy(), sync);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
    return r.ok() ? *r : storage::ScheduleRun{};
  }
  std::vector<json::object> Current(const std::string& kind) {
    std::vector<json::object> out;
    std::string after;
    for (;;) {
      storage::ObjectPage page;
      EXPECT_TRUE(f_.rt()
                      .store()
                      .Read([&](storage::Tx& tx) -> Status {
                        auto p = storage::ListObjects(
                            tx, storage::ListQuery{.kind = kind, .after_id = after, .limit = 500},
                            storage::Scope{});
                        if (!p.ok()) return std::move(p).error();
                        page = std::move(*p);
                        return Ok();
                      })
                      .ok());
      for (auto& o : page.items) out.push_back(std::move(o.doc));
      if (!page.next_after) break;
      after = *page.next_after;
    }
    return out;
  }
  std::vector<json::object> Outbox(const std::string& ref_id) {
    std::vector<json::object> out;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto r = storage::ListOutbox(
                          tx, storage::OutboxQuery{.ref_id = ref_id, .limit = 500});
                      if (!r.ok()) return std::move(r).error();
                      out = std::move(r->first);
                      return Ok();
                    })
                    .ok());
    return out;
  }
  template <typename Fn>
  json::object ReadJson(Fn fn) {
    json::object out;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto r = fn(tx);
                      if (!r.ok()) return std::move(r).error();
                      out = std::move(*r);
                      return Ok();
                    })
                    .ok());
    return out;
  }
  json::object Act(const std::string& id, storage::ReviewAction a, const domain::Actor& actor) {
    return Run([&](storage::CommandContext& c) -> Result<json::value> {
      auto r = storage::ApplyReviewAction(c, actor, id, a, policy());
      if (!r.ok()) return std::move(r).error();
      return json::value(std::move(*r));
    });
  }
  static json::object PartyReviewDoc() {
    return {{"summary", "reviewed"},
            {"list_confirmed", true},
            {"contacts_confirmed", true},
            {"sla_performance", "met"},
            {"security_performance", "no incidents"},
            {"compliance_performance", "SOC 2 current"},
            {"operational_issues", "none"}};
  }
  // A party review opened by the officer, due in `due`, assigned to `assignee`.
  json::object OpenPartyReview(const std::string& party, std::chrono::days due,
                               const std::string& assignee) {
    return Run([&](storage::CommandContext& c) -> Result<json::value> {
      auto r = storage::OpenReview(c, kOfficer,
                                   storage::NewReview{.kind = "party_review",
                                                      .party_id = party,
                                                      .due = c.Now() + due,
                                                      .assignee_id = assignee},
                                   policy());
      if (!r.ok()) return std::move(r).error();
      return json::value(std::move(*r));
    });
  }
  // Assign to the privacy officer, document, approve: a review done properly.
  void Complete(const json::object& review) {
    std::string id = StateString(review, "id");
    Act(id, {.action = "assign", .assignee_id = privacy_}, kOfficer);
    json::object doc = PartyReviewDoc();
    Act(id, {.action = "document", .documentation = doc}, {privacy_, "privacy_officer"});
    Act(id, {.action = "approve", .comment = "ok"}, {officer_, "security_officer"});
  }

  RuntimeFixture f_;
  policy::Profile profile_;
  TimePoint t0_;
  std::string officer_, privacy_;
};

TEST_F(ReviewScheduleTest, TwoYearsOpensEachPeriodOnceRemindsOnTimeAndFlagsOverdue) {
  std::string nimbus = ActiveParty("Nimbus Cloud", "partner", true);
  std::string relay = ActiveParty("Relay SMS", "subcontractor");
  ActiveParty("Clinic Customer", "customer");  // customers have no vendor reviews
  std::string sla = Create("agreement", relay,
                           {{"type", "sla"},
                            {"status", "executed"},
                            {"effective_at", FormatRfc3339(t0_ - days(10))},
                            {"sla",
                             {{"liability", true},
                              {"service_definitions", true},
                              {"security_controls", true},
                              {"service_management", true}}}});
  ASSERT_FALSE(sla.empty());

  auto first = Schedule();
  // Organisation: list review and quarterly report; per partner/subcontractor: party and
  // activity review; per executed SLA: SLA review.
  EXPECT_EQ(first.series_added, 2 + 2 * 2 + 1);
  EXPECT_EQ(first.findings_opened, 1);  // Nimbus hosts our infrastructure: no SOC 2 report

  const TimePoint end = t0_ + days(730);
  std::set<std::string> approved;
  while (f_.clock().Now() < end) {
    f_.clock().Advance(days(1));
    Schedule(f_.clock().Now() - t0_ < days(3) || (f_.clock().Now() - t0_).count() % 7 == 0);
    // The list reviews are done on time, as soon as they appear.
    for (const auto& r : Current("review")) {
      if (StateString(r, "review_kind") == "partner_list_review" &&
          StateString(r, "status") == "open" && !approved.contains(StateString(r, "id"))) {
        approved.insert(StateString(r, "id"));
        Complete(r);
      }
    }
  }

  // Every expected period exactly once: occurrences after the anchor whose opening time
  // (30 days ahead) has been reached.
  auto expect_series = [&](const std::string& key, const std::string& rrule, TimePoint anchor) {
    auto rule = ParseRRule(rrule);
    ASSERT_TRUE(rule.ok());
    std::vector<std::string> expected;
    for (int64_t k = 1;; ++k) {
      auto due = NthOccurrence(*rule, anchor, k);
      ASSERT_TRUE(due.has_value());
      if (*due - days(policy().open_ahead_days) > end) break;
      expected.push_back(FormatRfc3339(*due));
    }
    std::vector<std::string> got;
    std::set<int64_t> periods;
    for (const auto& r : Current("review")) {
      if (StateString(r, "series_key") != key) continue;
      got.push_back(StateString(r, "due_at"));
      EXPECT_TRUE(periods.insert(r.at("period").as_int64()).second) << key << " period twice";
    }
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, expected) << key;
  };
  expect_series("partner_list_review", policy().partner_list_review_rrule, SeriesAnchor(t0_));
  expect_series("sla_report", policy().sla_report_rrule, QuarterStart(t0_));
  expect_series("party_review:" + nimbus, policy().party_review_rrule, SeriesAnchor(t0_));
  expect_series("activity_review:" + relay, policy().activity_review_rrule, SeriesAnchor(t0_));
  expect_series("sla_review:" + sla, policy().sla_review_rrule, SeriesAnchor(t0_ - days(10)));

  // Quarterly reports fall on calendar quarter starts, one per quarter.
  std::set<std::string> report_labels;
  for (const auto& r : Current("review")) {
    if (StateString(r, "review_kind") != "sla_report") continue;
    std::string due = StateString(r, "due_at");
    EXPECT_EQ(due.substr(8, 15), "01T00:00:00.000") << due;
    const std::set<std::string> quarter_months = {"01", "04", "07", "10"};
    EXPECT_TRUE(quarter_months.contains(due.substr(5, 2))) << due;
    EXPECT_TRUE(report_labels.insert(StateString(r, "period_label")).second);
  }
  EXPECT_GE(report_labels.size(), 8u);

  // Overdue: every review past due and not approved is flagged; approved ones are on time.
  std::string now = FormatRfc3339(f_.clock().Now());
  int overdue = 0, open = 0, on_time = 0;
  for (const auto& r : Current("review")) {
    std::string status = StateString(r, "status");
    bool past = StateString(r, "due_at") < now;
    if (status == "approved") {
      EXPECT_TRUE(r.at("on_time").as_bool());
      ++on_time;
      continue;
    }
    ++open;
    EXPECT_EQ(r.at("overdue").as_bool(), past) << StateString(r, "id");
    if (past) ++overdue;
  }
  EXPECT_GT(overdue, 0);
  EXPECT_EQ(on_time, static_cast<int>(approved.size()));
  EXPECT_GE(on_time, 1);

  // Reminders of one overdue review: 30 and 7 days before, on the day, then weekly.
  const json::object* late = nullptr;
  auto reviews = Current("review");
  for (const auto& r : reviews) {
    if (StateString(r, "series_key") == "party_review:" + nimbus && r.at("period").as_int64() == 1)
      late = &r;
  }
  ASSERT_NE(late, nullptr);
  auto due = ParseRfc3339(StateString(*late, "due_at"));
  ASSERT_TRUE(due.ok());
  std::vector<std::string> expected_days;
  for (int64_t slot = 0;; ++slot) {
    TimePoint at = storage::ReminderSlotAt(*due, slot, policy());
    if (at > f_.clock().Now()) break;
    expected_days.push_back(FormatRfc3339(at).substr(0, 10));
  }
  ASSERT_GE(expected_days.size(), 5u);
  EXPECT_EQ(expected_days[0], FormatRfc3339(*due - days(30)).substr(0, 10));
  EXPECT_EQ(expected_days[1], FormatRfc3339(*due - days(7)).substr(0, 10));
  EXPECT_EQ(expected_days[2], FormatRfc3339(*due).substr(0, 10));
  EXPECT_EQ(expected_days[3], FormatRfc3339(*due + days(7)).substr(0, 10));
  std::map<std::string, std::set<std::string>> days_by_recipient;
  for (const auto& m : Outbox(StateString(*late, "id"))) {
    days_by_recipient[StateString(m, "recipient")].insert(
        StateString(m, "created_at").substr(0, 10));
  }
  // Unassigned: the officer who opens reviews hears of it every time.
  std::set<std::string> want(expected_days.begin(), expected_days.end());
  EXPECT_EQ(days_by_recipient["officer@sched.example"], want);

  // The quarterly report agrees with the reviews themselves.
  auto quarter = ParseQuarter("2027Q1");
  ASSERT_TRUE(quarter.ok());
  json::object report = ReadJson([&](storage::Tx& tx) {
    return storage::SlaReviewReport(tx, quarter->first, quarter->second, "2027Q1",
                                    f_.clock().Now());
  });
  int64_t required = 0;
  for (const auto& r : reviews) {
    std::string d = StateString(r, "due_at");
    if (StateString(r, "party_id").empty() || d < FormatRfc3339(quarter->first) ||
        d >= FormatRfc3339(quarter->second)) {
      continue;
    }
    ++required;
  }
  EXPECT_EQ(report.at("summary").at("reviews_required").as_int64(), required);
  EXPECT_GT(required, 0);
  EXPECT_EQ(report.at("summary").at("missed").as_int64(), required);  // none approved
  // The dashboard's counts match too.
  json::object dash =
      ReadJson([&](storage::Tx& tx) { return storage::ReviewDashboard(tx, f_.clock().Now()); });
  const json::object& totals = dash.at("reviews").at("totals").as_object();
  EXPECT_EQ(totals.at("overdue").as_int64(), overdue);
  EXPECT_EQ(totals.at("open").as_int64(), open);
  EXPECT_EQ(totals.at("done_on_time").as_int64(), on_time);
  EXPECT_EQ(dash.at("findings").at("open").as_int64(), 1);

  // Idempotent: running again at the same instant changes nothing.
  uint64_t size = f_.LedgerSize();
  auto again = Schedule();
  EXPECT_EQ(again.total(), 0);
  EXPECT_EQ(f_.LedgerSize(), size);
}

TEST_F(ReviewScheduleTest, OffboardedPartyStopsItsSeriesAndAProfileChangeKeepsTheAnchor) {
  std::string party = ActiveParty("Leaving Vendor", "partner");
  EXPECT_EQ(Schedule().series_added, 4);
  Patch("party", party, {{"status", "offboarded"}});
  auto run = Schedule();
  EXPECT_EQ(run.series_ended, 2);
  f_.clock().Advance(days(400));
  Schedule();
  for (const auto& r : Current("review")) EXPECT_NE(StateString(r, "party_id"), party);

  // A changed rule applies from the next period, anchored where the series began.
  policy::ReviewsPolicy changed = policy();
  changed.partner_list_review_rrule = "FREQ=MONTHLY;INTERVAL=6";
  auto r = storage::RunReviewSchedule(f_.rt().log(), changed, true);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->series_changed, 1);
  // Its next review still opens: the six-monthly occurrence after the last yearly one.
  f_.clock().Advance(days(200));
  ASSERT_TRUE(storage::RunReviewSchedule(f_.rt().log(), changed, true).ok());
  std::set<std::string> list_dues;
  for (const auto& rev : Current("review")) {
    if (StateString(rev, "review_kind") == "partner_list_review") {
      list_dues.insert(StateString(rev, "due_at"));
    }
  }
  auto six_monthly = ParseRRule("FREQ=MONTHLY;INTERVAL=6");
  ASSERT_TRUE(six_monthly.ok());
  auto after_yearly = NextOccurrence(*six_monthly, SeriesAnchor(t0_), t0_ + days(400));
  ASSERT_TRUE(after_yearly.has_value());
  EXPECT_TRUE(list_dues.contains(FormatRfc3339(after_yearly->at)))
      << "no list review due " << FormatRfc3339(after_yearly->at);
}

TEST_F(ReviewScheduleTest, AReturningPartyIsReviewedOnItsNewSchedule) {
  std::string party = ActiveParty("Returning Vendor", "partner");
  Schedule();
  f_.clock().Advance(days(340));  // the first yearly review is open (30 days ahead)
  Schedule();
  auto party_reviews = [&] {
    std::set<std::string> out;
    for (const auto& r : Current("review")) {
      if (StateString(r, "party_id") == party && StateString(r, "review_kind") == "party_review") {
        out.insert(StateString(r, "due_at"));
      }
    }
    return out;
  };
  ASSERT_EQ(party_reviews().size(), 1u);
  Patch("party", party, {{"status", "offboarded"}});
  Schedule();
  f_.clock().Advance(days(60));
  Patch("party", party, {{"status", "onboarding"}});
  Patch("party", party, {{"status", "active"}});
  TimePoint returned = f_.clock().Now();
  Schedule();
  // A year after its return its first review opens, though the old series had a period 1.
  f_.clock().Advance(days(380));
  Schedule();
  auto yearly = ParseRRule(policy().party_review_rrule);
  ASSERT_TRUE(yearly.ok());
  auto first = NthOccurrence(*yearly, SeriesAnchor(returned), 1);
  ASSERT_TRUE(first.has_value());
  auto dues = party_reviews();
  EXPECT_EQ(dues.size(), 2u);
  EXPECT_TRUE(dues.contains(FormatRfc3339(*first))) << "no review due " << FormatRfc3339(*first);
}

// A partner activated just before a long stop is due a year after its activation (its ledger
// time), not a year after the schedule first noticed it (issue 19).
TEST_F(ReviewScheduleTest, APartysSeriesCountsFromItsActivationNotFromTheTickThatSawIt) {
  std::string party = ActiveParty("Quiet Weekend Vendor", "partner");
  TimePoint activated = f_.clock().Now();
  f_.clock().Advance(days(20));  // the servers were down, or the schedule had not run yet
  Schedule();
  f_.clock().Advance(days(330));  // the yearly review opens 30 days ahead of its due date
  Schedule();
  auto yearly = ParseRRule(policy().party_review_rrule);
  ASSERT_TRUE(yearly.ok());
  auto due = NthOccurrence(*yearly, SeriesAnchor(activated), 1);
  ASSERT_TRUE(due.has_value());
  std::vector<std::string> dues;
  for (const auto& r : Current("review")) {
    if (StateString(r, "party_id") == party && StateString(r, "review_kind") == "party_review") {
      dues.push_back(StateString(r, "due_at"));
    }
  }
  ASSERT_EQ(dues.size(), 1u);
  EXPECT_EQ(dues[0], FormatRfc3339(*due)) << "anchored on the tick, not the activation";
}

TEST_F(ReviewScheduleTest, AReviewOpenedLateIsAnnouncedOnceNotWithEveryMissedReminder) {
  std::string party = ActiveParty("Late Vendor", "partner");
  json::object review = OpenPartyReview(party, days(10), privacy_);
  std::string id = StateString(review, "id");
  Schedule(false);
  auto sent = Outbox(id);
  ASSERT_EQ(sent.size(), 1u);  // to the assignee only
  EXPECT_EQ(StateString(sent[0], "recipient"), "privacy@sched.example");
  EXPECT_EQ(StateString(sent[0], "subject").rfind("Due in 10 days", 0), 0u)
      << StateString(sent[0], "subject");
  f_.clock().Advance(days(2));
  Schedule(false);
  EXPECT_EQ(Outbox(id).size(), 1u);
  f_.clock().Advance(days(1));  // 7 days before
  Schedule(false);
  EXPECT_EQ(Outbox(id).size(), 2u);
  f_.clock().Advance(days(8));  // a day late: the officers who approve hear of it too
  Schedule(false);
  std::set<std::string> late_to;
  for (const auto& m : Outbox(id)) {
    if (StateString(m, "subject").rfind("Overdue", 0) == 0)
      late_to.insert(StateString(m, "recipient"));
  }
  EXPECT_EQ(late_to, (std::set<std::string>{"privacy@sched.example", "officer@sched.example"}));
}

// [separation] allow_self_approval = ["review.approve"]: the profile lets one officer
// document and approve; the approval and its event say so (issue 19).
TEST_F(ReviewScheduleTest, AProfileThatAllowsSelfApprovalMarksIt) {
  profile_.reviews.allow_self_approval = true;
  std::string party = ActiveParty("Solo Vendor", "partner");
  json::object review = OpenPartyReview(party, days(10), officer_);
  std::string id = StateString(review, "id");
  json::object doc = PartyReviewDoc();
  const domain::Actor me{officer_, "security_officer"};
  Act(id, {.action = "document", .documentation = doc}, me);
  json::object approved = Act(id, {.action = "approve", .comment = "alone"}, me);
  EXPECT_EQ(StateString(approved, "status"), "approved");
  EXPECT_EQ(approved.at("self_approved"), true);

  // The same without the setting: refused, nothing written.
  profile_.reviews.allow_self_approval = false;
  std::string second = StateString(OpenPartyReview(party, days(40), officer_), "id");
  Act(second, {.action = "document", .documentation = doc}, me);
  auto refused = TryRun([&](storage::CommandContext& c) -> Result<json::value> {
    auto r = storage::ApplyReviewAction(c, me, second, {.action = "approve"}, policy());
    if (!r.ok()) return std::move(r).error();
    return json::value(std::move(*r));
  });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(refused.error().details.at(0).field, "documented_by");
}

TEST_F(ReviewScheduleTest, NothingDueMeansNoWriteAndReadsOnly) {
  ActiveParty("Quiet Vendor", "subcontractor");
  Schedule();
  uint64_t size = f_.LedgerSize();
  for (int i = 0; i < 5; ++i) {
    f_.clock().Advance(std::chrono::hours(1));
    EXPECT_EQ(Schedule(false).total(), 0);
  }
  EXPECT_EQ(f_.LedgerSize(), size);
}

}  // namespace
}  // namespace accord::testing
