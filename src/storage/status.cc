#include "accord/storage/status.h"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <map>

#include "accord/core/ids.h"
#include "accord/core/net_address.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"

namespace accord::storage {

namespace json = boost::json;
using domain::FieldSpec;
using domain::FieldType;
using domain::StateString;

namespace {

constexpr const char* kColumns =
    "id, name, group_name, position, description, probe, status, status_since, failures, "
    "last_error, cert_expires_at, next_probe_at, created_at, updated_at";

int64_t IntOf(const json::object& o, std::string_view key, int64_t fallback) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_number()) return fallback;
  return v->to_number<int64_t>();
}

json::object ProbeJson(const ProbeSpec& p) {
  return json::object{{"kind", p.kind},
                      {"target", p.target},
                      {"expected_status", p.expected_status},
                      {"body_match", p.body_match},
                      {"timeout_ms", p.timeout_ms},
                      {"interval_s", p.interval_s},
                      {"cert_min_days", p.cert_min_days}};
}

ProbeSpec ProbeOf(const json::object& o) {
  ProbeSpec p;
  p.kind = StateString(o, "kind").empty() ? "none" : StateString(o, "kind");
  p.target = StateString(o, "target");
  p.expected_status = static_cast<int>(IntOf(o, "expected_status", 200));
  p.body_match = StateString(o, "body_match");
  p.timeout_ms = static_cast<int>(IntOf(o, "timeout_ms", 5000));
  p.interval_s = static_cast<int>(IntOf(o, "interval_s", 60));
  p.cert_min_days = static_cast<int>(IntOf(o, "cert_min_days", 14));
  return p;
}

StatusComponent FromRow(const Row& r) {
  StatusComponent c;
  c.id = r.Text(0);
  c.name = r.Text(1);
  c.group = r.Text(2);
  c.position = r.Int(3);
  c.description = r.Text(4);
  auto probe = domain::ParseStateDoc(r.Text(5));
  if (probe) c.probe = ProbeOf(*probe);
  c.status = r.Text(6);
  c.status_since = r.Text(7);
  c.failures = r.Int(8);
  c.last_error = r.Text(9);
  c.cert_expires_at = r.Text(10);
  c.next_probe_at = r.Int(11);
  c.created_at = r.Text(12);
  c.updated_at = r.Text(13);
  return c;
}

// What the ledger records of a component: its configuration, never its samples.
json::object ConfigJson(const StatusComponent& c) {
  return json::object{{"component_id", c.id},
                      {"name", c.name},
                      {"group", c.group},
                      {"position", c.position},
                      {"description", c.description},
                      {"probe", ProbeJson(c.probe)}};
}

Status CheckTarget(const ProbeSpec& p, bool allow_private) {
  if (p.kind == "none") {
    if (!p.target.empty()) return ValidationError("probe.target", "must be empty without a probe");
    return Ok();
  }
  if (p.target.empty()) return ValidationError("probe.target", "is required for this probe");
  if (p.kind == "http") {
    if (!p.target.starts_with("http://") && !p.target.starts_with("https://")) {
      return ValidationError("probe.target", "must be an http:// or https:// URL");
    }
  } else {
    auto colon = p.target.rfind(':');
    if (p.target.find("://") != std::string::npos || colon == std::string::npos ||
        colon + 1 == p.target.size()) {
      return ValidationError("probe.target", "must be host:port for a TCP probe");
    }
    for (size_t i = colon + 1; i < p.target.size(); ++i) {
      if (p.target[i] < '0' || p.target[i] > '9') {
        return ValidationError("probe.target", "the port must be a number");
      }
    }
  }
  std::string host = HostOfTarget(p.target);
  if (host.empty()) return ValidationError("probe.target", "names no host");
  if (!allow_private && IsPrivateHostLiteral(host)) {
    return ValidationError("probe.target",
                           "is a loopback or private address; probes may not reach them unless "
                           "[status] allow_private_targets is set");
  }
  return Ok();
}

