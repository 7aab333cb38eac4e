// Reading the scans' read models (issue 24, TR-4), and the scheduler's cadence job.
#include <algorithm>
#include <map>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/scans.h"
#include "scan_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

// Open scan findings per target and severity, for the target list.
Result<std::map<std::string, json::object>> OpenCounts(Tx& tx, const std::string& now) {
  std::map<std::string, json::object> out;
  ACCORD_TRY(tx.ForEach(
      "SELECT target_id, severity, COUNT(*), SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END) "
      "FROM rm_scan_findings WHERE tool <> '' AND status IN ('open', 'acceptance_requested') "
      "GROUP BY target_id, severity",
      {now}, [&](const Row& r) {
        json::object& o = out[r.Text(0)];
        o[r.Text(1)] = r.Int(2);
        int64_t overdue = r.Int(3) + (o.contains("overdue") ? o["overdue"].as_int64() : 0);
        o["overdue"] = overdue;
        return true;
      }));
  return out;
}

std::string DueAt(const std::string& last_scan_at, const std::string& first_seen_at,
                  const policy::ReviewsPolicy& policy) {
  auto from = ParseRfc3339(last_scan_at.empty() ? first_seen_at : last_scan_at);
  if (!from.ok()) return "";
  return FormatRfc3339(*from + std::chrono::days(policy.scan_cadence_days));
}

}  // namespace

Result<json::array> ListScans(Tx& tx, const std::string& target_id, int limit) {
  json::array out;
  auto each = [&](const Row& r) {
    if (auto doc = domain::ParseStateDoc(r.Text(0))) {
      doc->erase("vex");  // a scan's page shows the statements, the list does not
      out.push_back(std::move(*doc));
    }
    return true;
  };
  if (target_id.empty()) {
    ACCORD_TRY(tx.ForEach("SELECT doc FROM rm_scans ORDER BY scanned_at DESC, id DESC LIMIT ?",
                          {int64_t{limit}}, each));
  } else {
    ACCORD_TRY(tx.ForEach(
        "SELECT doc FROM rm_scans WHERE target_id = ? ORDER BY scanned_at DESC, id DESC LIMIT ?",
        {target_id, int64_t{limit}}, each));
  }
  return out;
}

Result<std::optional<json::object>> GetScan(Tx& tx, const std::string& scan_id) {
  auto row = tx.QueryOne("SELECT doc FROM rm_scans WHERE id = ?", {scan_id});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<json::object>();
  auto doc = domain::ParseStateDoc((*row)->Text(0));
  if (!doc) return Internal("scan " + scan_id + " has an unreadable record");
  // The findings this scan opened, newest first (at most 200 here: the board has them all).
  json::array opened;
  ACCORD_TRY(tx.ForEach(
      "SELECT o.doc FROM rm_objects o WHERE o.kind = 'finding' AND o.to_idx = ? AND o.id IN "
      "(SELECT finding_id FROM rm_scan_findings WHERE target_id = ?) ORDER BY o.id LIMIT 200",
      {kOpenVersion, StateString(*doc, "target_id")}, [&](const Row& r) {
        if (auto f = domain::ParseStateDoc(r.Text(0))) {
          json::object brief;
          for (const char* k : {"id", "title", "severity", "status", "due_at", "overdue"}) {
            if (const json::value* v = f->if_contains(k)) brief[k] = *v;
          }
          opened.push_back(std::move(brief));
        }
        return true;
      }));
  (*doc)["findings"] = std::move(opened);
  return std::optional<json::object>(std::move(*doc));
}

