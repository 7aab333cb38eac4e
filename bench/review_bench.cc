// Review benchmarks (issue 6): the scheduler pass over 100,000 active parties (target < 1 s)
// and the dashboard's counts at 100,000 parties and 1,000,000 reviews (target < 50 ms), on
// SQLite in a scratch directory. One store serves every benchmark, in registration order:
// the parties go through the real registry commands; the first sync pass creates their
// series; the due-day pass then respreads the series' anchors over a year; the dashboard last
// adds a million rm_reviews rows directly (rm_review_stats recomputed as the projection
// would), after which the scheduler must not run on this store again.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "accord/app/runtime.h"
#include "accord/core/ids.h"
#include "accord/core/rrule.h"
#include "accord/core/time.h"
#include "accord/domain/reviews.h"
#include "accord/http/registry_http.h"
#include "accord/policy/profile.h"
#include "accord/storage/my_work.h"
#include "accord/storage/red_flags.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/reviews.h"
#include "bench_util.h"

namespace accord::bench {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using Seconds = std::chrono::duration<double>;
using storage::Null;
using storage::Value;

constexpr int kParties = 100000;
constexpr int kInfrastructureEvery = 100;  // 1% infrastructure partners: TP-11's SOC 2 check
constexpr int kReviews = 1000000;
constexpr int kDueDays = 20;  // due-day passes: one simulated day each

const domain::Actor kInstaller{"bench", "installer"};
const domain::Actor kOfficer{"usr_bench_privacy", "privacy_officer"};  // writes the parties

TimePoint Start() {
  static const TimePoint start = Check(ParseRfc3339("2026-01-05T09:00:00Z"), "start time");
  return start;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return Seconds(std::chrono::steady_clock::now() - start).count();
}

std::string PartyName(int i) {
  static const char* const kWords[] = {"acme",   "health",  "care",   "medical", "clinic",
                                       "labs",   "systems", "data",   "cloud",   "north",
                                       "river",  "summit",  "valley", "bright",  "atlas",
                                       "harbor", "cedar",   "pine",   "oak",     "partners"};
  constexpr int n = sizeof(kWords) / sizeof(kWords[0]);
  char number[16];
  std::snprintf(number, sizeof number, "%06d", i);
  return std::string(kWords[i % n]) + " " + kWords[(i / n) % n] + " " + number;
}

json::object PartyBody(int i) {
  bool infrastructure = i % kInfrastructureEvery == 0;
  return json::object{{"name", PartyName(i)},
                      {"kind", i % 3 == 0 ? "subcontractor" : "partner"},
                      {"owner", "Privacy Officer"},
                      {"criticality", infrastructure ? "high"
                                      : i % 2        ? "medium"
                                                     : "low"},
                      {"infrastructure_partner", infrastructure},
                      {"location", "United States"},
                      {"data_categories", json::array{"ephi", "pii"}},
                      {"access_level", infrastructure ? "production" : "none"}};
}

// The one store: 100,000 active partners and subcontractors, a security officer (so reminders
// have a recipient), the luma profile's review policy, and a fake clock.
struct ReviewStore {
  FakeClock clock{Start()};
  ScratchDir dir{"reviews"};
  policy::Profile profile;
  std::unique_ptr<app::Runtime> rt;
  std::string officer_id;  // the assignee of half the open synthetic reviews
  std::vector<std::string> party_ids;
  double parties_s = 0;

  std::once_flag synced;
  double first_sync_s = 0;
  storage::ScheduleRun first_run;
  std::once_flag spread;
  double spread_s = 0;
  std::once_flag reviews;
  double reviews_s = 0;
  bool synthetic_reviews = false;  // rm_reviews rows without review objects: no more passes
  bool verified = false;           // the dashboard's totals were checked against COUNT(*)

