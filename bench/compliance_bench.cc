// Compliance benchmarks (issue 23): one customer's inheritance matrix and the whole
// organisation's control status at 10,000 customers (each with a BAA in force) among 100,000
// parties (target < 100 ms each), on SQLite in a scratch directory. The parties and BAAs go
// through the real registry commands, queued at once for the group-commit writer.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "accord/app/runtime.h"
#include "accord/core/time.h"
#include "accord/domain/compliance_catalog.h"
#include "accord/policy/profile.h"
#include "accord/storage/compliance.h"
#include "accord/storage/registry_commands.h"
#include "bench_util.h"

namespace accord::bench {
namespace {

namespace json = boost::json;

constexpr int kParties = 100000;
constexpr int kCustomerEvery = 10;         // 10,000 customers, each with a BAA in force
constexpr int kInfrastructureEvery = 100;  // 1% infrastructure partners: TP-11's check

const domain::Actor kInstaller{"bench", "installer"};
const domain::Actor kOfficer{"usr_bench_privacy", "privacy_officer"};

TimePoint Start() {
  static const TimePoint start = Check(ParseRfc3339("2026-01-05T09:00:00Z"), "start time");
  return start;
}

json::object PartyBody(int i) {
  bool customer = i % kCustomerEvery == 0;
  bool infrastructure = !customer && i % kInfrastructureEvery == 1;
  char name[32];
  std::snprintf(name, sizeof name, "party %06d", i);
  return json::object{{"name", name},
                      {"kind", customer ? "customer"
                               : i % 3  ? "partner"
                                        : "subcontractor"},
                      {"infrastructure_partner", infrastructure},
                      {"data_categories", json::array{"ephi"}}};
}

json::object Baa() {
  return json::object{{"type", "baa"},
                      {"title", "Business associate agreement"},
                      {"status", "executed"},
                      {"effective_at", "2025-06-01T00:00:00Z"},
                      {"expires_at", "2027-06-01T00:00:00Z"},
                      {"baa", json::object{{"safeguards", true},
                                           {"subcontractor_flow_down", true},
                                           {"incident_reporting", true},
                                           {"responsibilities", "Each party secures its ePHI."}}}};
}

struct ComplianceStore {
  FakeClock clock{Start()};
  ScratchDir dir{"compliance"};
  policy::Profile profile;
  std::unique_ptr<app::Runtime> rt;
  std::string customer;  // one customer, for its matrix
  double setup_s = 0;
  // The routes' facts in memory (storage/compliance_facts.h): read whole once, then kept up to
  // date with the ledger. cold_ms is that first read.
  storage::ComplianceFactsCache facts;
  double cold_ms = 0;

  ComplianceStore() {
    rt = Check(app::Runtime::Open(app::StoreConfig{dir.path()}, clock), "open runtime");
    profile = Check(policy::LoadProfile("luma"), "load profile");
    app::OrgInfo org = Check(rt->EnsureOrg(profile, "", "Benchmark Org"), "ensure org");
    Check(rt->LoadSigner(org.origin), "load signer");
    auto start = std::chrono::steady_clock::now();
    AddParties();
    setup_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "compliance_bench: %d parties in %.1f s\n", kParties, setup_s);
    start = std::chrono::steady_clock::now();
    Check(rt->store().Read([&](storage::Tx& tx) -> Status {
      auto point = storage::ResolveCompliancePoint(tx, profile, clock.Now(), std::nullopt, &facts);
      if (!point.ok()) return std::move(point).error();
      return Ok();
    }),
          "read the facts");
    cold_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  }

  // Each party created and made active, a customer's BAA with it: one command each.
  void AddParties() {
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
            if (i % kCustomerEvery == 0) {
              auto baa = storage::CreateRegistryObject(c, "agreement", id, Baa(), kOfficer);
              if (!baa.ok()) return std::move(baa).error();
            }
            return json::value(id);
          },
          [&, i](Result<json::value> r) {
            std::lock_guard lock(mu);
            if (!r.ok() && error.empty()) error = r.error().message;
            if (r.ok() && i == kParties / 2) customer = std::string(r->as_string());
            if (++done == kParties) cv.notify_one();
          });
    }
    std::unique_lock lock(mu);
    while (!cv.wait_for(lock, std::chrono::seconds(1), [&] { return done == kParties; })) {
      lock.unlock();
      rt->store().Maintain();
      lock.lock();
    }
    rt->store().Maintain();
    if (!error.empty()) Die("create parties: " + error);
  }
};

ComplianceStore& Store() {
  static ComplianceStore* s = new ComplianceStore();
  return *s;
}

void Counters(benchmark::State& state, const ComplianceStore& s) {
  state.counters["parties"] = kParties;
  state.counters["customers"] = kParties / kCustomerEvery;
  state.counters["setup_s"] = s.setup_s;
  state.counters["facts_cold_ms"] = s.cold_ms;
}

// GET /api/v1/compliance/controls' work: every control's status, the BAA check over 10,000
// customers and the SOC 2 check over 1,000 infrastructure partners included.
void BM_ComplianceOrgStatus(benchmark::State& state) {
  ComplianceStore& s = Store();
  int64_t failing = 0;
  for (auto _ : state) {
    Status r = s.rt->store().Read([&](storage::Tx& tx) -> Status {
      auto point =
          storage::ResolveCompliancePoint(tx, s.profile, s.clock.Now(), std::nullopt, &s.facts);
      if (!point.ok()) return std::move(point).error();
      auto list = storage::ControlList(tx, domain::BuiltinCatalog(), *point, {});
      if (!list.ok()) return std::move(list).error();
      failing = list->at("counts").at("failing").as_int64();
      return Ok();
    });
    if (!r.ok()) {
      state.SkipWithError(r.error().message.c_str());
      break;
    }
  }
  Counters(state, s);
  state.counters["failing_controls"] = static_cast<double>(failing);
}
BENCHMARK(BM_ComplianceOrgStatus)->UseRealTime()->Unit(benchmark::kMillisecond);

// GET /api/v1/compliance/matrix?party_id=: one customer's rows, its BAA, our hosts' controls.
void BM_ComplianceMatrix(benchmark::State& state) {
  ComplianceStore& s = Store();
  size_t rows = 0;
  for (auto _ : state) {
    Status r = s.rt->store().Read([&](storage::Tx& tx) -> Status {
      auto point =
          storage::ResolveCompliancePoint(tx, s.profile, s.clock.Now(), std::nullopt, &s.facts);
      if (!point.ok()) return std::move(point).error();
      auto m = storage::InheritanceMatrix(tx, domain::BuiltinCatalog(), *point, s.customer);
      if (!m.ok()) return std::move(m).error();
      rows = m->at("rows").as_array().size();
      return Ok();
    });
    if (!r.ok()) {
      state.SkipWithError(r.error().message.c_str());
      break;
    }
  }
  Counters(state, s);
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_ComplianceMatrix)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace accord::bench
