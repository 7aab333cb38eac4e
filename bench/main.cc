// accord_bench's entry point: Google Benchmark, plus `--gate-cases[=FILE]`, which prints
// the access gate's decisions for bench/cedar/cases.json instead of benchmarking.
#include <benchmark/benchmark.h>

#include <string_view>

#include "gate_cases.h"

int main(int argc, char** argv) {
  constexpr std::string_view kFlag = "--gate-cases";
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == kFlag) return accord::bench::PrintGateCases(accord::bench::GateCases::DefaultPath());
    if (arg.starts_with(std::string(kFlag) + "=")) {
      return accord::bench::PrintGateCases(std::string(arg.substr(kFlag.size() + 1)));
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