  ReviewStore() {
    rt = Check(app::Runtime::Open(app::StoreConfig{dir.path()}, clock), "open runtime");
    profile = Check(policy::LoadProfile("luma"), "load profile");
    app::OrgInfo org = Check(rt->EnsureOrg(profile, "", "Benchmark Org"), "ensure org");
    Check(rt->LoadSigner(org.origin), "load signer");
    json::object officer{{"email", "officer@bench.example"},
                         {"name", "Bench Officer"},
                         {"role", "security_officer"}};
    json::object user = Check(
        app::AddUser(rt->log(), kInstaller, officer, "Bench-7f3k9q2-Zw8x", profile.identity, true),
        "add user");
    officer_id = std::string(user.at("id").as_string());
    auto start = std::chrono::steady_clock::now();
    AddParties();
    parties_s = SecondsSince(start);
    std::fprintf(stderr, "review_bench: %d parties (%d events) in %.1f s\n", kParties, 3 * kParties,
                 parties_s);
  }

  // Each party created (prospect), onboarding, active: one command each, as POST
  // /api/v1/parties and two PATCHes would be, all queued at once so the group-commit writer
  // takes up to 4096 of them per transaction (each in its own savepoint). One command holding
  // thousands of events is quadratic instead: every statement's release truncates SQLite's
  // in-memory sub-journal by walking it from its first chunk.
  void AddParties() {
    party_ids.assign(kParties, "");
    std::mutex mu;
    std::condition_variable cv;
    int done = 0;
    std::string error;
    storage::EventLog& log = rt->log();
    log.StartWriter();
    for (int i = 0; i < kParties; ++i) {
      log.Submit(
          [i](storage::CommandContext& c) -> Result<json::value> {
            auto created = storage::CreateRegistryObject(c, "party", "", PartyBody(i), kOfficer);
            if (!created.ok()) return std::move(created).error();
            std::string id(created->as_object().at("id").as_string());
            for (const char* status : {"onboarding", "active"}) {
              auto patched = storage::PatchRegistryObject(
                  c, "party", id, json::object{{"status", status}}, kOfficer);
              if (!patched.ok()) return std::move(patched).error();
            }
            return json::value(id);
          },
          [&, i](Result<json::value> r) {
            std::lock_guard lock(mu);
            if (r.ok()) {
              party_ids[i] = std::string(r->as_string());
            } else if (error.empty()) {
              error = r.error().message;
            }
            if (++done == kParties) cv.notify_one();
          });
    }
    std::unique_lock lock(mu);
    // `serve` checkpoints the WAL every second; without it each read searches an ever longer
    // WAL index (wal_autocheckpoint is off on the writer).
    while (!cv.wait_for(lock, std::chrono::seconds(1), [&] { return done == kParties; })) {
      lock.unlock();
      rt->store().Maintain();
      lock.lock();
    }
    rt->store().Maintain();
    if (!error.empty()) Die("create parties: " + error);
  }

  const policy::ReviewsPolicy& policy() const { return profile.reviews; }

  // The first pass: 200,000 party series (party_review, activity_review), the organisation's
  // two, and a soc2_report_missing finding per infrastructure partner.
  void EnsureSynced() {
    std::call_once(synced, [&] {
      auto start = std::chrono::steady_clock::now();
      first_run = Check(storage::RunReviewSchedule(rt->log(), policy(), true), "first sync");
      first_sync_s = SecondsSince(start);
      rt->store().Maintain();
      std::fprintf(stderr, "review_bench: first sync %.2f s: %d series added, %d findings opened\n",
                   first_sync_s, first_run.series_added, first_run.findings_opened);
      if (first_run.series_added != 2 * kParties + 2) {
        Die("first sync added " + std::to_string(first_run.series_added) + " series, expected " +
            std::to_string(2 * kParties + 2));
      }
    });
  }

