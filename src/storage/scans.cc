// Importing a scan (issue 24, TR-4): one command, so a refused file writes nothing; the events
// are only those of what changed since the target's last scan by the same tool.
#include "accord/storage/scans.h"

#include <map>
#include <set>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/finding.h"
#include "review_support.h"
#include "scan_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::ActorJson;
using domain::StateString;
using namespace review_support;  // NOLINT: the shared helpers of the workflow commands
using namespace scan_support;    // NOLINT

namespace {

namespace wf = workflow::finding;

struct Known {
  std::string id;
  std::string status;
};

// The findings this target's scans by `tool` raised, by fingerprint.
Result<std::map<std::string, Known>> KnownFindings(Tx& tx, const std::string& target_id,
                                                   const std::string& tool) {
  std::map<std::string, Known> out;
  ACCORD_TRY(tx.ForEach(
      "SELECT fingerprint, finding_id, status FROM rm_scan_findings WHERE target_id = ? AND "
      "tool = ?",
      {target_id, tool}, [&](const Row& r) {
        out[r.Text(0)] = Known{r.Text(1), r.Text(2)};
        return true;
      }));
  return out;
}

// VEX statements in effect: vulnerability id -> packages ("" = any) -> the statement.
using VexIndex = std::map<std::string, std::map<std::string, json::object>>;

Result<VexIndex> LoadVex(Tx& tx) {
  VexIndex out;
  ACCORD_TRY(tx.ForEach(
      "SELECT vulnerability_id, package, state, justification, detail, scan_id FROM rm_scan_vex",
      {}, [&](const Row& r) {
        out[r.Text(0)][r.Text(1)] = json::object{{"state", r.Text(2)},
                                                 {"justification", r.Text(3)},
                                                 {"detail", r.Text(4)},
                                                 {"scan_id", r.Text(5)}};
        return true;
      }));
  return out;
}

const json::object* VexFor(const VexIndex& vex, const std::string& rule,
                           const std::string& package) {
  auto it = vex.find(rule);
  if (it == vex.end()) return nullptr;
  if (auto p = it->second.find(package); p != it->second.end()) return &p->second;
  if (auto any = it->second.find(""); any != it->second.end()) return &any->second;
  return nullptr;
}

std::string TitleOf(const domain::ScanItem& it) {
  if (it.kind == "vulnerability" && !it.package.empty()) {
    std::string t = it.rule + " in " + it.package;
    if (!it.installed_version.empty()) t += " " + it.installed_version;
    return it.title.empty() || it.title == it.rule ? t : t + ": " + it.title;
  }
  std::string t = it.title.empty() ? it.rule : it.title;
  return it.location.empty() ? t : t + " (" + it.location + ")";
}

// The finding's whole state, as every finding event carries it, without what the ledger already
// holds once elsewhere: the target's system is the target's (scan_target events), the scan that
// first found it is `source.id`, and fields a result does not have are left out rather than
// written empty (a code result has no package or versions). 100,000 results write 100,000 of
// these: each byte left out is 100 kB of ledger and as much of read model.
json::object NewScanFinding(const domain::ScanItem& it, const Target& target,
                            const std::string& tool, const std::string& scan_id,
                            const domain::Actor& actor, TimePoint now, TimePoint scanned,
                            const policy::ReviewsPolicy& policy) {
  std::string at = FormatRfc3339(now);
  TimePoint due = scanned + std::chrono::days(policy.RemediationDays(it.severity));
  json::object scan{{"target_id", target.id}, {"target", target.name},
                    {"tool", tool},           {"kind", it.kind},
                    {"rule", it.rule},        {"fingerprint", it.fingerprint}};
  auto optional = [&scan](std::string_view key, const std::string& value) {
    if (!value.empty()) scan[key] = value;
  };
  optional("package", it.package);
  optional("installed_version", it.installed_version);
  optional("fixed_version", it.fixed_version);
  optional("location", it.location);
  return json::object{
      {"id", NewId("fnd", now)},
      {"title", Clip(TitleOf(it), 300)},
      {"description", it.description.empty() ? json::value(nullptr) : json::value(it.description)},
      {"severity", it.severity},
      {"status", std::string(wf::Name(wf::State::kOpen))},
      {"party_id", nullptr},
      {"source", json::object{{"kind", "scan"}, {"id", scan_id}}},
      {"rule", "scan_" + it.kind},
      {"owner", nullptr},
      {"due_at", FormatRfc3339(due)},
      {"overdue", false},
      {"resolution", nullptr},
      {"opened_by", ActorJson(actor)},
      {"scan", std::move(scan)},
      {"created_at", at},
      {"updated_at", at},
      {"version", 1}};
}

struct Counts {
  int64_t opened = 0, reopened = 0, resolved = 0, unchanged = 0, not_affected = 0;
  json::object ToJson() const {
    return {{"opened", opened},
            {"reopened", reopened},
            {"resolved", resolved},
            {"unchanged", unchanged},
            {"not_affected", not_affected}};
  }
};

// Applies the VEX statements of this file to open scan findings of any target.
Status ApplyVex(CommandContext& c, const domain::Actor& actor,
                const std::vector<domain::VexStatement>& vex, const std::string& scan_id,
                Counts& counts) {
  for (const auto& v : vex) {
    if (v.state != "not_affected" && v.state != "false_positive" && v.state != "resolved") {
      continue;
    }
    auto rows = c.tx().Query(
        "SELECT finding_id, package FROM rm_scan_findings WHERE rule = ? AND status = 'open'",
        {v.vulnerability_id});
    if (!rows.ok()) return std::move(rows).error();
    for (const auto& r : *rows) {
      const std::string& package = r.Text(1);
      bool matches = std::any_of(v.packages.begin(), v.packages.end(),
                                 [&](const std::string& p) { return p.empty() || p == package; });
      if (!matches) continue;
      json::object statement{{"state", v.state},
                             {"justification", v.justification},
                             {"detail", v.detail},
                             {"scan_id", scan_id}};
      ACCORD_TRY(ResolveByScan(
          c, actor, r.Text(0),
          "The supplier states it is " + HumanWords(v.state) +
              (v.justification.empty() ? "" : " (" + HumanWords(v.justification) + ")"),
          scan_id, std::move(statement)));
      ++counts.not_affected;
    }
  }
  return Ok();
}

json::array VexJson(const std::vector<domain::VexStatement>& vex) {
  json::array out;
  for (const auto& v : vex) {
    for (const auto& p : v.packages) {
      out.push_back(json::object{{"vulnerability_id", v.vulnerability_id},
                                 {"package", p},
                                 {"state", v.state},
                                 {"justification", v.justification},
                                 {"detail", v.detail}});
    }
  }
  return out;
}

}  // namespace