Status WriteComponent(Tx& tx, const StatusComponent& c) {
  auto n = tx.Exec(
      "INSERT INTO status_components(" + std::string(kColumns) +
          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
          "name = excluded.name, group_name = excluded.group_name, position = excluded.position, "
          "description = excluded.description, probe = excluded.probe, status = excluded.status, "
          "status_since = excluded.status_since, failures = excluded.failures, "
          "last_error = excluded.last_error, cert_expires_at = excluded.cert_expires_at, "
          "next_probe_at = excluded.next_probe_at, updated_at = excluded.updated_at",
      {c.id, c.name, c.group, c.position, c.description, json::serialize(ProbeJson(c.probe)),
       c.status, c.status_since, c.failures, c.last_error, c.cert_expires_at, c.next_probe_at,
       c.created_at, c.updated_at});
  if (!n.ok()) return std::move(n).error();
  return Ok();
}

Result<uint64_t> AppendStatusChange(CommandContext& c, const domain::Actor& actor,
                                    const StatusComponent& comp, const std::string& from,
                                    const std::string& reason) {
  return c.Append(domain::Event{.type = "status_component.status_changed",
                                .actor = actor,
                                .subject = {"status_component", comp.id},
                                .payload = json::object{{"component_id", comp.id},
                                                        {"name", comp.name},
                                                        {"from", from},
                                                        {"to", comp.status},
                                                        {"reason", reason}}});
}

int64_t Seconds(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string MonthOf(int64_t day) { return DayString(day).substr(0, 7); }

// First day of the month / quarter that holds `day`, and the first day after it.
std::pair<int64_t, int64_t> PeriodDays(int64_t day, bool quarter) {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  unsigned m = static_cast<unsigned>(ymd.month());
  unsigned first = quarter ? (m - 1) / 3 * 3 + 1 : m;
  auto start = std::chrono::sys_days{ymd.year() / std::chrono::month{first} / 1};
  auto end_ym = ymd.year() / std::chrono::month{first} + std::chrono::months{quarter ? 3 : 1};
  auto end = std::chrono::sys_days{end_ym / 1};
  return {start.time_since_epoch().count(), end.time_since_epoch().count()};
}

}  // namespace

int64_t DayOf(TimePoint t) {
  return std::chrono::floor<std::chrono::days>(t).time_since_epoch().count();
}
int64_t MinuteOf(TimePoint t) {
  return std::chrono::floor<std::chrono::minutes>(t).time_since_epoch().count();
}
std::string DayString(int64_t day) {
  return FormatRfc3339(TimePoint(std::chrono::sys_days{std::chrono::days{day}}.time_since_epoch()))
      .substr(0, 10);
}

const std::vector<FieldSpec>& StatusComponentFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "name", .required = true, .max_length = 120},
      {.name = "group", .max_length = 120, .description = "the group it is shown under"},
      {.name = "position", .type = FieldType::kInt, .min = 0, .max = 10000},
      {.name = "description", .type = FieldType::kText, .max_length = 1000},
      {.name = "probe",
       .type = FieldType::kObject,
       .fields = {{.name = "kind",
                   .type = FieldType::kEnum,
                   .required = true,
                   .values = {"http", "tcp", "none"}},
                  {.name = "target", .max_length = 2000},
                  {.name = "expected_status", .type = FieldType::kInt, .min = 100, .max = 599},
                  {.name = "body_match", .max_length = 200},
                  {.name = "timeout_ms", .type = FieldType::kInt, .min = 100, .max = 30000},
                  {.name = "interval_s", .type = FieldType::kInt, .min = 30, .max = 86400},
                  {.name = "cert_min_days", .type = FieldType::kInt, .min = 0, .max = 365}},
       .description = "how it is checked: an HTTP(S) request or a TCP connection"},
  };
  return kFields;
}

