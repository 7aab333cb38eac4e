// Progress of long work (ledger verify, backup, restore, import): the work reports what it
// is doing and how far it got; whoever watches decides what to show (the CLI draws one
// line on a terminal, nothing when piped or with --json). An empty Progress costs a test.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

namespace accord {

// phase: what is being done, in words ("checking entries"); done: units finished so far;
// total: all the units, 0 when not known in advance.
using Progress = std::function<void(std::string_view phase, uint64_t done, uint64_t total)>;

// Reports every `every`-th unit and the last one, so per-row work stays cheap.
inline void ReportProgress(const Progress& progress, std::string_view phase, uint64_t done,
                           uint64_t total, uint64_t every = 1024) {
  if (progress && (done % every == 0 || done == total)) progress(phase, done, total);
}

}  // namespace accord
