#include "accord/evidence/control_selection.h"

#include <boost/json.hpp>

#include "accord/domain/compliance_catalog.h"
#include "accord/domain/registry.h"
#include "accord/storage/compliance.h"
#include "accord/storage/ledger_tables.h"

namespace accord::evidence {

namespace json = boost::json;
using domain::StateString;

namespace {

// Evidence items naming a registry object: its whole history goes into the bundle.
bool IsObject(const std::string& kind) {
  return kind == "agreement" || kind == "soc2_report" || kind == "review" || kind == "finding" ||
         kind == "party";
}

// The most evidence items read per source: the control page's own maximum.
constexpr size_t kEvidenceLimit = 500;

}  // namespace

Status SelectControl(storage::Store& store, const policy::Profile& profile,
                     const std::string& control, const Clock& clock, Selection& sel) {
  const auto& catalog = domain::BuiltinCatalog();
  if (!catalog.Find(control)) {
    return ValidationError("control", "no control of the catalog has id " + control +
                                          " (a HIPAA citation such as 164.308(b)(1), or TP-11)");
  }
  sel.control = control;
  return store.Read([&](storage::Tx& tx) -> Status {
    auto latest = storage::LatestCheckpoint(tx);
    if (!latest.ok()) return std::move(latest).error();
    if (!latest->has_value()) {
      return ValidationError("checkpoint", "the ledger has no signed checkpoint yet");
    }
    auto size = static_cast<int64_t>((*latest)->size);
    // The status the bundle can prove: at its checkpoint, with the profile then in force.
    auto point = storage::ResolveCompliancePoint(tx, profile, clock.Now(), size);
    if (!point.ok()) return std::move(point).error();
    auto page = storage::ControlPage(tx, catalog, *point, control,
                                     storage::ComplianceQuery{.evidence_limit = kEvidenceLimit});
    if (!page.ok()) return std::move(page).error();
    if (!page->has_value()) return NotFound("control " + control);
    if (point->profile_index >= 0) sel.entries.insert(static_cast<uint64_t>(point->profile_index));
    for (const auto& source : (*page)->at("implemented_by").as_array()) {
      for (const auto& v : source.at("items").as_array()) {
        const json::object& item = v.as_object();
        if (const json::value* idx = item.if_contains("ledger_index"); idx && idx->is_int64()) {
          if (idx->as_int64() >= 0) sel.entries.insert(static_cast<uint64_t>(idx->as_int64()));
        }
        std::string kind = StateString(item, "kind");
        std::string id = StateString(item, "id");
        if (IsObject(kind) && !id.empty()) sel.subjects.insert(kind + "/" + id);
      }
    }
    return Ok();
  });
}

}  // namespace accord::evidence