Result<json::array> ListScanTargets(Tx& tx, TimePoint now, const policy::ReviewsPolicy& policy) {
  std::string at = FormatRfc3339(now);
  auto counts = OpenCounts(tx, at);
  if (!counts.ok()) return std::move(counts).error();
  json::array out;
  ACCORD_TRY(tx.ForEach(
      "SELECT t.id, t.name, t.target_kind, t.system_id, t.first_seen_at, t.last_scan_at, "
      "t.last_scan_id, s.doc FROM rm_scan_targets t LEFT JOIN rm_objects s ON s.kind = 'system' "
      "AND s.id = t.system_id AND s.to_idx = ? ORDER BY t.name",
      {kOpenVersion}, [&](const Row& r) {
        std::string last = r.IsNull(5) ? "" : r.Text(5);
        std::string due = DueAt(last, r.Text(4), policy);
        std::string system_name;
        if (!r.IsNull(7)) {
          if (auto sys = domain::ParseStateDoc(r.Text(7))) system_name = StateString(*sys, "name");
        }
        json::object open = counts->contains(r.Text(0)) ? (*counts)[r.Text(0)] : json::object{};
        out.push_back(json::object{
            {"id", r.Text(0)},
            {"name", r.Text(1)},
            {"target_kind", r.Text(2)},
            {"system_id", r.IsNull(3) ? json::value(nullptr) : json::value(r.Text(3))},
            {"system_name", system_name.empty() ? json::value(nullptr) : json::value(system_name)},
            {"first_seen_at", r.Text(4)},
            {"last_scan_at", last.empty() ? json::value(nullptr) : json::value(last)},
            {"last_scan_id", r.IsNull(6) ? json::value(nullptr) : json::value(r.Text(6))},
            {"next_scan_due_at", due},
            {"scan_overdue", !due.empty() && due < at},
            {"open_findings", std::move(open)}});
        return true;
      }));
  return out;
}

Result<std::vector<ScanDue>> ScansDue(Tx& tx, TimePoint now, const policy::ReviewsPolicy& policy) {
  std::string at = FormatRfc3339(now);
  std::vector<ScanDue> out;
  ACCORD_TRY(tx.ForEach("SELECT id, name, first_seen_at, last_scan_at FROM rm_scan_targets", {},
                        [&](const Row& r) {
                          std::string due = DueAt(r.IsNull(3) ? "" : r.Text(3), r.Text(2), policy);
                          out.push_back(ScanDue{r.Text(0), r.Text(1), due, due < at});
                          return true;
                        }));
  std::sort(out.begin(), out.end(),
            [](const ScanDue& a, const ScanDue& b) { return a.due_at < b.due_at; });
  return out;
}

Result<int> RaiseStaleScanTargets(EventLog& log, const policy::ReviewsPolicy& policy) {
  // One cheap probe; a write only when some target is past its cadence without a finding.
  auto stale = [&](Tx& tx, TimePoint now) -> Result<std::vector<ScanDue>> {
    auto due = ScansDue(tx, now, policy);
    if (!due.ok()) return std::move(due).error();
    std::vector<ScanDue> out;
    for (auto& d : *due) {
      if (!d.overdue) break;  // sorted: the rest are later
      auto open = tx.QueryOne(
          "SELECT 1 FROM rm_scan_findings WHERE target_id = ? AND tool = '' AND fingerprint = ? "
          "AND status IN ('open', 'acceptance_requested')",
          {d.target_id, std::string(scan_support::kNotScanned)});
      if (!open.ok()) return std::move(open).error();
      if (!open->has_value()) out.push_back(std::move(d));
    }
    return out;
  };
  bool any = false;
  ACCORD_TRY(log.store().Read([&](Tx& tx) -> Status {
    auto found = stale(tx, log.clock().Now());
    if (!found.ok()) return std::move(found).error();
    any = !found->empty();
    return Ok();
  }));
  if (!any) return 0;
  auto r = log.Execute([&](CommandContext& c) -> Result<json::value> {
    auto found = stale(c.tx(), c.Now());
    if (!found.ok()) return std::move(found).error();
    int64_t n = 0;
    for (const auto& d : *found) {
      auto t = scan_support::FindTarget(c.tx(), "id", d.target_id);
      if (!t.ok()) return std::move(t).error();
      if (!t->has_value()) continue;
      ACCORD_TRY(scan_support::OpenTargetFinding(
          c, domain::SystemActor(), **t, scan_support::kNotScanned,
          "Not scanned within " + std::to_string(policy.scan_cadence_days) +
              " days: " + scan_support::Clip(d.target_name, 200),
          "The last scan of this target is older than the scan cadence. Scan it and import the "
          "results; the finding closes by itself.",
          "medium", c.Now() + std::chrono::days(policy.RemediationDays("medium"))));
      ++n;
    }
    return json::value(n);
  });
  if (!r.ok()) return std::move(r).error();
  return static_cast<int>(r->as_int64());
}

}  // namespace accord::storage