Result<json::object> ImportScan(CommandContext& c, const domain::Actor& actor, const ScanImport& in,
                                const policy::ReviewsPolicy& policy) {
  const domain::ScanReport& report = in.report;
  TimePoint now = c.Now();
  // When the scanner ran: as the importer says, else as the file says (a time after now is a
  // scanner's clock gone wrong, not a scan from the future), else the upload's time.
  TimePoint scanned = now;
  std::string scanned_from = "upload";
  if (in.scanned_at) {
    scanned = *in.scanned_at;
    scanned_from = "given";
  } else if (report.scanned_at && *report.scanned_at <= now) {
    scanned = *report.scanned_at;
    scanned_from = "file";
  }
  if (scanned > now) return ValidationError("scanned_at", "must not be in the future");
  std::string scan_id = NewId("scn", now);
  // A VEX document alone is a supplier's statement about every target, not a scan of its
  // product: it registers no target unless one is named.
  bool vex_only = report.items.empty() && !report.vex.empty();
  std::string name = !in.target.empty() ? in.target : vex_only ? "" : report.target;
  if (name.size() > 500) return ValidationError("target", "must be at most 500 characters");
  if (name.empty() && !report.items.empty()) {
    return ValidationError("target",
                           "the file names no target (no repository, image or component): name "
                           "it with ?target= (--target)");
  }
  if (!in.system_id.empty()) ACCORD_TRY(CheckSystem(c.tx(), in.system_id));
  Counts counts;
  std::optional<Target> target;
  if (!name.empty()) {
    auto t = RegisterTarget(c, actor, name, report.target_kind, in.system_id, scan_id);
    if (!t.ok()) return std::move(t).error();
    target = std::move(*t);
    ACCORD_TRY(
        ResolveTargetFinding(c, actor, *target, kNotScanned, "Scanned again: " + scan_id, scan_id));
  }
  auto vex = LoadVex(c.tx());
  if (!vex.ok()) return std::move(vex).error();
  if (target) {
    auto known = KnownFindings(c.tx(), target->id, report.tool);
    if (!known.ok()) return std::move(known).error();
    std::set<std::string> seen;
    for (const auto& it : report.items) {
      if (!seen.insert(it.fingerprint).second) continue;  // the same result twice in one file
      const json::object* statement = VexFor(*vex, it.rule, it.package);
      auto k = known->find(it.fingerprint);
      if (statement) {
        ++counts.not_affected;  // stands resolved by the statement; nothing new to say
        continue;
      }
      if (k == known->end()) {
        json::object state =
            NewScanFinding(it, *target, report.tool, scan_id, actor, now, scanned, policy);
        auto index = AppendState(c, "finding", "finding.opened", actor, std::move(state));
        if (!index.ok()) return std::move(index).error();
        ++counts.opened;
      } else if (k->second.status == wf::Name(wf::State::kResolved)) {
        ACCORD_TRY(ReopenByScan(c, actor, k->second.id, scan_id, policy));
        ++counts.reopened;
      } else {
        ++counts.unchanged;
      }
    }
    // Open findings of this target and tool that the scan no longer has: fixed.
    for (const auto& [fingerprint, k] : *known) {
      if (seen.contains(fingerprint) || k.status != wf::Name(wf::State::kOpen)) continue;
      ACCORD_TRY(ResolveByScan(c, actor, k.id,
                               "No longer found by " + report.tool + " in " + target->name, scan_id,
                               nullptr));
      ++counts.resolved;
    }
  }
  ACCORD_TRY(ApplyVex(c, actor, report.vex, scan_id, counts));
  json::object state{
      {"id", scan_id},
      {"format", std::string(domain::Name(report.format))},
      {"tool", report.tool},
      {"tool_version", report.tool_version},
      {"target_id", target ? json::value(target->id) : json::value(nullptr)},
      {"target", target ? json::value(target->name) : json::value(nullptr)},
      {"system_id", target && !target->system_id.empty() ? json::value(target->system_id)
                                                         : json::value(nullptr)},
      {"file_name", in.file_name.empty() ? json::value(nullptr) : json::value(in.file_name)},
      {"imported_at", FormatRfc3339(now)},
      {"scanned_at", FormatRfc3339(scanned)},
      {"scanned_at_source", scanned_from},
      {"scanned_at_field",
       scanned_from == "file" ? json::value(report.scanned_at_field) : json::value(nullptr)},
      {"imported_by", ActorJson(actor)},
      {"results", report.results},
      {"counts", counts.ToJson()},
      {"vex", VexJson(report.vex)}};
  auto index = AppendState(c, "scan", "scan.imported", actor, state);
  if (!index.ok()) return std::move(index).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  if (target) state["target_new"] = target->is_new;
  return state;
}

Result<json::object> AssignScanTarget(CommandContext& c, const domain::Actor& actor,
                                      const std::string& target_id, const std::string& system_id) {
  auto found = FindTarget(c.tx(), "id", target_id);
  if (!found.ok()) return std::move(found).error();
  if (!found->has_value()) return NotFound("scan target " + target_id);
  ACCORD_TRY(CheckSystem(c.tx(), system_id));
  auto t = RegisterTarget(c, actor, (*found)->name, (*found)->kind, system_id, "");
  if (!t.ok()) return std::move(t).error();
  return json::object{{"id", t->id}, {"name", t->name}, {"system_id", t->system_id}};
}

}  // namespace accord::storage
