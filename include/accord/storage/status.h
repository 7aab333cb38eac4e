// Status and uptime (issue 27, TR-2, TR-9): the components on the public status page, their
// probes, the probes' 1-minute samples, daily uptime and scheduled maintenance.
//
// Samples are measurements, not events (10,000 probes a minute would be 14 million ledger
// entries a day): they live in `status_samples` for `retention_days` and are rolled up into
// `status_daily`. The ledger gets a component's configuration (`status_component.configured`,
// `.removed`), each change of its status (`status_component.status_changed`), one roll-up per
// day (`status_uptime.rolled_up`) and maintenance (`status_maintenance.scheduled`).
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/domain/fields.h"
#include "accord/storage/event_log.h"
#include "accord/storage/store.h"

namespace accord::storage {

// The settings of the status feature ([status] in --config).
struct StatusSettings {
  bool allow_private_targets = false;  // probes and feeds may reach loopback/private addresses
  double target_percent = 99.9;        // the uptime we promise, per month and quarter
  int retention_days = 90;             // how long 1-minute samples are kept
  int failures_for_outage = 2;         // consecutive failed probes before "major_outage"
};

// Statuspage's component states, in order of severity.
inline constexpr const char* kComponentStates[] = {
    "operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"};

struct ProbeSpec {
  std::string kind = "none";  // http | tcp | none (set by hand)
  std::string target;         // http(s)://host[:port]/path, or host:port for tcp
  int expected_status = 200;
  std::string body_match;  // a substring the body must contain ("" = any)
  int timeout_ms = 5000;
  int interval_s = 60;
  int cert_min_days = 14;  // https: a certificate expiring sooner counts as degraded
};

struct StatusComponent {
  std::string id, name, group, description;
  int64_t position = 0;
  ProbeSpec probe;
  std::string status = "operational", status_since, last_error, cert_expires_at;
  int64_t failures = 0;
  int64_t next_probe_at = 0;  // seconds since the epoch
  std::string created_at, updated_at;
};

// The body of POST/PUT .../status/components: name, group, position, description, probe{...}.
const std::vector<domain::FieldSpec>& StatusComponentFields();
// Validates a component body (fields, then the probe's target: a loopback or private target
// is refused unless `allow_private`).
Result<StatusComponent> ParseStatusComponent(const boost::json::object& body, bool allow_private);
boost::json::object ComponentJson(const StatusComponent& c);

// Commands: configure (new when id is empty), remove. Both append to the ledger.
Result<boost::json::object> SaveStatusComponent(CommandContext& c, const domain::Actor& actor,
                                                const std::string& id, StatusComponent component);
Result<boost::json::object> RemoveStatusComponent(CommandContext& c, const domain::Actor& actor,
                                                  const std::string& id);
// A component's status set by hand (a component without a probe, or an override until its
// next probe): appends status_component.status_changed when it changes.
Result<boost::json::object> SetComponentStatus(CommandContext& c, const domain::Actor& actor,
                                               const std::string& id, const std::string& status,
                                               const std::string& reason);

// Every component, by group then position then name.
Result<std::vector<StatusComponent>> ListStatusComponents(Tx& tx);
Result<std::optional<StatusComponent>> GetStatusComponent(Tx& tx, const std::string& id);

// One probe's outcome, as the runner hands it over.
struct ProbeOutcome {
  std::string component_id;
  bool ok = false;
  bool degraded = false;  // answered, but slow or with a certificate about to expire
  int64_t latency_ms = 0;
  std::string error;            // why it failed or is degraded ("" when fine)
  std::string cert_expires_at;  // https: the certificate's notAfter (RFC 3339), else ""
};

// Records outcomes measured at `now`: one sample per component and minute (a failure in the
// minute wins), each component's failure count and next probe time, and a ledger event for
// each change of status. Returns how many statuses changed.
Result<int> RecordProbeOutcomes(CommandContext& c, const std::vector<ProbeOutcome>& outcomes,
                                const StatusSettings& settings);

// Rolls every whole day before today (UTC) that has samples and is not rolled up yet into
// status_daily and appends one status_uptime.rolled_up per day; then forgets samples older than
// the retention. Returns how many days were rolled up.
Result<int> RollUpUptime(CommandContext& c, const StatusSettings& settings);

struct UptimeDay {
  int64_t day = 0;  // days since the epoch
  int64_t up_minutes = 0, sampled_minutes = 0;
};
// Daily uptime of one component for days [from_day, to_day], today's from its samples.
Result<std::vector<UptimeDay>> ComponentUptimeDays(Tx& tx, const std::string& component_id,
                                                   int64_t from_day, int64_t to_day, TimePoint now);
struct Attainment {
  std::string period;  // "2026-11" or "2026-Q4"
  int64_t up_minutes = 0, sampled_minutes = 0;
  double uptime_percent = 100;  // 100 when nothing was measured
  double target_percent = 0;
  bool met = true;
};
// This month's and this quarter's uptime of one component against the target.
Result<std::vector<Attainment>> ComponentAttainment(Tx& tx, const std::string& component_id,
                                                    double target_percent, TimePoint now);
// Uptime over [from_day, to_day] from the daily roll-ups alone (for many components at once).
Attainment AttainmentOf(const std::vector<UptimeDay>& days, std::string period, double target);

// Scheduled maintenance: name, body, component ids, scheduled_for, scheduled_until.
const std::vector<domain::FieldSpec>& MaintenanceFields();
Result<boost::json::object> ScheduleMaintenance(CommandContext& c, const domain::Actor& actor,
                                                const boost::json::object& body);
// Every maintenance, soonest first, each with its status at `now` (scheduled, in_progress,
// completed).
Result<std::vector<boost::json::object>> ListMaintenances(Tx& tx, TimePoint now);

// The incidents the status page shows, in Statuspage's incident shape, newest first: those with
// a public update, unresolved or resolved in the last 90 days, public updates only
// (storage/incident_public.cc, TR-8). `components` holds the component ids; the status page,
// which knows the page, turns them into Statuspage's component objects.
Result<std::vector<boost::json::object>> PublicIncidents(Tx& tx, TimePoint now);

// Takes or renews the lease `name` for `holder` until now + ttl; false when another holder's
// lease is still running (one prober per store, whatever the number of servers).
Result<bool> TakeLease(Tx& tx, const std::string& name, const std::string& holder, TimePoint now,
                       std::chrono::seconds ttl);

int64_t DayOf(TimePoint t);          // days since the epoch (UTC)
int64_t MinuteOf(TimePoint t);       // minutes since the epoch
std::string DayString(int64_t day);  // "2026-12-07"

}  // namespace accord::storage