  // Re-anchors every party series so that party i's open_at falls (i % 365) + 1 days from
  // now: each simulated day opens the reviews of 1/365 of the parties (both kinds).
  void EnsureSpread() {
    EnsureSynced();
    std::call_once(spread, [&] {
      auto start = std::chrono::steady_clock::now();
      std::unordered_map<std::string, int> index;
      for (int i = 0; i < static_cast<int>(party_ids.size()); ++i) index[party_ids[i]] = i;
      TimePoint now = clock.Now();
      Check(rt->store().Write([&](storage::Tx& tx) -> Status {
        auto rows =
            tx.Query("SELECT key, party_id, rrule FROM review_series WHERE party_id <> ''", {});
        if (!rows.ok()) return std::move(rows).error();
        for (const auto& row : *rows) {
          auto it = index.find(row.Text(1));
          if (it == index.end()) return Internal("series of an unknown party " + row.Text(1));
          auto rule = ParseRRule(row.Text(2));
          if (!rule.ok()) return std::move(rule).error();
          int day = it->second % 365 + 1;
          TimePoint anchor = now + std::chrono::days(day + policy().open_ahead_days - 365);
          auto next = NextOccurrence(*rule, anchor, std::max(now, anchor));
          if (!next) return Internal("no next occurrence for " + row.Text(0));
          TimePoint open_at = next->at - std::chrono::days(policy().open_ahead_days);
          if (open_at <= now) return Internal("series " + row.Text(0) + " is already due");
          auto r = tx.Exec(
              "UPDATE review_series SET anchor = ?, next_period = ?, next_due_at = ?, "
              "open_at = ? WHERE key = ?",
              {FormatRfc3339(anchor), next->index, FormatRfc3339(next->at), FormatRfc3339(open_at),
               row.Text(0)});
          if (!r.ok()) return std::move(r).error();
        }
        return Ok();
      }),
            "spread anchors");
      rt->store().Maintain();
      spread_s = SecondsSince(start);
      std::fprintf(stderr, "review_bench: series re-anchored over a year in %.1f s\n", spread_s);
    });
  }

  // 1,000,000 rm_reviews rows over three years around now, and rm_review_stats recomputed
  // from them as the reviews projection keeps it.
  void EnsureReviews() {
    EnsureSynced();
    std::call_once(reviews, [&] {
      auto start = std::chrono::steady_clock::now();
      synthetic_reviews = true;
      Check(rt->store().Write([&](storage::Tx& tx) -> Status {
        ACCORD_TRY(CheckStatsMatchReviews(tx));
        // The indexes are built again after the load (one sort each) rather than updated by
        // a million random inserts through the 16 MB page cache: set-up time only.
        auto indexes = tx.Query(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'rm_reviews' "
            "AND sql IS NOT NULL",
            {});
        if (!indexes.ok()) return std::move(indexes).error();
        for (const auto& index : *indexes) {
          auto drop = tx.Exec("DROP INDEX " + index.Text(0), {});
          if (!drop.ok()) return std::move(drop).error();
        }
        ACCORD_TRY(InsertReviews(tx));
        for (const auto& index : *indexes) {
          auto create = tx.Exec(index.Text(1), {});
          if (!create.ok()) return std::move(create).error();
        }
        auto del = tx.Exec("DELETE FROM rm_review_stats", {});
        if (!del.ok()) return std::move(del).error();
        auto ins = tx.Exec(std::string("INSERT INTO rm_review_stats(review_kind, due_day, "
                                       "open_count, on_time, late) ") +
                               kStatsSelect,
                           {});
        if (!ins.ok()) return std::move(ins).error();
        return Ok();
      }),
            "insert reviews");
      rt->store().Maintain();
      reviews_s = SecondsSince(start);
      std::fprintf(stderr, "review_bench: %d reviews and their stats inserted in %.1f s\n",
                   kReviews, reviews_s);
    });
  }

