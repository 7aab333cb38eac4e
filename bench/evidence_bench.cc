// The evidence bundle (issue 22): export and offline verification of a bundle of 100,000
// events that reference 1,000 documents. bench/run.sh compares them with the targets.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "accord/app/runtime.h"
#include "accord/core/ids.h"
#include "accord/evidence/export.h"
#include "accord/evidence/verify.h"
#include "accord/policy/profile.h"
#include "accord/storage/documents.h"
#include "accord/storage/registry_commands.h"
#include "bench_util.h"

namespace accord::bench {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

constexpr int kEvents = 100'000;
constexpr int kDocuments = 1'000;

struct EvidenceLedger {
  std::unique_ptr<ScratchDir> dir;
  SystemClock clock;
  std::unique_ptr<app::Runtime> rt;
  app::OrgInfo org;
  fs::path bundle;
};

EvidenceLedger* ledger = nullptr;

// 1,000 documents of ~2 KiB under one party, then notes up to 100,000 events, signed.
EvidenceLedger& Build() {
  if (ledger != nullptr) return *ledger;
  ledger = new EvidenceLedger();
  ledger->dir = std::make_unique<ScratchDir>("evidence");
  ledger->rt = Check(app::Runtime::Open(app::StoreConfig{ledger->dir->path()}, ledger->clock),
                     "open runtime");
  auto profile = Check(policy::LoadProfile("luma"), "load profile");
  ledger->org = Check(ledger->rt->EnsureOrg(profile, "", "Benchmark Org"), "ensure org");
  Check(ledger->rt->LoadSigner(ledger->org.origin), "load signer");
  auto start = std::chrono::steady_clock::now();
  const domain::Actor actor{NewId("usr"), "security_officer"};
  storage::EventLog& log = ledger->rt->log();
  auto party = Check(log.Execute([&](storage::CommandContext& c) {
    return storage::CreateRegistryObject(
        c, "party", "", json::object{{"name", "Bench Vendor"}, {"kind", "subcontractor"}}, actor);
  }),
                     "create party");
  const std::string party_id(party.at("id").as_string());
  Check(log.Execute([&](storage::CommandContext& c) -> Result<json::value> {
    for (int i = 0; i < kDocuments; ++i) {
      storage::DocumentUpload u{.actor = actor,
                                .parent_kind = "party",
                                .parent_id = party_id,
                                .filename = "evidence-" + std::to_string(i) + ".txt",
                                .content_type = "text/plain",
                                .body = "document " + std::to_string(i) + "\n" +
                                        std::string(2000, static_cast<char>('a' + i % 26)),
                                .effective_at = "2026-01-01T00:00:00.000Z"};
      auto r = storage::StoreDocument(c, u);
      if (!r.ok()) return std::move(r).error();
    }
    return json::value(nullptr);
  }),
        "store documents");
  for (int done = kDocuments + 2; done < kEvents;) {
    int n = std::min(10'000, kEvents - done);
    Check(log.Execute([&](storage::CommandContext& c) -> Result<json::value> {
      for (int i = 0; i < n; ++i) {
        auto index = c.Append(
            domain::Event{.type = "note.added",
                          .actor = actor,
                          .subject = {"party", party_id},
                          .payload = json::object{{"note_id", NewId("note", c.Now())},
                                                  {"text", "SOC 2 report reviewed; no gaps."}}});
        if (!index.ok()) return std::move(index).error();
      }
      return json::value(nullptr);
    }),
          "append notes");
    done += n;
  }
  Check(ledger->rt->Checkpoint(ledger->org.origin), "checkpoint");
  std::fprintf(stderr, "accord_bench: evidence ledger built in %.1f s\n",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  ledger->bundle = ledger->dir->path() / "bench.accord-evidence.zip";
  return *ledger;
}

void BM_EvidenceExport100k(benchmark::State& state) {
  EvidenceLedger& l = Build();
  evidence::ExportSummary summary;
  for (auto _ : state) {
    summary = Check(evidence::ExportBundle(l.rt->store(), l.rt->signer(), l.org.origin,
                                           {.out = l.bundle}, l.clock),
                    "export");
  }
  state.counters["events"] = static_cast<double>(summary.events);
  state.counters["documents"] = static_cast<double>(summary.documents);
  state.counters["mib"] = static_cast<double>(summary.bytes) / (1 << 20);
}
BENCHMARK(BM_EvidenceExport100k)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_EvidenceVerify100k(benchmark::State& state) {
  EvidenceLedger& l = Build();
  if (!fs::exists(l.bundle)) {
    Check(evidence::ExportBundle(l.rt->store(), l.rt->signer(), l.org.origin, {.out = l.bundle},
                                 l.clock),
          "export");
  }
  evidence::BundleFacts facts;
  for (auto _ : state) {
    facts = Check(evidence::VerifyBundle(l.bundle, {.log_keys = {l.rt->signer().VerifierKey()}}),
                  "verify");
  }
  state.counters["events"] = static_cast<double>(facts.events);
  state.counters["documents"] = static_cast<double>(facts.documents);
}
BENCHMARK(BM_EvidenceVerify100k)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace accord::bench
