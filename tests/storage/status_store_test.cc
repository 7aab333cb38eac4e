// Status components, samples and roll-ups on the real store with a fake clock: only status
// changes and daily roll-ups reach the ledger, a day rolls up once, attainment against the
// target per month and quarter, the runner's lease, maintenance, and refused targets.
#include "accord/storage/status.h"
#include "accord/storage/trust_subscriptions.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "accord/core/time.h"
#include "support/runtime_fixture.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

class StatusStoreTest : public ::testing::Test {
 protected:
  Result<json::value> Run(const storage::Command& command) {
    return f_.rt().log().Execute(command);
  }

  std::string AddComponent(const std::string& name, const std::string& group = "") {
    json::object body{
        {"name", name},
        {"probe", json::object{{"kind", "http"}, {"target", "https://example.org/"}}}};
    if (!group.empty()) body["group"] = group;
    auto c = storage::ParseStatusComponent(body, false);
    EXPECT_TRUE(c.ok()) << c.error().ToString();
    auto r = Run([&](storage::CommandContext& cc) -> Result<json::value> {
      auto o = storage::SaveStatusComponent(cc, {"usr_test", "security_officer"}, "", *c);
      if (!o.ok()) return std::move(o).error();
      return json::value(*o);
    });
    EXPECT_TRUE(r.ok());
    return std::string(r->at("id").as_string());
  }

  void Outcome(const std::string& id, bool ok, std::string error = "") {
    storage::ProbeOutcome o{.component_id = id, .ok = ok, .latency_ms = 12, .error = error};
    auto r = Run([&](storage::CommandContext& cc) -> Result<json::value> {
      auto n = storage::RecordProbeOutcomes(cc, {o}, settings_);
      if (!n.ok()) return std::move(n).error();
      return json::value(*n);
    });
    ASSERT_TRUE(r.ok()) << r.error().ToString();
  }

  int64_t Count(const std::string& type) {
    int64_t n = 0;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto row = tx.QueryOne("SELECT COUNT(*) FROM rm_ledger_events WHERE type = ?",
                                             {type});
                      if (!row.ok()) return std::move(row).error();
                      n = (*row)->Int(0);
                      return Ok();
                    })
                    .ok());
    return n;
  }

  storage::StatusComponent Get(const std::string& id) {
    storage::StatusComponent out;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto c = storage::GetStatusComponent(tx, id);
                      if (!c.ok()) return std::move(c).error();
                      out = **c;
                      return Ok();
                    })
                    .ok());
    return out;
  }

  // Moves the clock to the start of the next UTC day plus `offset`.
  void NextDay(std::chrono::minutes offset = 0min) {
    TimePoint now = f_.clock().Now();
    auto next = std::chrono::floor<std::chrono::days>(now) + std::chrono::days(1) + offset;
    f_.clock().Advance(std::chrono::duration_cast<std::chrono::milliseconds>(next - now));
  }

  RuntimeFixture f_;
  storage::StatusSettings settings_;
};

TEST_F(StatusStoreTest, OnlyStatusChangesReachTheLedger) {
  std::string id = AddComponent("API");
  EXPECT_EQ(Count("status_component.configured"), 1);
  for (int i = 0; i < 30; ++i) {
    Outcome(id, true);
    f_.clock().Advance(60s);
  }
  EXPECT_EQ(Count("status_component.status_changed"), 0);
  Outcome(id, false, "answered 503, expected 200");
  EXPECT_EQ(Get(id).status, "operational");  // one failure is not an outage yet
  f_.clock().Advance(60s);
  Outcome(id, false, "answered 503, expected 200");
  EXPECT_EQ(Get(id).status, "major_outage");
  EXPECT_EQ(Get(id).last_error, "answered 503, expected 200");
  f_.clock().Advance(60s);
  Outcome(id, false, "answered 503, expected 200");
  f_.clock().Advance(60s);
  Outcome(id, true);
  EXPECT_EQ(Get(id).status, "operational");
  EXPECT_EQ(Count("status_component.status_changed"), 2);
  // 34 minutes measured, 34 samples: one per minute, never a ledger entry.
  int64_t samples = 0;
  ASSERT_TRUE(f_.rt()
                  .store()
                  .Read([&](storage::Tx& tx) -> Status {
                    auto row = tx.QueryOne("SELECT COUNT(*) FROM status_samples", {});
                    samples = (*row)->Int(0);
                    return Ok();
                  })
                  .ok());
  EXPECT_EQ(samples, 34);
}