  // What the projection's AddStats sums, per kind and due day: open reviews, approved ones on
  // time and late (a closed review that was not approved counts nowhere, and a day with only
  // those gets no row).
  static constexpr const char* kStatsSelect =
      "SELECT review_kind, substr(due_at, 1, 10), SUM(is_open), "
      "SUM(CASE WHEN is_open = 0 AND approved_at IS NOT NULL AND approved_at <= due_at "
      "THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN is_open = 0 AND approved_at IS NOT NULL AND approved_at > due_at "
      "THEN 1 ELSE 0 END) "
      "FROM rm_reviews GROUP BY review_kind, substr(due_at, 1, 10) "
      "HAVING SUM(is_open = 1 OR (approved_at IS NOT NULL)) > 0";

  // The projection's own stats for the reviews the due-day passes opened must be what
  // kStatsSelect computes: otherwise the recomputed stats would not be what it would write.
  static Status CheckStatsMatchReviews(storage::Tx& tx) {
    auto diff = tx.QueryOne(
        std::string("SELECT (SELECT COUNT(*) FROM (SELECT review_kind, due_day, open_count, "
                    "on_time, late FROM rm_review_stats WHERE open_count + on_time + late > 0 "
                    "EXCEPT SELECT * FROM (") +
            kStatsSelect + "))) + (SELECT COUNT(*) FROM (SELECT * FROM (" + kStatsSelect +
            ") EXCEPT SELECT review_kind, due_day, open_count, on_time, late FROM "
            "rm_review_stats))",
        {});
    if (!diff.ok()) return std::move(diff).error();
    if ((*diff)->Int(0) != 0) {
      return Internal("rm_review_stats differs from rm_reviews in " +
                      std::to_string((*diff)->Int(0)) + " rows before the synthetic reviews");
    }
    return Ok();
  }

  // Kinds in proportion to how they recur: two yearly reviews per party, quarterly SLA
  // reviews for a quarter of them, change reviews and risk assessments from change notices,
  // and the organisation's yearly list review and quarterly SLA report.
  Status InsertReviews(storage::Tx& tx) {
    std::mt19937_64 rng(6);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::uniform_int_distribution<size_t> party(0, party_ids.size() - 1);
    const TimePoint now = clock.Now();
    const auto span = std::chrono::days(3 * 365);
    const TimePoint first_due = now - std::chrono::days(33 * 30);  // 33 months back, 3 ahead
    const char* const kOpenStatuses[] = {"open", "assigned", "documented"};
    // In due order, so the ids (which start with their instant) go into the primary key
    // in order too.
    std::vector<TimePoint> dues(kReviews);
    for (auto& due : dues) {
      due = std::chrono::floor<std::chrono::hours>(
          first_due +
          std::chrono::milliseconds(static_cast<int64_t>(
              u(rng) * std::chrono::duration_cast<std::chrono::milliseconds>(span).count())));
    }
    std::sort(dues.begin(), dues.end());
    for (int i = 0; i < kReviews; ++i) {
      const TimePoint due = dues[i];
      std::string kind;
      if (i < 3) {
        kind = "partner_list_review";
      } else if (i < 15) {
        kind = "sla_report";
      } else {
        double k = u(rng);
        kind = k < 0.30   ? "party_review"
               : k < 0.60 ? "activity_review"
               : k < 0.85 ? "sla_review"
               : k < 0.95 ? "change_review"
                          : "risk_assessment";
      }
      std::string party_id = domain::IsPartyReviewKind(kind) ? party_ids[party(rng)] : "";
      // Past due: 96% approved, 1% cancelled, 3% still open (overdue); not yet due: 90% open,
      // 10% approved early. Overall ~89% approved (85% of them on time), ~10% open.
      double r = u(rng);
      bool open = due > now ? r < 0.90 : r >= 0.97;
      bool cancelled = !open && due <= now && r >= 0.96;
      std::string status = open ? kOpenStatuses[i % 3] : cancelled ? "cancelled" : "approved";
      Value approved_at = Null();
      if (status == "approved") {
        bool on_time = due > now || u(rng) < 0.85;
        TimePoint at = on_time ? due - std::chrono::hours(1 + static_cast<int>(u(rng) * 480))
                               : due + std::chrono::hours(1 + static_cast<int>(u(rng) * 1440));
        approved_at = FormatRfc3339(std::min(at, now));
      }
      // Unique per row ((series, due date) is a unique key): these stand for the reviews of
      // many series, not for a schedule.
      std::string series =
          kind == "change_review" || kind == "risk_assessment"
              ? std::string()
              : kind + ":" + (party_id.empty() ? "org" : party_id) + "/" + std::to_string(i);
      auto ins = tx.Exec(
          "INSERT INTO rm_reviews(id, review_kind, party_id, status, is_open, overdue, due_at, "
          "approved_at, series_key, period, assignee_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {NewId("rev", due), kind, party_id, status, int64_t{open ? 1 : 0},
           int64_t{open && due < now ? 1 : 0}, FormatRfc3339(due), approved_at,
           series.empty() ? Value(Null()) : Value(series),
           series.empty() ? Value(Null()) : Value(int64_t{i}),
           open && i % 2 ? officer_id : std::string()});
      if (!ins.ok()) return std::move(ins).error();
    }
    return Ok();
  }