Result<StatusComponent> ParseStatusComponent(const json::object& body, bool allow_private) {
  json::object out;
  std::vector<ErrorDetail> details;
  domain::ValidateFields(StatusComponentFields(), body, false, "", out, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  StatusComponent c;
  c.name = StateString(out, "name");
  c.group = StateString(out, "group");
  c.position = IntOf(out, "position", 0);
  c.description = StateString(out, "description");
  if (const json::value* p = out.if_contains("probe"); p && p->is_object()) {
    c.probe = ProbeOf(p->as_object());
  }
  if (c.probe.timeout_ms > c.probe.interval_s * 1000) {
    return ValidationError("probe.timeout_ms", "must be shorter than the interval");
  }
  ACCORD_TRY(CheckTarget(c.probe, allow_private));
  return c;
}

json::object ComponentJson(const StatusComponent& c) {
  return json::object{
      {"id", c.id},
      {"name", c.name},
      {"group", c.group},
      {"position", c.position},
      {"description", c.description},
      {"probe", ProbeJson(c.probe)},
      {"status", c.status},
      {"status_since", c.status_since},
      {"failures", c.failures},
      {"last_error", c.last_error},
      {"cert_expires_at",
       c.cert_expires_at.empty() ? json::value(nullptr) : json::value(c.cert_expires_at)},
      {"created_at", c.created_at},
      {"updated_at", c.updated_at}};
}

Result<json::object> SaveStatusComponent(CommandContext& c, const domain::Actor& actor,
                                         const std::string& id, StatusComponent component) {
  std::string now = FormatRfc3339(c.Now());
  bool created = id.empty();
  if (created) {
    component.id = NewId("cmp", c.Now());
    component.status_since = now;
    component.created_at = now;
  } else {
    auto current = GetStatusComponent(c.tx(), id);
    if (!current.ok()) return std::move(current).error();
    if (!current->has_value()) return NotFound("status component " + id);
    const StatusComponent& was = **current;
    component.id = id;
    component.status = was.status;
    component.status_since = was.status_since;
    component.failures = was.failures;
    component.last_error = was.last_error;
    component.cert_expires_at = was.cert_expires_at;
    component.created_at = was.created_at;
  }
  component.next_probe_at = 0;  // probe at the runner's next turn
  component.updated_at = now;
  ACCORD_TRY(WriteComponent(c.tx(), component));
  auto index = c.Append(domain::Event{.type = "status_component.configured",
                                      .actor = actor,
                                      .subject = {"status_component", component.id},
                                      .payload = ConfigJson(component)});
  if (!index.ok()) return std::move(index).error();
  return ComponentJson(component);
}

Result<json::object> RemoveStatusComponent(CommandContext& c, const domain::Actor& actor,
                                           const std::string& id) {
  auto current = GetStatusComponent(c.tx(), id);
  if (!current.ok()) return std::move(current).error();
  if (!current->has_value()) return NotFound("status component " + id);
  for (const char* sql : {"DELETE FROM status_components WHERE id = ?",
                          "DELETE FROM status_samples WHERE component_id = ?"}) {
    auto n = c.tx().Exec(sql, {id});
    if (!n.ok()) return std::move(n).error();
  }
  auto index = c.Append(
      domain::Event{.type = "status_component.removed",
                    .actor = actor,
                    .subject = {"status_component", id},
                    .payload = json::object{{"component_id", id}, {"name", (*current)->name}}});
  if (!index.ok()) return std::move(index).error();
  return json::object{{"id", id}, {"deleted", true}};
}

Result<json::object> SetComponentStatus(CommandContext& c, const domain::Actor& actor,
                                        const std::string& id, const std::string& status,
                                        const std::string& reason) {
  auto current = GetStatusComponent(c.tx(), id);
  if (!current.ok()) return std::move(current).error();
  if (!current->has_value()) return NotFound("status component " + id);
  StatusComponent comp = **current;
  if (comp.status == status) return ComponentJson(comp);
  std::string from = comp.status;
  comp.status = status;
  comp.status_since = FormatRfc3339(c.Now());
  comp.updated_at = comp.status_since;
  ACCORD_TRY(WriteComponent(c.tx(), comp));
  auto index = AppendStatusChange(c, actor, comp, from, reason);
  if (!index.ok()) return std::move(index).error();
  return ComponentJson(comp);
}

Result<std::vector<StatusComponent>> ListStatusComponents(Tx& tx) {
  std::vector<StatusComponent> out;
  ACCORD_TRY(tx.ForEach("SELECT " + std::string(kColumns) +
                            " FROM status_components ORDER BY group_name, position, name, id",
                        {}, [&](const Row& r) {
                          out.push_back(FromRow(r));
                          return true;
                        }));
  return out;
}

Result<std::optional<StatusComponent>> GetStatusComponent(Tx& tx, const std::string& id) {
  auto row =
      tx.QueryOne("SELECT " + std::string(kColumns) + " FROM status_components WHERE id = ?", {id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<StatusComponent>();
  return std::optional<StatusComponent>(FromRow(**row));
}

Result<int> RecordProbeOutcomes(CommandContext& c, const std::vector<ProbeOutcome>& outcomes,
                                const StatusSettings& settings) {
  const TimePoint now = c.Now();
  const int64_t minute = MinuteOf(now);
  int changes = 0;
  for (const auto& o : outcomes) {
    auto current = GetStatusComponent(c.tx(), o.component_id);
    if (!current.ok()) return std::move(current).error();
    if (!current->has_value()) continue;  // removed while it was being probed
    StatusComponent comp = **current;
    // One sample a minute: a failure anywhere in the minute makes the minute down.
    auto n = c.tx().Exec(
        "INSERT INTO status_samples(component_id, minute, ok, latency_ms) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(component_id, minute) DO UPDATE SET ok = CASE WHEN excluded.ok < "
        "status_samples.ok THEN excluded.ok ELSE status_samples.ok END, latency_ms = CASE WHEN "
        "excluded.latency_ms > status_samples.latency_ms THEN excluded.latency_ms ELSE "
        "status_samples.latency_ms END",
        {comp.id, minute, int64_t{o.ok ? 1 : 0}, o.latency_ms});
    if (!n.ok()) return std::move(n).error();
    comp.failures = o.ok ? 0 : comp.failures + 1;
    comp.last_error = o.error;
    if (!o.cert_expires_at.empty()) comp.cert_expires_at = o.cert_expires_at;
    comp.next_probe_at = Seconds(now) + comp.probe.interval_s;
    std::string status = comp.status;
    if (status != "under_maintenance") {
      if (o.ok) {
        status = o.degraded ? "degraded_performance" : "operational";
      } else if (comp.failures >= settings.failures_for_outage) {
        status = "major_outage";
      }
    }
    std::string from = comp.status;
    if (status != from) {
      comp.status = status;
      comp.status_since = FormatRfc3339(now);
      comp.updated_at = comp.status_since;
    }
    ACCORD_TRY(WriteComponent(c.tx(), comp));
    if (status != from) {
      auto index = AppendStatusChange(c, domain::SystemActor(), comp, from,
                                      o.error.empty() ? "the probe succeeded" : o.error);
      if (!index.ok()) return std::move(index).error();
      ++changes;
    }
  }
  return changes;
}

Result<int> RollUpUptime(CommandContext& c, const StatusSettings& settings) {
  Tx& tx = c.tx();
  const TimePoint now = c.Now();
  const int64_t today = DayOf(now);
  auto mark = tx.QueryOne("SELECT value FROM status_marks WHERE name = 'rolled_up_to'", {});
  if (!mark.ok()) return std::move(mark).error();
  // The first day to roll up: after the last one, or the earliest sample's day.
  int64_t day = mark->has_value() ? (*mark)->Int(0) + 1 : -1;
  if (day < 0) {
    auto first = tx.QueryOne("SELECT MIN(minute) FROM status_samples", {});
    if (!first.ok()) return std::move(first).error();
    if (!first->has_value() || (*first)->IsNull(0)) return 0;
    day = (*first)->Int(0) / 1440;
  }
  // Bounded: a server that was down for years rolls up at most a year per turn.
  int rolled = 0;
  for (; day < today && rolled < 366; ++day, ++rolled) {
    json::array components;
    std::map<std::string, std::string> names;
    ACCORD_TRY(tx.ForEach("SELECT id, name FROM status_components", {}, [&](const Row& r) {
      names[r.Text(0)] = r.Text(1);
      return true;
    }));
    std::vector<std::tuple<std::string, int64_t, int64_t>> rows;
    ACCORD_TRY(
        tx.ForEach("SELECT component_id, CAST(SUM(ok) AS BIGINT), COUNT(*) FROM status_samples "
                   "WHERE minute >= ? AND "
                   "minute < ? GROUP BY component_id ORDER BY component_id",
                   {day * 1440, (day + 1) * 1440}, [&](const Row& r) {
                     rows.emplace_back(r.Text(0), r.Int(1), r.Int(2));
                     return true;
                   }));
    for (const auto& [id, up, sampled] : rows) {
      auto n = tx.Exec(
          "INSERT INTO status_daily(component_id, day, up_minutes, sampled_minutes) VALUES "
          "(?, ?, ?, ?) ON CONFLICT(component_id, day) DO UPDATE SET up_minutes = "
          "excluded.up_minutes, sampled_minutes = excluded.sampled_minutes",
          {id, day, up, sampled});
      if (!n.ok()) return std::move(n).error();
      double percent = sampled == 0 ? 100.0 : 100.0 * static_cast<double>(up) / sampled;
      components.push_back(json::object{{"component_id", id},
                                        {"name", names.count(id) ? names[id] : std::string()},
                                        {"up_minutes", up},
                                        {"sampled_minutes", sampled},
                                        {"uptime_percent", std::round(percent * 1000) / 1000}});
    }
    if (!components.empty()) {
      auto index = c.Append(domain::Event{
          .type = "status_uptime.rolled_up",
          .actor = domain::SystemActor(),
          .subject = {"status_uptime", DayString(day)},
          .payload = json::object{{"day", DayString(day)}, {"components", components}}});
      if (!index.ok()) return std::move(index).error();
    }
    auto n = tx.Exec(
        "INSERT INTO status_marks(name, value) VALUES ('rolled_up_to', ?) ON CONFLICT(name) "
        "DO UPDATE SET value = excluded.value",
        {day});
    if (!n.ok()) return std::move(n).error();
  }
  auto purged = tx.Exec("DELETE FROM status_samples WHERE minute < ?",
                        {(today - settings.retention_days) * 1440});
  if (!purged.ok()) return std::move(purged).error();
  return rolled;
}

Result<std::vector<UptimeDay>> ComponentUptimeDays(Tx& tx, const std::string& component_id,
                                                   int64_t from_day, int64_t to_day,
                                                   TimePoint now) {
  std::vector<UptimeDay> out;
  const int64_t today = DayOf(now);
  ACCORD_TRY(tx.ForEach(
      "SELECT day, up_minutes, sampled_minutes FROM status_daily WHERE component_id = ? AND "
      "day >= ? AND day <= ? ORDER BY day",
      {component_id, from_day, to_day}, [&](const Row& r) {
        out.push_back({r.Int(0), r.Int(1), r.Int(2)});
        return true;
      }));
  // Days not rolled up yet (today, and any the runner has not reached) from the samples.
  int64_t rolled_to = out.empty() ? from_day - 1 : out.back().day;
  int64_t first = std::max(rolled_to + 1, std::max(from_day, today - 2));
  if (first <= to_day) {
    ACCORD_TRY(
        tx.ForEach("SELECT minute / 1440, CAST(SUM(ok) AS BIGINT), COUNT(*) FROM status_samples "
                   "WHERE component_id = ? "
                   "AND minute >= ? AND minute < ? GROUP BY minute / 1440 ORDER BY 1",
                   {component_id, first * 1440, (to_day + 1) * 1440}, [&](const Row& r) {
                     out.push_back({r.Int(0), r.Int(1), r.Int(2)});
                     return true;
                   }));
  }
  return out;
}

Attainment AttainmentOf(const std::vector<UptimeDay>& days, std::string period, double target) {
  Attainment a;
  a.period = std::move(period);
  a.target_percent = target;
  for (const auto& d : days) {
    a.up_minutes += d.up_minutes;
    a.sampled_minutes += d.sampled_minutes;
  }
  if (a.sampled_minutes > 0) {
    a.uptime_percent = 100.0 * static_cast<double>(a.up_minutes) / a.sampled_minutes;
  }
  a.met = a.uptime_percent + 1e-9 >= target;
  return a;
}

Result<std::vector<Attainment>> ComponentAttainment(Tx& tx, const std::string& component_id,
                                                    double target_percent, TimePoint now) {
  std::vector<Attainment> out;
  const int64_t today = DayOf(now);
  for (bool quarter : {false, true}) {
    auto [start, end] = PeriodDays(today, quarter);
    auto days = ComponentUptimeDays(tx, component_id, start, end - 1, now);
    if (!days.ok()) return std::move(days).error();
    std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{start}}};
    std::string period = quarter
                             ? std::to_string(static_cast<int>(ymd.year())) + "-Q" +
                                   std::to_string((static_cast<unsigned>(ymd.month()) - 1) / 3 + 1)
                             : MonthOf(start);
    out.push_back(AttainmentOf(*days, std::move(period), target_percent));
  }
  return out;
}

const std::vector<FieldSpec>& MaintenanceFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "name", .required = true, .max_length = 200},
      {.name = "body", .type = FieldType::kText, .max_length = 4000},
      {.name = "component_ids", .type = FieldType::kStringList, .max_length = 100},
      {.name = "scheduled_for", .type = FieldType::kTime, .required = true},
      {.name = "scheduled_until", .type = FieldType::kTime, .required = true},
  };
  return kFields;
}