TEST_F(StatusStoreTest, AFailureInAMinuteMakesTheMinuteDown) {
  std::string id = AddComponent("API");
  NextDay(10min);
  Outcome(id, true);
  f_.clock().Advance(20s);
  Outcome(id, false, "no answer within 5000 ms");
  f_.clock().Advance(20s);
  Outcome(id, true);
  ASSERT_TRUE(f_.rt()
                  .store()
                  .Read([&](storage::Tx& tx) -> Status {
                    auto days = storage::ComponentUptimeDays(
                        tx, id, storage::DayOf(f_.clock().Now()), storage::DayOf(f_.clock().Now()),
                        f_.clock().Now());
                    EXPECT_TRUE(days.ok());
                    EXPECT_EQ(days->size(), 1u);
                    EXPECT_EQ(days->at(0).up_minutes, 0);
                    EXPECT_EQ(days->at(0).sampled_minutes, 1);
                    return Ok();
                  })
                  .ok());
}

TEST_F(StatusStoreTest, DaysRollUpOnceIntoTheLedgerAndAttainmentFollowsTheTarget) {
  std::string api = AddComponent("API", "Platform");
  std::string web = AddComponent("Website", "Platform");
  NextDay();
  // Day 1: 500 minutes measured, API down for 1 of them.
  for (int m = 0; m < 500; ++m) {
    Outcome(api, m != 250, m == 250 ? "connection refused" : "");
    Outcome(web, true);
    f_.clock().Advance(60s);
  }
  NextDay(5min);
  auto roll = [&] {
    auto r = Run([&](storage::CommandContext& cc) -> Result<json::value> {
      auto n = storage::RollUpUptime(cc, settings_);
      if (!n.ok()) return std::move(n).error();
      return json::value(*n);
    });
    EXPECT_TRUE(r.ok()) << r.error().ToString();
    return r.ok() ? r->as_int64() : -1;
  };
  EXPECT_EQ(roll(), 1);
  EXPECT_EQ(Count("status_uptime.rolled_up"), 1);
  EXPECT_EQ(roll(), 0);  // a day rolls up once
  EXPECT_EQ(Count("status_uptime.rolled_up"), 1);
  ASSERT_TRUE(f_.rt()
                  .store()
                  .Read([&](storage::Tx& tx) -> Status {
                    const TimePoint now = f_.clock().Now();
                    const int64_t yesterday = storage::DayOf(now) - 1;
                    auto days = storage::ComponentUptimeDays(tx, api, yesterday, yesterday, now);
                    EXPECT_TRUE(days.ok());
                    EXPECT_EQ(days->size(), 1u);
                    EXPECT_EQ(days->at(0).up_minutes, 499);
                    EXPECT_EQ(days->at(0).sampled_minutes, 500);
                    auto a = storage::ComponentAttainment(tx, api, 99.9, now);
                    EXPECT_TRUE(a.ok());
                    EXPECT_EQ(a->size(), 2u);  // month and quarter
                    for (const auto& x : *a) {
                      EXPECT_NEAR(x.uptime_percent, 99.8, 1e-9) << x.period;
                      EXPECT_FALSE(x.met) << x.period;
                    }
                    EXPECT_EQ((*a)[1].period.find("-Q"), 4u);
                    auto w = storage::ComponentAttainment(tx, web, 99.9, now);
                    EXPECT_TRUE(w->at(0).met);
                    return Ok();
                  })
                  .ok());
}