  // The dashboard's totals against plain COUNT(*)s over rm_reviews and rm_objects.
  void VerifyDashboard(const json::object& dashboard, TimePoint now) {
    const json::object& totals = dashboard.at("reviews").at("totals").as_object();
    std::string at = FormatRfc3339(now);
    std::string soon = FormatRfc3339(now + std::chrono::days(30)).substr(0, 10);
    struct Want {
      const char* key;
      std::string sql;
      std::vector<Value> params;
    };
    const std::vector<Want> wants = {
        {"open", "SELECT COUNT(*) FROM rm_reviews WHERE is_open = 1", {}},
        {"overdue", "SELECT COUNT(*) FROM rm_reviews WHERE is_open = 1 AND due_at < ?", {at}},
        {"due_next_30_days",
         "SELECT COUNT(*) FROM rm_reviews WHERE is_open = 1 AND due_at >= ? AND "
         "substr(due_at, 1, 10) <= ?",
         {at, soon}},
        {"done_on_time",
         "SELECT COUNT(*) FROM rm_reviews WHERE is_open = 0 AND approved_at IS NOT NULL AND "
         "approved_at <= due_at",
         {}},
        {"done_late",
         "SELECT COUNT(*) FROM rm_reviews WHERE is_open = 0 AND approved_at IS NOT NULL AND "
         "approved_at > due_at",
         {}},
    };
    std::string report;
    Check(rt->store().Read([&](storage::Tx& tx) -> Status {
      for (const auto& w : wants) {
        auto rows = tx.Query(w.sql, w.params);
        if (!rows.ok()) return std::move(rows).error();
        int64_t want = rows->at(0).Int(0), got = totals.at(w.key).as_int64();
        report += std::string(" ") + w.key + "=" + std::to_string(got);
        if (got != want) {
          return Internal(std::string("dashboard ") + w.key + " = " + std::to_string(got) +
                          ", COUNT(*) = " + std::to_string(want));
        }
      }
      auto findings = tx.QueryOne(
          "SELECT COUNT(*) FROM rm_objects WHERE kind = 'finding' AND status = 'open' AND "
          "to_idx = ?",
          {storage::kOpenVersion});
      if (!findings.ok()) return std::move(findings).error();
      int64_t got = dashboard.at("findings").at("open").as_int64();
      report += " findings=" + std::to_string(got);
      if (got != (*findings)->Int(0)) {
        return Internal("dashboard findings.open = " + std::to_string(got) +
                        ", COUNT(*) = " + std::to_string((*findings)->Int(0)));
      }
      return Ok();
    }),
          "verify dashboard");
    std::fprintf(stderr, "review_bench: dashboard totals match COUNT(*):%s\n", report.c_str());
  }
};

