// Each catalog control's status at a point, from the evidence of what the profile maps to it.
#include <boost/json.hpp>
#include <map>

#include "accord/domain/event.h"
#include "accord/domain/registry.h"
#include "accord/storage/compliance.h"
#include "accord/storage/ledger_tables.h"
#include "compliance_evidence.h"

namespace accord::storage {

namespace json = boost::json;
using compliance::Evidence;
using compliance::SourceResult;

Result<CompliancePoint> ResolveCompliancePoint(Tx& tx, const policy::Profile& current,
                                               TimePoint now, std::optional<int64_t> as_of,
                                               ComplianceFactsCache* cache) {
  auto head = ReadHead(tx);
  if (!head.ok()) return std::move(head).error();
  CompliancePoint point{
      .as_of = as_of, .size = static_cast<int64_t>(head->size()), .at = now, .profile = current};
  if (as_of) {
    if (*as_of < 1 || *as_of > point.size) {
      return ValidationError("as_of",
                             "must be a ledger size from 1 to " + std::to_string(point.size));
    }
    point.size = *as_of;
    auto row = tx.QueryOne("SELECT time FROM rm_ledger_events WHERE idx = ?", {*as_of - 1});
    if (!row.ok()) return std::move(row).error();
    if (row->has_value()) {
      if (auto t = ParseRfc3339((*row)->Text(0)); t.ok()) point.at = *t;
    }
  }
  auto entry = tx.QueryOne(
      "SELECT idx FROM rm_ledger_events WHERE type IN ('org.created', 'org.profile_changed') "
      "AND idx < ? ORDER BY idx DESC LIMIT 1",
      {point.size});
  if (!entry.ok()) return std::move(entry).error();
  if (!as_of && cache) {
    auto facts = cache->At(tx, point.size);
    if (!facts.ok()) return std::move(facts).error();
    point.facts = std::move(*facts);
  }
  if (!entry->has_value()) return point;
  point.profile_index = (*entry)->Int(0);
  if (!as_of) return point;
  // The mapping then in force: the profile text that entry recorded. A text this version can
  // no longer read keeps the current mapping (and says which entry was in force).
  auto leaf = ReadLeaf(tx, static_cast<uint64_t>(point.profile_index));
  if (!leaf.ok()) return std::move(leaf).error();
  auto event = domain::ParseLeaf(leaf->leaf);
  if (!event.ok()) return point;
  std::string source = domain::StateString(event->payload, "profile_source");
  auto then = policy::ParseProfile(source, "ledger entry " + std::to_string(point.profile_index));
  if (then.ok()) point.profile = std::move(*then);
  return point;
}

namespace {

// The sources the profile maps to each control, in the profile's order.
std::map<std::string, std::vector<std::string>> SourcesByControl(const policy::Profile& profile) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& m : profile.compliance.mappings) {
    for (const auto& c : m.controls) out[c].push_back(m.source);
  }
  return out;
}

struct Computed {
  std::string status, summary;
  int64_t ok = 0, failing = 0;
  std::vector<const SourceResult*> sources;
};

Result<Computed> Compute(Evidence& evidence, const domain::CatalogControl& control,
                         const std::vector<std::string>& sources) {
  Computed c;
  bool live = false, enforced = false;
  for (const auto& s : sources) {
    auto r = evidence.Of(s);
    if (!r.ok()) return std::move(r).error();
    c.sources.push_back(*r);
    c.ok += (*r)->ok;
    c.failing += (*r)->failing;
    live = live || (*r)->evidence == "live";
    enforced = enforced || (*r)->evidence == "enforced";
  }
  if (!control.applicable) {
    c.status = "not_applicable";
    c.summary = "Does not apply to this service";
  } else if (c.failing > 0) {
    c.status = "failing";
    c.summary =
        std::to_string(c.failing) + " of " + std::to_string(c.ok + c.failing) + " checks fail";
  } else if (live || enforced) {
    c.status = "operating";
    c.summary = live ? std::to_string(c.ok) + (c.ok == 1 ? " check passes" : " checks pass")
                     : "Enforced by the profile in force";
  } else if (!sources.empty()) {
    c.status = "documented";
    c.summary = "Done outside Accord: documented, not measured";
  } else if (control.host != domain::Inherited::kNo) {
    c.status = "inherited";
    c.summary = control.host == domain::Inherited::kYes
                    ? "Inherited from our hosting provider"
                    : "Partly inherited from our hosting provider";
  } else {
    c.status = "not_mapped";
    c.summary = "No rule or workflow of the profile implements it";
  }
  return c;
}

