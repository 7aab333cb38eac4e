// Status benchmarks (issue 27): 10,000 HTTP probes against a loopback target on one thread
// (target: within a minute, i.e. >= 167 probes/s), the daily roll-up of one day of 1-minute
// samples for 100 components, and the month/quarter/year attainment of 100 components over a
// year of daily uptime (target for "one year of 1-minute samples for 100 components" < 1 s:
// the year is read from the daily roll-ups, as the status page does).
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "accord/app/probe.h"
#include "accord/app/runtime.h"
#include "accord/core/time.h"
#include "accord/http/server.h"
#include "accord/policy/profile.h"
#include "accord/storage/status.h"
#include "bench_util.h"

namespace accord::bench {
namespace {

namespace json = boost::json;

void BM_StatusHttpProbes(benchmark::State& state) {
  http::ServerOptions o;
  o.threads = 1;
  http::Server target(o, [](http::Request&&, http::Reply reply) {
    reply(http::Response{.status = 200, .content_type = "text/plain", .body = "ok"});
  });
  uint16_t port = Check(target.Start(), "start the probe target");
  const int n = static_cast<int>(state.range(0));
  std::vector<app::ProbeRequest> probes(n);
  for (int i = 0; i < n; ++i) {
    probes[i].component_id = "cmp_" + std::to_string(i);
    probes[i].spec.kind = "http";
    probes[i].spec.target = "http://127.0.0.1:" + std::to_string(port) + "/healthz";
    probes[i].spec.body_match = "ok";
  }
  app::ProbeLimits limits;
  limits.allow_private = true;
  int failed = 0;
  for (auto _ : state) {
    auto out = app::RunProbes(probes, limits, TimePoint(std::chrono::seconds(0)));
    for (const auto& x : out) failed += x.ok ? 0 : 1;
  }
  target.Stop();
  if (failed > 0) state.SkipWithError(("failed probes: " + std::to_string(failed)).c_str());
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_StatusHttpProbes)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(1);

constexpr int kComponents = 100;

struct StatusStore {
  FakeClock clock{Check(ParseRfc3339("2026-01-01T00:00:00Z"), "start")};
  ScratchDir dir{"status"};
  std::unique_ptr<app::Runtime> rt;
  std::vector<std::string> ids;

  StatusStore() {
    rt = Check(app::Runtime::Open(app::StoreConfig{dir.path()}, clock), "open runtime");
    auto profile = Check(policy::LoadProfile("luma"), "load profile");
    app::OrgInfo org = Check(rt->EnsureOrg(profile, "", "Benchmark Org"), "ensure org");
    Check(rt->LoadSigner(org.origin), "load signer");
    for (int i = 0; i < kComponents; ++i) {
      json::object body{
          {"name", "Component " + std::to_string(i)},
          {"probe", json::object{{"kind", "http"}, {"target", "https://example.org/"}}}};
      auto c = Check(storage::ParseStatusComponent(body, false), "component");
      auto r = Check(rt->log().Execute([&](storage::CommandContext& cc) -> Result<json::value> {
        auto o = storage::SaveStatusComponent(cc, {"bench", "security_officer"}, "", c);
        if (!o.ok()) return std::move(o).error();
        return json::value(std::move(*o));
      }),
                     "save component");
      ids.emplace_back(r.at("id").as_string());
    }
  }
  int64_t Day() const { return storage::DayOf(clock.Now()); }
};

StatusStore& Store() {
  static StatusStore store;
  return store;
}

// One day of 1-minute samples for 100 components (144,000 rows) rolled up into the ledger.
void BM_StatusRollUpDay(benchmark::State& state) {
  StatusStore& s = Store();
  for (auto _ : state) {
    state.PauseTiming();
    const int64_t day = s.Day();
    Check(s.rt->store().Write([&](storage::Tx& tx) -> Status {
      for (const auto& id : s.ids) {
        for (int64_t m = 0; m < 1440; ++m) {
          auto n = tx.Exec(
              "INSERT INTO status_samples(component_id, minute, ok, latency_ms) VALUES (?, ?, ?, "
              "12)",
              {id, day * 1440 + m, int64_t{m % 700 == 0 ? 0 : 1}});
          if (!n.ok()) return std::move(n).error();
        }
      }
      return Ok();
    }),
          "samples");
    s.clock.Advance(std::chrono::hours(24));
    state.ResumeTiming();
    auto r = Check(s.rt->log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      storage::StatusSettings settings;
      auto n = storage::RollUpUptime(c, settings);
      if (!n.ok()) return std::move(n).error();
      return json::value(*n);
    }),
                   "roll up");
    if (r.as_int64() != 1) state.SkipWithError("expected one day rolled up");
  }
  state.SetItemsProcessed(state.iterations() * kComponents * 1440);
}
BENCHMARK(BM_StatusRollUpDay)->Unit(benchmark::kMillisecond)->Iterations(3);

// A year of daily uptime for 100 components: each one's month, quarter and whole year.
void BM_StatusYearAttainment(benchmark::State& state) {
  StatusStore& s = Store();
  const int64_t end = s.Day();
  Check(s.rt->store().Write([&](storage::Tx& tx) -> Status {
    for (const auto& id : s.ids) {
      for (int64_t d = end - 365; d < end; ++d) {
        auto n = tx.Exec(
            "INSERT INTO status_daily(component_id, day, up_minutes, sampled_minutes) VALUES "
            "(?, ?, 1439, 1440) ON CONFLICT(component_id, day) DO NOTHING",
            {id, d});
        if (!n.ok()) return std::move(n).error();
      }
    }
    return Ok();
  }),
        "daily rows");
  for (auto _ : state) {
    double total = 0;
    Check(s.rt->store().Read([&](storage::Tx& tx) -> Status {
      for (const auto& id : s.ids) {
        auto a = storage::ComponentAttainment(tx, id, 99.9, s.clock.Now());
        if (!a.ok()) return std::move(a).error();
        auto year = storage::ComponentUptimeDays(tx, id, end - 365, end, s.clock.Now());
        if (!year.ok()) return std::move(year).error();
        total += storage::AttainmentOf(*year, "year", 99.9).uptime_percent;
      }
      return Ok();
    }),
          "attainment");
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * kComponents * 365);
}
BENCHMARK(BM_StatusYearAttainment)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
}  // namespace accord::bench
