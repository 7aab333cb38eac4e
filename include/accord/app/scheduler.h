// The one scheduler loop (CONTRACT.md "Clock and scheduler"): every time-driven job of the
// server — account expiry, grant and agreement expiry, entitlement campaigns, reviews and
// reminders, session purging — is a named job here, run by the server's once-a-second tick
// on the injected clock. A failing job is logged and retried at its next turn; the others
// still run. Outbox delivery runs beside it on its own thread (app/serve.cc), every 5 s.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/profile.h"

namespace accord::storage {
struct TrustSettings;
}

namespace accord::app {

class Runtime;

class Scheduler {
 public:
  struct Job {
    std::string name;                  // "reviews": named in the logs
    int every_ticks = 1;               // run on every n-th tick (a tick is about a second)
    std::function<Result<int>()> run;  // how much work it did (logged when > 0)
  };

  void Add(Job job) { jobs_.push_back(std::move(job)); }
  // Runs the jobs due at this tick, in order.
  void Tick();
  const std::vector<Job>& jobs() const { return jobs_; }
  uint64_t ticks() const { return ticks_; }

 private:
  std::vector<Job> jobs_;
  uint64_t ticks_ = 0;
};

// The server's jobs, in the order they run. Outbox delivery is not one of them: it talks to
// a mail server and may wait on the network, so `serve` runs it on its own thread.
// With `trust`, subprocessor-list changes are emailed to subscribers (links from its base).
void AddServerJobs(Scheduler& scheduler, Runtime& runtime, const policy::Profile& profile,
                   const storage::TrustSettings* trust = nullptr);

}  // namespace accord::app