json::object Header(const CompliancePoint& point, const ComplianceQuery& q) {
  json::object out{
      {"as_of", point.as_of ? json::value(*point.as_of) : json::value(nullptr)},
      {"size", point.size},
      {"at", FormatRfc3339(point.at)},
      {"profile",
       json::object{{"name", point.profile.name},
                    {"sha256", point.profile.sha256},
                    {"ledger_index", point.profile_index >= 0 ? json::value(point.profile_index)
                                                              : json::value(nullptr)}}},
      {"party_id", q.party_id.empty() ? json::value(nullptr) : json::value(q.party_id)}};
  return out;
}

json::object ControlJson(const domain::CatalogControl& c, const Computed& computed) {
  json::array by;
  for (const SourceResult* s : computed.sources) {
    by.push_back(json::object{{"source", s->source},
                              {"title", s->title},
                              {"evidence", s->evidence},
                              {"ok", s->ok},
                              {"failing", s->failing}});
  }
  return json::object{{"id", c.id},
                      {"framework", c.framework},
                      {"kind", c.kind},
                      {"title", c.title},
                      {"requirement", c.requirement},
                      {"safeguard", c.safeguard},
                      {"parent", c.parent},
                      {"status", computed.status},
                      {"summary", computed.summary},
                      {"evidence_ok", computed.ok},
                      {"evidence_failing", computed.failing},
                      {"implemented_by", std::move(by)}};
}

}  // namespace

Result<json::object> ControlList(Tx& tx, const domain::Catalog& catalog,
                                 const CompliancePoint& point, const ComplianceQuery& q) {
  auto sources = SourcesByControl(point.profile);
  Evidence evidence(tx, point, q.party_id, 0);
  json::array items;
  std::map<std::string, int64_t> counts;
  static const std::vector<std::string> kNone;
  for (const auto& c : catalog.controls()) {
    if (!q.framework.empty() && c.framework != q.framework) continue;
    auto it = sources.find(c.id);
    auto computed = Compute(evidence, c, it == sources.end() ? kNone : it->second);
    if (!computed.ok()) return std::move(computed).error();
    counts[computed->status] += 1;
    items.push_back(ControlJson(c, *computed));
  }
  json::object out = Header(point, q);
  json::object by_status;
  for (const char* s :
       {"operating", "failing", "documented", "inherited", "not_mapped", "not_applicable"}) {
    by_status[s] = counts[s];
  }
  out["counts"] = std::move(by_status);
  out["items"] = std::move(items);
  return out;
}

Result<std::optional<json::object>> ControlPage(Tx& tx, const domain::Catalog& catalog,
                                                const CompliancePoint& point, const std::string& id,
                                                const ComplianceQuery& q) {
  const domain::CatalogControl* c = catalog.Find(id);
  if (!c) return std::optional<json::object>();
  auto sources = SourcesByControl(point.profile);
  static const std::vector<std::string> kNone;
  auto it = sources.find(c->id);
  Evidence evidence(tx, point, q.party_id, q.evidence_limit);
  auto computed = Compute(evidence, *c, it == sources.end() ? kNone : it->second);
  if (!computed.ok()) return std::move(computed).error();
  json::object page = Header(point, q);
  json::object control = ControlJson(*c, *computed);
  control["description"] = c->description;
  control["applicable"] = c->applicable;
  control["customer_inherits"] = domain::Name(c->customer);
  control["host_provides"] = domain::Name(c->host);
  control["customer_responsibility"] = c->responsibility;
  json::array specs;
  for (const auto& other : catalog.controls()) {
    if (other.parent == c->id) specs.push_back(json::value(other.id));
  }
  control["specifications"] = std::move(specs);
  json::array& by = control["implemented_by"].as_array();
  for (size_t i = 0; i < computed->sources.size(); ++i) {
    std::vector<json::object> items = computed->sources[i]->items;
    ACCORD_TRY(evidence.Name(items));
    json::array list;
    for (auto& item : items) list.push_back(std::move(item));
    by[i].as_object()["items"] = std::move(list);
  }
  for (const auto& [k, v] : control) page[k] = v;
  return std::optional<json::object>(std::move(page));
}

}  // namespace accord::storage
