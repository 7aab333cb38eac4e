// Messaging benchmarks (issue 26): the PHI guard over its labelled corpus (messages/s on one
// core; target >= 20,000) and opening a Secure Message of 1 MB: unwrapping its data key with
// the master key and decrypting (AES-256-GCM) 1 MiB (target < 20 ms). bench/messaging.sh reads
// them.
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>
#include <vector>

#include "accord/messaging/phi_guard.h"
#include "accord/messaging/sealed_box.h"

namespace accord::bench {
namespace {

std::vector<std::string> Corpus() {
  std::vector<std::string> out;
  for (const char* part : {"corpus.tsv", "heldout.tsv"}) {
    std::ifstream in(std::string(ACCORD_SOURCE_DIR) + "/tests/testdata/phi_guard/" + part);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::string text = line.substr(line.find('\t', line.find('\t') + 1) + 1);
      std::string decoded;
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
          decoded += '\n';
          ++i;
        } else {
          decoded += text[i];
        }
      }
      out.push_back(std::move(decoded));
    }
  }
  return out;
}

void BM_PhiGuard(benchmark::State& state) {
  static const std::vector<std::string> corpus = Corpus();
  if (corpus.empty()) {
    state.SkipWithError("tests/testdata/phi_guard is missing");
    return;
  }
  size_t i = 0, refused = 0;
  for (auto _ : state) {
    refused += messaging::CheckForPhi(corpus[i]).refused;
    i = (i + 1) % corpus.size();
  }
  benchmark::DoNotOptimize(refused);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PhiGuard);

void BM_SecureMessageOpen1MB(benchmark::State& state) {
  auto ring = messaging::MasterKeyRing::Parse(messaging::MasterKeyRing::NewKeyLine(), "keys");
  messaging::Key data = messaging::NewKey();
  Bytes wrapped = ring->Wrap(data, "smg_bench");
  std::string content(1 << 20, 'x');
  Bytes sealed = messaging::Seal(data, AsBytes(content), "smg_bench:part:0");
  for (auto _ : state) {
    auto key = ring->Unwrap(ring->current().id, wrapped, "smg_bench");
    auto plain = messaging::Open(*key, sealed, "smg_bench:part:0");
    benchmark::DoNotOptimize(plain->data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(content.size()));
}
BENCHMARK(BM_SecureMessageOpen1MB)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace accord::bench