Result<json::object> ScheduleMaintenance(CommandContext& c, const domain::Actor& actor,
                                         const json::object& body) {
  json::object out;
  std::vector<ErrorDetail> details;
  domain::ValidateFields(MaintenanceFields(), body, false, "", out, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  std::string from = StateString(out, "scheduled_for");
  std::string until = StateString(out, "scheduled_until");
  if (until <= from) return ValidationError("scheduled_until", "must be after scheduled_for");
  json::array ids;
  if (const json::value* v = out.if_contains("component_ids"); v && v->is_array())
    ids = v->as_array();
  for (const auto& v : ids) {
    auto comp = GetStatusComponent(c.tx(), std::string(v.as_string()));
    if (!comp.ok()) return std::move(comp).error();
    if (!comp->has_value()) {
      return ValidationError("component_ids",
                             "no status component has the id " + std::string(v.as_string()));
    }
  }
  std::string id = NewId("mnt", c.Now());
  std::string now = FormatRfc3339(c.Now());
  auto n = c.tx().Exec(
      "INSERT INTO status_maintenances(id, name, body, component_ids, scheduled_for, "
      "scheduled_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {id, StateString(out, "name"), StateString(out, "body"), json::serialize(ids), from, until,
       now});
  if (!n.ok()) return std::move(n).error();
  json::object m{{"id", id},
                 {"name", StateString(out, "name")},
                 {"body", StateString(out, "body")},
                 {"component_ids", ids},
                 {"scheduled_for", from},
                 {"scheduled_until", until},
                 {"created_at", now}};
  auto index = c.Append(domain::Event{.type = "status_maintenance.scheduled",
                                      .actor = actor,
                                      .subject = {"status_maintenance", id},
                                      .payload = m});
  if (!index.ok()) return std::move(index).error();
  m["status"] = from <= now ? "in_progress" : "scheduled";
  return m;
}

