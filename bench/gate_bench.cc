// Access gate benchmarks: policy::Evaluate on the "bench" request of bench/cedar/cases.json
// (a customer holding 5 agreements asks for 3 systems) under the luma and bloomapi
// profiles. BM_GateEvaluate gives decisions/s; BM_GateLatency times 1,000,000 single calls
// and reports p50/p99/p99.9 in microseconds. bench/run.sh compares them with Cedar.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "accord/policy/gate.h"
#include "accord/policy/profile.h"
#include "gate_cases.h"

namespace accord::bench {
namespace {

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "accord_bench: %s\n", what.c_str());
  std::exit(1);
}

const policy::AccessPolicy& PolicyOf(const std::string& name) {
  static std::map<std::string, policy::Profile> profiles;
  auto it = profiles.find(name);
  if (it == profiles.end()) {
    auto p = policy::LoadProfile(name);
    if (!p.ok()) Fail(p.error().message);
    it = profiles.emplace(name, std::move(*p)).first;
  }
  return it->second.access;
}

const GateCase& BenchCase() {
  static const auto cases = [] {
    auto c = GateCases::Load(GateCases::DefaultPath());
    if (!c.ok()) Fail(c.error().message);
    return std::move(*c);
  }();
  const GateCase* c = cases->Find("bench");
  if (!c) Fail("no case named 'bench' in " + GateCases::DefaultPath());
  return *c;
}

void BM_GateEvaluate(benchmark::State& state, const char* profile) {
  const policy::AccessPolicy& policy = PolicyOf(profile);
  const policy::GateRequest request = BenchCase().Request();
  for (auto _ : state) {
    policy::GateResult r = policy::Evaluate(policy, request);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(std::string(policy::Name(policy::Evaluate(policy, request).decision)));
}
BENCHMARK_CAPTURE(BM_GateEvaluate, luma, "luma");
BENCHMARK_CAPTURE(BM_GateEvaluate, bloomapi, "bloomapi");

// Per-call latency: each call timed on its own with steady_clock, so the percentiles
// include the clock reads (~20 ns each), an upper bound on the gate's own cost.
void BM_GateLatency(benchmark::State& state, const char* profile) {
  constexpr size_t kCalls = 1'000'000;
  using Clock = std::chrono::steady_clock;
  const policy::AccessPolicy& policy = PolicyOf(profile);
  const policy::GateRequest request = BenchCase().Request();
  std::vector<int64_t> ns(kCalls);
  for (auto _ : state) {
    for (size_t i = 0; i < kCalls; ++i) {
      auto t0 = Clock::now();
      policy::GateResult r = policy::Evaluate(policy, request);
      benchmark::DoNotOptimize(r);
      ns[i] = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count();
    }
  }
  std::sort(ns.begin(), ns.end());
  auto pct = [&](double p) {
    return static_cast<double>(ns[static_cast<size_t>(p * (kCalls - 1))]) / 1000.0;
  };
  state.counters["p50_us"] = pct(0.50);
  state.counters["p99_us"] = pct(0.99);
  state.counters["p999_us"] = pct(0.999);
  state.counters["max_us"] = static_cast<double>(ns.back()) / 1000.0;
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kCalls));
}
BENCHMARK_CAPTURE(BM_GateLatency, luma, "luma")
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_GateLatency, bloomapi, "bloomapi")
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace accord::bench
