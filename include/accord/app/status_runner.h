// The status runner (issue 27): probes the components that are due, records their samples
// and status changes, keeps components under scheduled maintenance marked so, rolls finished
// days up into daily uptime and polls vendors' status feeds. `accord serve` runs it on its own
// thread, never inside the scheduler's tick: probes wait on the network. One server per store
// runs it at a time (a lease in `runner_leases`, renewed each turn).
#pragma once

#include <functional>
#include <string>

#include "accord/app/probe.h"
#include "accord/core/clock.h"
#include "accord/storage/event_log.h"
#include "accord/storage/status.h"

namespace accord::app {

struct StatusRunStats {
  bool leased = false;   // false: another server holds the lease; nothing was done
  int probed = 0;        // probes run
  int changes = 0;       // statuses changed
  int days_rolled = 0;   // days rolled up
  int feeds_polled = 0;  // vendor feeds read
};

class StatusRunner {
 public:
  StatusRunner(storage::EventLog& log, const Clock& clock, storage::StatusSettings settings,
               ProbeLimits limits, std::string holder);

  // One turn: take the lease, then do what is due. At most `max_probes` probes a turn.
  Result<StatusRunStats> RunOnce();
  // Vendor-feed polling, run in the same turn after the probes (app/vendor_feeds.h).
  void SetFeedPoller(std::function<Result<int>()> poll) { poll_feeds_ = std::move(poll); }

  static constexpr int kMaxProbesPerTurn = 5000;

 private:
  Result<int> SyncMaintenance();

  storage::EventLog& log_;
  const Clock& clock_;
  storage::StatusSettings settings_;
  ProbeLimits limits_;
  std::string holder_;
  int64_t rolled_day_ = -1;  // the day of the last roll-up this runner did
  TimePoint lease_until_{};  // when the lease this runner last took runs out
  std::function<Result<int>()> poll_feeds_;
};

}  // namespace accord::app
