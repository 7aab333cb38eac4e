#include "accord/app/status_runner.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "accord/core/time.h"

namespace accord::app {

namespace json = boost::json;

namespace {

// Renewed every turn (about a second); a server that stops leaves it to another within this.
constexpr std::chrono::seconds kLeaseFor(30);

}  // namespace

StatusRunner::StatusRunner(storage::EventLog& log, const Clock& clock,
                           storage::StatusSettings settings, ProbeLimits limits, std::string holder)
    : log_(log),
      clock_(clock),
      settings_(settings),
      limits_(std::move(limits)),
      holder_(std::move(holder)) {
  limits_.allow_private = settings_.allow_private_targets;
}

Result<int> StatusRunner::SyncMaintenance() {
  // What should change, read first: most turns change nothing and so write nothing.
  std::vector<std::pair<std::string, std::string>> changes;  // component id, maintenance name
  ACCORD_TRY(log_.store().Read([&](storage::Tx& tx) -> Status {
    auto maintenances = storage::ListMaintenances(tx, clock_.Now());
    if (!maintenances.ok()) return std::move(maintenances).error();
    std::map<std::string, std::string> active;  // component id -> maintenance name
    for (const auto& m : *maintenances) {
      if (m.at("status").as_string() != "in_progress") continue;
      for (const auto& id : m.at("component_ids").as_array()) {
        if (id.is_string()) active[std::string(id.as_string())] = m.at("name").as_string();
      }
    }
    auto components = storage::ListStatusComponents(tx);
    if (!components.ok()) return std::move(components).error();
    for (const auto& comp : *components) {
      auto it = active.find(comp.id);
      bool under = comp.status == "under_maintenance";
      if (it != active.end() && !under) changes.emplace_back(comp.id, it->second);
      if (it == active.end() && under) changes.emplace_back(comp.id, "");
    }
    return Ok();
  }));
  if (changes.empty()) return 0;
  auto r = log_.Execute([&](storage::CommandContext& c) -> Result<json::value> {
    for (const auto& [id, name] : changes) {
      auto s = name.empty()
                   ? storage::SetComponentStatus(c, domain::SystemActor(), id, "operational",
                                                 "the scheduled maintenance ended")
                   : storage::SetComponentStatus(c, domain::SystemActor(), id, "under_maintenance",
                                                 "scheduled maintenance: " + name);
      if (!s.ok()) return std::move(s).error();
    }
    return json::value(static_cast<int64_t>(changes.size()));
  });
  if (!r.ok()) return std::move(r).error();
  return static_cast<int>(r->as_int64());
}

Result<StatusRunStats> StatusRunner::RunOnce() {
  StatusRunStats stats;
  const TimePoint now = clock_.Now();
  // The lease is renewed once a third of it has run, not every turn: a write (and its fsync)
  // every ten seconds rather than every second.
  bool leased = now < lease_until_ - kLeaseFor * 2 / 3;
  if (!leased) {
    ACCORD_TRY(log_.store().Write([&](storage::Tx& tx) -> Status {
      auto l = storage::TakeLease(tx, "status", holder_, now, kLeaseFor);
      if (!l.ok()) return std::move(l).error();
      leased = *l;
      return Ok();
    }));
    lease_until_ = leased ? now + kLeaseFor : TimePoint{};
  }
  if (!leased) return stats;
  stats.leased = true;

  auto maintenance = SyncMaintenance();
  if (!maintenance.ok()) return std::move(maintenance).error();
  stats.changes += *maintenance;

  // The components due now, the longest-waiting first.
  std::vector<ProbeRequest> due;
  const int64_t now_s =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  ACCORD_TRY(log_.store().Read([&](storage::Tx& tx) -> Status {
    auto components = storage::ListStatusComponents(tx);
    if (!components.ok()) return std::move(components).error();
    std::vector<const storage::StatusComponent*> ready;
    for (const auto& c : *components) {
      if (c.probe.kind != "none" && c.next_probe_at <= now_s) ready.push_back(&c);
    }
    std::sort(ready.begin(), ready.end(),
              [](auto* a, auto* b) { return a->next_probe_at < b->next_probe_at; });
    for (auto* c : ready) {
      if (due.size() >= static_cast<size_t>(kMaxProbesPerTurn)) break;
      due.push_back({c->id, c->probe});
    }
    return Ok();
  }));
  if (!due.empty()) {
    auto outcomes = RunProbes(due, limits_, now);
    stats.probed = static_cast<int>(outcomes.size());
    auto r = log_.Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto n = storage::RecordProbeOutcomes(c, outcomes, settings_);
      if (!n.ok()) return std::move(n).error();
      return json::value(*n);
    });
    if (!r.ok()) return std::move(r).error();
    stats.changes += static_cast<int>(r->as_int64());
  }

  // Roll-ups once a day (and at the first turn), after the day has ended.
  const int64_t today = storage::DayOf(clock_.Now());
  if (rolled_day_ != today) {
    auto r = log_.Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto n = storage::RollUpUptime(c, settings_);
      if (!n.ok()) return std::move(n).error();
      return json::value(*n);
    });
    if (!r.ok()) return std::move(r).error();
    stats.days_rolled = static_cast<int>(r->as_int64());
    rolled_day_ = today;
  }

  if (poll_feeds_) {
    auto n = poll_feeds_();
    if (!n.ok()) return std::move(n).error();
    stats.feeds_polled = *n;
  }
  return stats;
}

}  // namespace accord::app