ReviewStore& Store() {
  static ReviewStore store;  // built by the first review benchmark that runs
  return store;
}

bool Usable(benchmark::State& state, ReviewStore& s) {
  if (s.synthetic_reviews) {
    state.SkipWithError("the store holds synthetic reviews: scheduler passes must run first");
    return false;
  }
  return true;
}

void PartyCounters(benchmark::State& state, const ReviewStore& s) {
  state.counters["parties"] = static_cast<double>(s.party_ids.size());
  state.counters["parties_setup_s"] = s.parties_s;
}

// The first pass on a store with 100,000 parties and no series: inserts 200,002 series rows and
// opens a finding per infrastructure partner without a SOC 2 report. Timed once.
void BM_ReviewSchedulePass_FirstSync(benchmark::State& state) {
  ReviewStore& s = Store();
  s.EnsureSynced();
  for (auto _ : state) state.SetIterationTime(s.first_sync_s);
  PartyCounters(state, s);
  state.counters["series_added"] = s.first_run.series_added;
  state.counters["findings_opened"] = s.first_run.findings_opened;
}
BENCHMARK(BM_ReviewSchedulePass_FirstSync)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// The steady state of a sync pass (the server's, whenever the ledger grew or a minute passed):
// every active party read and compared with review_series, every infrastructure partner's
// SOC 2 checked, open findings' deadlines checked; nothing is due, nothing changes.
void BM_ReviewSchedulePass_Sync(benchmark::State& state) {
  ReviewStore& s = Store();
  s.EnsureSynced();
  if (!Usable(state, s)) return;
  for (auto _ : state) {
    auto run = storage::RunReviewSchedule(s.rt->log(), s.policy(), true);
    if (!run.ok()) {
      state.SkipWithError(run.error().message.c_str());
      break;
    }
    if (run->total() != 0) {
      state.SkipWithError("a steady-state sync pass changed something");
      break;
    }
  }
  PartyCounters(state, s);
}
BENCHMARK(BM_ReviewSchedulePass_Sync)->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);

// The pass of the seconds in between (no sync): three index probes find nothing due; the
// reminder query still runs, in a write transaction that writes nothing.
void BM_ReviewSchedulePass_Idle(benchmark::State& state) {
  ReviewStore& s = Store();
  s.EnsureSynced();
  if (!Usable(state, s)) return;
  for (auto _ : state) {
    auto run = storage::RunReviewSchedule(s.rt->log(), s.policy(), false);
    if (!run.ok()) {
      state.SkipWithError(run.error().message.c_str());
      break;
    }
    if (run->total() != 0) {
      state.SkipWithError("an idle pass changed something");
      break;
    }
  }
  PartyCounters(state, s);
}
BENCHMARK(BM_ReviewSchedulePass_Idle)->UseRealTime()->Unit(benchmark::kMicrosecond);