TEST_F(StatusStoreTest, SamplesAreForgottenAfterTheRetention) {
  std::string id = AddComponent("API");
  Outcome(id, true);
  settings_.retention_days = 7;
  f_.clock().Advance(std::chrono::days(9));
  ASSERT_TRUE(Run([&](storage::CommandContext& cc) -> Result<json::value> {
                auto n = storage::RollUpUptime(cc, settings_);
                if (!n.ok()) return std::move(n).error();
                return json::value(*n);
              }).ok());
  ASSERT_TRUE(f_.rt()
                  .store()
                  .Read([&](storage::Tx& tx) -> Status {
                    EXPECT_EQ((*tx.QueryOne("SELECT COUNT(*) FROM status_samples", {}))->Int(0), 0);
                    EXPECT_EQ((*tx.QueryOne("SELECT COUNT(*) FROM status_daily", {}))->Int(0), 1);
                    return Ok();
                  })
                  .ok());
}

TEST_F(StatusStoreTest, OneRunnerHoldsTheLeaseUntilItLapses) {
  auto take = [&](const std::string& holder) {
    bool got = false;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Write([&](storage::Tx& tx) -> Status {
                      auto l = storage::TakeLease(tx, "status", holder, f_.clock().Now(), 30s);
                      if (!l.ok()) return std::move(l).error();
                      got = *l;
                      return Ok();
                    })
                    .ok());
    return got;
  };
  EXPECT_TRUE(take("a"));
  EXPECT_FALSE(take("b"));
  f_.clock().Advance(10s);
  EXPECT_TRUE(take("a"));  // renewed
  f_.clock().Advance(29s);
  EXPECT_FALSE(take("b"));
  f_.clock().Advance(2s);
  EXPECT_TRUE(take("b"));  // a's lapsed
  EXPECT_FALSE(take("a"));
}

TEST_F(StatusStoreTest, RefusesPrivateTargetsUnlessAllowed) {
  for (const char* target :
       {"http://127.0.0.1:8080/healthz", "https://localhost/", "http://10.1.2.3/", "http://[::1]/",
        "http://192.168.0.1/", "http://169.254.169.254/latest/meta-data/"}) {
    json::object body{{"name", "x"}, {"probe", json::object{{"kind", "http"}, {"target", target}}}};
    auto c = storage::ParseStatusComponent(body, false);
    ASSERT_FALSE(c.ok()) << target;
    EXPECT_EQ(c.error().details.at(0).field, "probe.target");
    EXPECT_TRUE(storage::ParseStatusComponent(body, true).ok()) << target;
  }
  json::object tcp{{"name", "db"},
                   {"probe", json::object{{"kind", "tcp"}, {"target", "10.0.0.5:5432"}}}};
  EXPECT_FALSE(storage::ParseStatusComponent(tcp, false).ok());
  json::object bad{{"name", "x"},
                   {"probe", json::object{{"kind", "tcp"}, {"target", "db.example"}}}};
  auto r = storage::ParseStatusComponent(bad, true);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "probe.target");
}

