#include "scan_support.h"

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/finding.h"
#include "review_support.h"

namespace accord::storage::scan_support {

namespace json = boost::json;
using domain::ActorJson;
using domain::StateString;
using namespace review_support;  // NOLINT

namespace wf = workflow::finding;

std::string Clip(std::string s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s + "…";
}

std::string HumanWords(std::string s) {
  for (char& ch : s) {
    if (ch == '_') ch = ' ';
  }
  return s;
}

Status CheckSystem(Tx& tx, const std::string& system_id) {
  auto sys = GetObject(tx, "system", system_id, Scope{});
  if (!sys.ok()) return std::move(sys).error();
  if (!sys->has_value()) return ValidationError("system_id", "no system has id " + system_id);
  return Ok();
}

Result<std::optional<Target>> FindTarget(Tx& tx, const std::string& column,
                                         const std::string& value) {
  // `column` is the caller's constant: id or name.
  auto row = tx.QueryOne(
      "SELECT id, name, target_kind, system_id FROM rm_scan_targets WHERE " + column + " = ?",
      {value});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<Target>();
  const Row& r = **row;
  return std::optional<Target>(
      Target{r.Text(0), r.Text(1), r.Text(2), r.IsNull(3) ? "" : r.Text(3), false});
}

namespace {

json::object TargetState(const Target& t, const std::string& first_seen_at,
                         const std::string& first_scan_id) {
  return {{"id", t.id},
          {"name", t.name},
          {"target_kind", t.kind},
          {"system_id", t.system_id.empty() ? json::value(nullptr) : json::value(t.system_id)},
          {"first_seen_at", first_seen_at},
          {"first_scan_id", first_scan_id}};
}

Result<std::optional<std::string>> OpenTargetFindingId(Tx& tx, const Target& target,
                                                       const std::string& fingerprint) {
  auto row = tx.QueryOne(
      "SELECT finding_id FROM rm_scan_findings WHERE target_id = ? AND tool = '' AND "
      "fingerprint = ? AND status IN ('open', 'acceptance_requested')",
      {target.id, fingerprint});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<std::string>();
  return std::optional<std::string>((*row)->Text(0));
}

Status Move(CommandContext& c, const domain::Actor& actor, json::object state,
            const std::string& type, const std::string& comment) {
  Bump(state, c.Now());
  json::object extra{{"comment", comment}};
  auto index = AppendState(c, "finding", type, actor, std::move(state), std::move(extra));
  if (!index.ok()) return std::move(index).error();
  return Ok();
}

}  // namespace

Result<Target> RegisterTarget(CommandContext& c, const domain::Actor& actor,
                              const std::string& name, const std::string& kind,
                              const std::string& system_id, const std::string& scan_id) {
  auto found = FindTarget(c.tx(), "name", name);
  if (!found.ok()) return std::move(found).error();
  std::string at = FormatRfc3339(c.Now());
  if (found->has_value()) {
    Target t = std::move(**found);
    if (system_id.empty() || system_id == t.system_id) return t;
    t.system_id = system_id;
    auto row = c.tx().QueryOne("SELECT first_seen_at FROM rm_scan_targets WHERE id = ?", {t.id});
    if (!row.ok()) return std::move(row).error();
    auto index = AppendState(c, "scan_target", "scan_target.assigned", actor,
                             TargetState(t, (*row)->Text(0), ""));
    if (!index.ok()) return std::move(index).error();
    ACCORD_TRY(ResolveTargetFinding(c, actor, t, kNoSystem, "Assigned to a system", scan_id));
    return t;
  }
  Target t{NewId("tgt", c.Now()), name, kind.empty() ? "other" : kind, system_id, true};
  auto index =
      AppendState(c, "scan_target", "scan_target.registered", actor, TargetState(t, at, scan_id));
  if (!index.ok()) return std::move(index).error();
  if (system_id.empty()) {
    ACCORD_TRY(OpenTargetFinding(
        c, actor, t, kNoSystem, "Scanned target belongs to no system: " + Clip(name, 200),
        "A scan named this target for the first time. It joins the scan rotation; say which of "
        "our systems it belongs to.",
        "low", c.Now() + std::chrono::days(30)));
  }
  return t;
}

Status OpenTargetFinding(CommandContext& c, const domain::Actor& actor, const Target& target,
                         const std::string& fingerprint, const std::string& title,
                         const std::string& description, const std::string& severity,
                         TimePoint due) {
  auto open = OpenTargetFindingId(c.tx(), target, fingerprint);
  if (!open.ok()) return std::move(open).error();
  if (open->has_value()) return Ok();
  std::string at = FormatRfc3339(c.Now());
  json::object state{{"id", NewId("fnd", c.Now())},
                     {"title", title},
                     {"description", description},
                     {"severity", severity},
                     {"status", std::string(wf::Name(wf::State::kOpen))},
                     {"party_id", nullptr},
                     {"source", json::object{{"kind", "scan_target"}, {"id", target.id}}},
                     {"rule", fingerprint},
                     {"owner", nullptr},
                     {"due_at", FormatRfc3339(due)},
                     {"overdue", false},
                     {"resolution", nullptr},
                     {"opened_by", ActorJson(actor)},
                     {"scan", json::object{{"target_id", target.id},
                                           {"target", target.name},
                                           {"tool", ""},
                                           {"kind", "target"},
                                           {"rule", fingerprint},
                                           {"package", ""},
                                           {"fingerprint", fingerprint}}},
                     {"created_at", at},
                     {"updated_at", at},
                     {"version", 1}};
  auto index = AppendState(c, "finding", "finding.opened", actor, state);
  if (!index.ok()) return std::move(index).error();
  return Ok();
}

Status ResolveTargetFinding(CommandContext& c, const domain::Actor& actor, const Target& target,
                            const std::string& fingerprint, const std::string& comment,
                            const std::string& scan_id) {
  auto open = OpenTargetFindingId(c.tx(), target, fingerprint);
  if (!open.ok()) return std::move(open).error();
  if (!open->has_value()) return Ok();
  return ResolveByScan(c, actor, **open, comment, scan_id, nullptr);
}

Status ResolveByScan(CommandContext& c, const domain::Actor& actor, const std::string& finding_id,
                     const std::string& comment, const std::string& scan_id, json::value vex) {
  auto loaded = Load(c.tx(), "finding", finding_id, "finding");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  std::string at = FormatRfc3339(c.Now());
  state["status"] = std::string(wf::Name(wf::State::kResolved));
  json::object resolution{{"by", ActorJson(actor)},
                          {"at", at},
                          {"comment", comment},
                          {"evidence", json::array{}},
                          {"on_time", at <= StateString(state, "due_at")},
                          {"scan_id", scan_id}};
  if (!vex.is_null()) resolution["vex"] = std::move(vex);
  state["resolution"] = std::move(resolution);
  return Move(c, actor, std::move(state), "finding.resolved", comment);
}

Status ReopenByScan(CommandContext& c, const domain::Actor& actor, const std::string& finding_id,
                    const std::string& scan_id, const policy::ReviewsPolicy& policy) {
  auto loaded = Load(c.tx(), "finding", finding_id, "finding");
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  std::string severity = StateString(state, "severity");
  state["status"] = std::string(wf::Name(wf::State::kOpen));
  state["resolution"] = nullptr;
  state["overdue"] = false;
  state["due_at"] = FormatRfc3339(c.Now() + std::chrono::days(policy.RemediationDays(severity)));
  return Move(c, actor, std::move(state), "finding.reopened", "Found again by scan " + scan_id);
}

}  // namespace accord::storage::scan_support