// The first pass of a new day when the 100,000 parties' anchors are spread evenly over a
// year: it opens that day's reviews (party_review and activity_review of ~274 parties), each
// with its event, read models and first reminder, and queues those reminders. Without sync
// (the server's next pass syncs, since the ledger grew: BM_ReviewSchedulePass_Sync).
void BM_ReviewSchedulePass_DueDay(benchmark::State& state) {
  ReviewStore& s = Store();
  s.EnsureSpread();
  if (!Usable(state, s)) return;
  int64_t opened = 0, reminders = 0;
  for (auto _ : state) {
    s.clock.Advance(std::chrono::days(1));
    auto run = storage::RunReviewSchedule(s.rt->log(), s.policy(), false);
    if (!run.ok()) {
      state.SkipWithError(run.error().message.c_str());
      break;
    }
    if (run->reviews_opened == 0) {
      state.SkipWithError("a due-day pass opened no review");
      break;
    }
    opened += run->reviews_opened;
    reminders += run->reminders_queued;
  }
  s.rt->store().Maintain();
  PartyCounters(state, s);
  state.counters["reviews_opened"] =
      benchmark::Counter(static_cast<double>(opened), benchmark::Counter::kAvgIterations);
  state.counters["reminders_queued"] =
      benchmark::Counter(static_cast<double>(reminders), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_ReviewSchedulePass_DueDay)
    ->Iterations(kDueDays)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// GET /api/v1/reviews/dashboard's work: ReviewDashboard in one read transaction over
// 1,000,000 reviews (~5,500 stats rows, one per kind and due day; today's open reviews one
// by one) and the open findings.
void BM_Dashboard(benchmark::State& state) {
  ReviewStore& s = Store();
  s.EnsureReviews();
  const TimePoint now = s.clock.Now();
  auto read = [&](json::object& out) {
    return s.rt->store().Read([&](storage::Tx& tx) -> Status {
      auto d = storage::ReviewDashboard(tx, now);
      if (!d.ok()) return std::move(d).error();
      out = std::move(*d);
      return Ok();
    });
  };
  if (!s.verified) {  // Google Benchmark may call this function more than once
    json::object first;
    Check(read(first), "dashboard");
    s.VerifyDashboard(first, now);
    s.verified = true;
  }
  for (auto _ : state) {
    json::object d;
    Status r = read(d);
    if (!r.ok()) {
      state.SkipWithError(r.error().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(d);
  }
  PartyCounters(state, s);
  state.counters["reviews"] = kReviews;
  state.counters["reviews_setup_s"] = s.reviews_s;
}
BENCHMARK(BM_Dashboard)->UseRealTime()->Unit(benchmark::kMillisecond);

// GET /api/v1/my-work's work (issue 20) for the officer to whom half of the open synthetic
// reviews are assigned: the assigned, documented and answered reviews through their indexes,
// the open findings, grants, requests, notices and campaigns; 20 items per group.
void BM_MyWork(benchmark::State& state) {
  ReviewStore& s = Store();
  s.EnsureReviews();
  const storage::Viewer viewer{s.officer_id, "security_officer", false, &s.profile};
  int64_t total = 0;
  for (auto _ : state) {
    Status r = s.rt->store().Read([&](storage::Tx& tx) -> Status {
      auto w = storage::MyWork(tx, viewer, s.clock.Now(), 20);
      if (!w.ok()) return std::move(w).error();
      total = w->at("total").as_int64();
      return Ok();
    });
    if (!r.ok()) {
      state.SkipWithError(r.error().message.c_str());
      break;
    }
  }
  PartyCounters(state, s);
  state.counters["items"] = static_cast<double>(total);
}
BENCHMARK(BM_MyWork)->UseRealTime()->Unit(benchmark::kMillisecond);

// GET /api/v1/red-flags' work (issue 20): 100,000 active parties none of which has its
// required agreement (each counted, the first ten listed), 1,000 infrastructure partners'
// SOC 2 checked, the overdue reviews counted among 1,000,000.
void BM_RedFlags(benchmark::State& state) {
  ReviewStore& s = Store();
  s.EnsureReviews();
  int64_t total = 0;
  for (auto _ : state) {
    Status r = s.rt->store().Read([&](storage::Tx& tx) -> Status {
      auto f = storage::RedFlags(tx, s.profile, s.clock.Now(), 10);
      if (!f.ok()) return std::move(f).error();
      total = f->at("total").as_int64();
      return Ok();
    });
    if (!r.ok()) {
      state.SkipWithError(r.error().message.c_str());
      break;
    }
  }
  PartyCounters(state, s);
  state.counters["flags"] = static_cast<double>(total);
}
BENCHMARK(BM_RedFlags)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace accord::bench
