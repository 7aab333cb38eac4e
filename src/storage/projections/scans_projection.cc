// The scans' read models (issue 24, TR-4): the targets scanners name, each imported scan, the
// findings scans raised keyed by target, tool and fingerprint (de-duplication without reading
// finding documents) and the VEX statements in effect. All of it from the events.
#include <boost/json.hpp>

#include "accord/core/jcs.h"
#include "accord/domain/registry.h"
#include "accord/storage/projection.h"
#include "accord/storage/scans.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

const json::object* StateOf(const domain::Event& e) {
  const json::value* s = e.payload.if_contains("state");
  return s && s->is_object() ? &s->as_object() : nullptr;
}

Value TextOrNull(const json::object& o, std::string_view key) {
  std::string s = StateString(o, key);
  return s.empty() ? Value(Null()) : Value(s);
}

class ScansProjection final : public Projection {
 public:
  std::string_view name() const override { return "scans"; }
  std::vector<ProjectedTable> tables() const override {
    return {{"rm_scan_targets", "id"},
            {"rm_scans", "id"},
            {"rm_scan_findings", "finding_id"},
            {"rm_scan_vex", "vulnerability_id, package"}};
  }

  Status Apply(Tx& tx, uint64_t, const domain::Event& e) override {
    const json::object* s = StateOf(e);
    if (!s) return Ok();
    if (e.subject.kind == "scan_target") return Target(tx, *s);
    if (e.type == "scan.imported") return Scan(tx, *s);
    if (e.subject.kind == "finding") return Finding(tx, *s);
    return Ok();
  }

 private:
  static Status Target(Tx& tx, const json::object& s) {
    return tx.ExecDeferred(
        "INSERT INTO rm_scan_targets(id, name, target_kind, system_id, first_seen_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET system_id = excluded.system_id, "
        "target_kind = excluded.target_kind",
        {StateString(s, "id"), StateString(s, "name"), StateString(s, "target_kind"),
         TextOrNull(s, "system_id"), StateString(s, "first_seen_at")});
  }

  static Status Scan(Tx& tx, const json::object& s) {
    std::string id = StateString(s, "id"), at = StateString(s, "imported_at");
    std::string scanned = StateString(s, "scanned_at");
    Value target = TextOrNull(s, "target_id");
    // The VEX statements are the event's own; the scan's row keeps the rest.
    json::object doc = s;
    if (const json::value* vex = s.if_contains("vex"); vex && vex->is_array()) {
      for (const auto& v : vex->as_array()) {
        const json::object& o = v.as_object();
        ACCORD_TRY(tx.ExecDeferred(
            "INSERT INTO rm_scan_vex(vulnerability_id, package, state, justification, detail, "
            "scan_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(vulnerability_id, package) DO UPDATE "
            "SET state = excluded.state, justification = excluded.justification, "
            "detail = excluded.detail, scan_id = excluded.scan_id",
            {StateString(o, "vulnerability_id"), StateString(o, "package"), StateString(o, "state"),
             StateString(o, "justification"), StateString(o, "detail"), id}));
      }
    }
    // Canonical text: the live append and a rebuild from the ledger store the same bytes.
    std::string text;
    ACCORD_TRY(CanonicalizeTo(doc, text));
    ACCORD_TRY(
        tx.ExecDeferred("INSERT INTO rm_scans(id, scanned_at, target_id, doc) VALUES (?, ?, ?, ?)",
                        {id, scanned.empty() ? at : scanned, target, std::move(text)}));
    if (target.index() == 0) return Ok();  // a VEX statement names no target
    return tx.ExecDeferred(
        "UPDATE rm_scan_targets SET last_scan_at = ?, last_scan_id = ? WHERE id = ?",
        {scanned.empty() ? at : scanned, id, target});
  }

  // Every event of a finding a scan raised (or a target's own finding) keeps its row current.
  static Status Finding(Tx& tx, const json::object& s) {
    const json::value* src = s.if_contains("source");
    if (!src || !src->is_object()) return Ok();
    std::string kind = StateString(src->as_object(), "kind");
    if (kind != "scan" && kind != "scan_target") return Ok();
    const json::value* scan = s.if_contains("scan");
    if (!scan || !scan->is_object()) return Ok();
    const json::object& k = scan->as_object();
    return tx.ExecDeferred(
        "INSERT INTO rm_scan_findings(finding_id, target_id, tool, fingerprint, rule, package, "
        "severity, status, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(finding_id) DO "
        "UPDATE SET severity = excluded.severity, status = excluded.status, "
        "due_at = excluded.due_at",
        {StateString(s, "id"), StateString(k, "target_id"), StateString(k, "tool"),
         StateString(k, "fingerprint"), StateString(k, "rule"), StateString(k, "package"),
         StateString(s, "severity"), StateString(s, "status"), StateString(s, "due_at")});
  }
};

}  // namespace

std::unique_ptr<Projection> MakeScansProjection() { return std::make_unique<ScansProjection>(); }

}  // namespace accord::storage