Result<std::vector<json::object>> ListMaintenances(Tx& tx, TimePoint now) {
  std::vector<json::object> out;
  std::string at = FormatRfc3339(now);
  ACCORD_TRY(tx.ForEach(
      "SELECT id, name, body, component_ids, scheduled_for, scheduled_until, created_at FROM "
      "status_maintenances ORDER BY scheduled_for, id",
      {}, [&](const Row& r) {
        boost::system::error_code ec;
        json::value ids = json::parse(r.Text(3), ec);
        std::string status = at < r.Text(4)   ? "scheduled"
                             : at < r.Text(5) ? "in_progress"
                                              : "completed";
        out.push_back(json::object{{"id", r.Text(0)},
                                   {"name", r.Text(1)},
                                   {"body", r.Text(2)},
                                   {"component_ids", !ec && ids.is_array() ? ids : json::array()},
                                   {"scheduled_for", r.Text(4)},
                                   {"scheduled_until", r.Text(5)},
                                   {"created_at", r.Text(6)},
                                   {"status", status}});
        return true;
      }));
  return out;
}

Result<bool> TakeLease(Tx& tx, const std::string& name, const std::string& holder, TimePoint now,
                       std::chrono::seconds ttl) {
  auto n = tx.Exec(
      "INSERT INTO runner_leases(name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT(name) "
      "DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE "
      "runner_leases.holder = excluded.holder OR runner_leases.expires_at < ?",
      {name, holder, Seconds(now) + ttl.count(), Seconds(now)});
  if (!n.ok()) return std::move(n).error();
  return *n > 0;
}

}  // namespace accord::storage