TEST_F(StatusStoreTest, MaintenanceIsScheduledAndHasAStatusByTime) {
  std::string id = AddComponent("API");
  TimePoint now = f_.clock().Now();
  json::object body{{"name", "Database upgrade"},
                    {"body", "We upgrade the database."},
                    {"component_ids", json::array{json::value(id)}},
                    {"scheduled_for", FormatRfc3339(now + 1h)},
                    {"scheduled_until", FormatRfc3339(now + 2h)}};
  auto r = Run([&](storage::CommandContext& cc) -> Result<json::value> {
    auto m = storage::ScheduleMaintenance(cc, {"usr_test", "security_officer"}, body);
    if (!m.ok()) return std::move(m).error();
    return json::value(*m);
  });
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->at("status").as_string(), "scheduled");
  body["scheduled_until"] = FormatRfc3339(now);
  auto bad = Run([&](storage::CommandContext& cc) -> Result<json::value> {
    auto m = storage::ScheduleMaintenance(cc, {"usr_test", "security_officer"}, body);
    if (!m.ok()) return std::move(m).error();
    return json::value(*m);
  });
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().details.at(0).field, "scheduled_until");
  auto status_at = [&](TimePoint t) {
    std::string s;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto list = storage::ListMaintenances(tx, t);
                      s = std::string(list->at(0).at("status").as_string());
                      return Ok();
                    })
                    .ok());
    return s;
  };
  EXPECT_EQ(status_at(now + 90min), "in_progress");
  EXPECT_EQ(status_at(now + 3h), "completed");
  EXPECT_EQ(Count("status_maintenance.scheduled"), 1);
}

}  // namespace
}  // namespace accord::testing

namespace accord::testing {
namespace {

// The status page's subscription (the trust center's double opt-in with the topic "status"):
// a confirmed subscriber is emailed a status change in words; a subprocessor-list subscriber
// is not, and the same address may hold both topics in one subscription.
TEST_F(StatusStoreTest, StatusSubscribersAreEmailedStatusChanges) {
  const std::string key = "link-key";
  auto write = [&](const std::function<Status(storage::Tx&)>& fn) {
    ASSERT_TRUE(f_.rt().store().Write(fn).ok());
  };
  auto notify = [&] {
    int n = -1;
    write([&](storage::Tx& tx) -> Status {
      auto r = storage::NotifyStatusChanges(tx, "https://status.example", key, f_.clock().Now());
      if (!r.ok()) return std::move(r).error();
      n = *r;
      return Ok();
    });
    return n;
  };
  EXPECT_EQ(notify(), 0);  // the first run sets the starting point
  write([&](storage::Tx& tx) {
    return storage::Subscribe(tx, "ops@customer.example", "192.0.2.1", "https://status.example",
                              key, f_.clock().Now(), "status");
  });
  write([&](storage::Tx& tx) {
    return storage::Subscribe(tx, "lists@customer.example", "192.0.2.2", "https://status.example",
                              key, f_.clock().Now(), "subprocessors");
  });
  write([&](storage::Tx& tx) -> Status {
    auto n =
        tx.Exec("UPDATE trust_subscribers SET confirmed_at = ?", {FormatRfc3339(f_.clock().Now())});
    if (!n.ok()) return std::move(n).error();
    auto row = tx.QueryOne("SELECT topics FROM trust_subscribers WHERE email = ?",
                           {std::string("ops@customer.example")});
    EXPECT_TRUE(storage::HasTopic((*row)->Text(0), "status"));
    EXPECT_FALSE(storage::HasTopic((*row)->Text(0), "subprocessors"));
    return Ok();
  });
  std::string id = AddComponent("Patient portal");
  Outcome(id, false, "connection refused");
  f_.clock().Advance(60s);
  Outcome(id, false, "connection refused");
  EXPECT_EQ(notify(), 1);
  EXPECT_EQ(notify(), 0);  // once
  write([&](storage::Tx& tx) -> Status {
    auto row = tx.QueryOne(
        "SELECT recipient, body FROM outbox WHERE subject = 'The status of our services changed'",
        {});
    if (!row.ok()) return std::move(row).error();
    EXPECT_TRUE(row->has_value());
    if (row->has_value()) {
      EXPECT_EQ((*row)->Text(0), "ops@customer.example");
      EXPECT_NE((*row)->Text(1).find("Patient portal: now major outage (was operational)"),
                std::string::npos)
          << (*row)->Text(1);
    }
    return Ok();
  });
}

}  // namespace
}  // namespace accord::testing
