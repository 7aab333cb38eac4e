// The inheritance matrix (MISSION IN-3): per customer, what it inherits from us for each HIPAA
// specification (the catalog's default, the profile's [compliance.inheritance], then the
// customer's BAA in force), what stays its responsibility, our status for it, and what we in
// turn inherit from our hosts (their SOC 2 reports' complementary user-entity controls).
#include <boost/json.hpp>
#include <map>

#include "accord/core/csv.h"
#include "accord/domain/registry.h"
#include "accord/storage/compliance.h"
#include "accord/storage/object_views.h"
#include "accord/storage/registry_store.h"
#include "compliance_evidence.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

struct Answer {
  std::string inherited, responsibility, source;
};

struct Provider {
  std::string party_id;
  std::vector<std::string> controls;  // the CUECs that cite the specification
};

// A host's name: from the facts in memory when the point has them.
Result<std::string> HostName(const CompliancePoint& point, NameCache& names,
                             const std::string& party) {
  if (point.facts) {
    if (auto it = point.facts->parties.find(party); it != point.facts->parties.end()) {
      return it->second.name;
    }
  }
  return names.PartyName(party);
}

// Infrastructure partners and, per HIPAA citation, the CUECs of their reviewed SOC 2 reports:
// what the host expects of us for the specification it serves.
Result<std::map<std::string, std::vector<Provider>>> HostControls(Tx& tx,
                                                                  const CompliancePoint& point,
                                                                  json::array& hosts,
                                                                  NameCache& names) {
  std::map<std::string, std::vector<Provider>> out;
  auto rows = compliance::InfrastructurePartners(tx, point, "", false);
  if (!rows.ok()) return std::move(rows).error();
  // Every report at once (one scan, not a query per host): the hosts are the few whose
  // reports count.
  std::vector<Value> rp;
  std::string report_sql = "SELECT party_id, doc FROM rm_objects WHERE kind = 'soc2_report'" +
                           compliance::Visible(point, rp);
  auto all_reports = tx.Query(report_sql, rp);
  if (!all_reports.ok()) return std::move(all_reports).error();
  std::map<std::string, std::vector<const Row*>> by_party;
  for (const auto& r : *all_reports) by_party[r.Text(0)].push_back(&r);
  for (const std::string& party : *rows) {
    auto name = HostName(point, names, party);
    if (!name.ok()) return std::move(name).error();
    hosts.push_back(json::object{{"party_id", party}, {"party_name", *name}});
    auto found = by_party.find(party);
    if (found == by_party.end()) continue;
    std::map<std::string, Provider> mine;
    std::string latest;
    for (const Row* r : found->second) {
      auto doc = domain::ParseStateDoc(r->Text(1));
      if (!doc || StateString(*doc, "reviewed_at") < latest) continue;
      latest = StateString(*doc, "reviewed_at");
      mine.clear();
      const json::value* cuecs = doc->if_contains("user_entity_controls");
      if (!cuecs || !cuecs->is_array()) continue;
      for (const auto& c : cuecs->as_array()) {
        if (!c.is_object()) continue;
        std::string citation = StateString(c.as_object(), "hipaa_citation");
        if (citation.empty()) continue;
        Provider& pr = mine[citation];
        pr.party_id = party;
        pr.controls.push_back(StateString(c.as_object(), "control"));
      }
    }
    for (auto& [citation, pr] : mine) out[citation].push_back(std::move(pr));
  }
  return out;
}

// The customer's BAA in force at the point, if any: its id, ledger entry and overrides.
Result<std::optional<StoredObject>> BaaInForce(Tx& tx, const CompliancePoint& point,
                                               const std::string& party) {
  ListQuery q{.kind = "agreement",
              .party_id = party,
              .tag = "baa",
              .status = "executed",
              .limit = 100,
              .as_of = point.as_of};
  auto page = ListObjects(tx, q, Scope{});
  if (!page.ok()) return std::move(page).error();
  std::optional<StoredObject> best;
  for (auto& a : page->items) {
    if (!compliance::InForce(a.doc, point.at)) continue;
    if (!best || StateString(a.doc, "expires_at") > StateString(best->doc, "expires_at")) {
      best = std::move(a);
    }
  }
  return best;
}

}  // namespace

Result<json::object> InheritanceMatrix(Tx& tx, const domain::Catalog& catalog,
                                       const CompliancePoint& point, const std::string& party_id) {
  json::object out{{"as_of", point.as_of ? json::value(*point.as_of) : json::value(nullptr)},
                   {"size", point.size},
                   {"at", FormatRfc3339(point.at)},
                   {"organisation", ""},
                   {"party", nullptr},
                   {"baa", nullptr}};
  auto org = tx.QueryOne("SELECT name FROM rm_org", {});
  if (!org.ok()) return std::move(org).error();
  if (org->has_value()) out["organisation"] = (*org)->Text(0);
  std::map<std::string, Answer> answers;
  for (const auto& c : catalog.controls()) {
    answers[c.id] = {std::string(domain::Name(c.customer)), c.responsibility, "catalog"};
  }
  for (const auto& o : point.profile.compliance.inheritance) {
    answers[o.control] = {o.inherited, o.responsibility, "profile"};
  }
  if (!party_id.empty()) {
    auto party = GetObject(tx, "party", party_id, Scope{}, point.as_of);
    if (!party.ok()) return std::move(party).error();
    if (!party->has_value()) return NotFound("party " + party_id);
    out["party"] = json::object{{"id", party_id},
                                {"name", StateString((*party)->doc, "name")},
                                {"kind", StateString((*party)->doc, "kind")}};
    auto baa = BaaInForce(tx, point, party_id);
    if (!baa.ok()) return std::move(baa).error();
    if (baa->has_value()) {
      const StoredObject& a = **baa;
      out["baa"] = json::object{{"id", a.id},
                                {"title", StateString(a.doc, "title")},
                                {"expires_at", StateString(a.doc, "expires_at")},
                                {"ledger_index", a.from_idx}};
      const json::value* b = a.doc.if_contains("baa");
      const json::value* list =
          b && b->is_object() ? b->as_object().if_contains("inheritance") : nullptr;
      if (list && list->is_array()) {
        for (const auto& row : list->as_array()) {
          if (!row.is_object()) continue;
          const json::object& r = row.as_object();
          std::string control = StateString(r, "control");
          if (!catalog.Find(control)) continue;
          answers[control] = {StateString(r, "inherited"), StateString(r, "responsibility"), "baa"};
        }
      }
    }
  }
  NameCache names(tx);
  json::array hosts;
  auto providers = HostControls(tx, point, hosts, names);
  if (!providers.ok()) return std::move(providers).error();
  auto statuses =
      ControlList(tx, catalog, point, ComplianceQuery{.party_id = party_id, .framework = "hipaa"});
  if (!statuses.ok()) return std::move(statuses).error();
  std::map<std::string, std::string> status_of;
  for (const auto& item : statuses->at("items").as_array()) {
    status_of[StateString(item.as_object(), "id")] = StateString(item.as_object(), "status");
  }
  json::array rows;
  for (const auto& c : catalog.controls()) {
    if (c.framework != "hipaa") continue;
    const Answer& a = answers[c.id];
    json::array by;
    if (auto it = providers->find(c.id); it != providers->end()) {
      for (const auto& pr : it->second) {
        auto name = HostName(point, names, pr.party_id);
        if (!name.ok()) return std::move(name).error();
        json::array controls;
        for (const auto& text : pr.controls) controls.push_back(json::value(text));
        by.push_back(json::object{
            {"party_id", pr.party_id}, {"party_name", *name}, {"controls", std::move(controls)}});
      }
    }
    rows.push_back(json::object{
        {"control", c.id},
        {"title", c.title},
        {"kind", c.kind},
        {"requirement", c.requirement},
        {"safeguard", c.safeguard},
        {"inherited", a.inherited},
        {"responsibility", a.responsibility},
        {"source", a.source},
        {"status", status_of[c.id]},
        {"host", json::object{{"inherited", domain::Name(c.host)}, {"providers", std::move(by)}}}});
  }
  out["hosts"] = std::move(hosts);
  out["rows"] = std::move(rows);
  return out;
}

std::string InheritedWords(const std::string& inherited) {
  if (inherited == "yes") return "Yes";
  if (inherited == "partially") return "Partially";
  return "No";
}

std::string StatusWords(const std::string& s) {
  if (s == "operating") return "Operating";
  if (s == "failing") return "Failing";
  if (s == "documented") return "Documented";
  if (s == "inherited") return "Inherited from our host";
  if (s == "not_applicable") return "Not applicable";
  return "Not mapped";
}

std::string MatrixCsv(const json::object& matrix) {
  std::string out =
      "control,title,requirement,safeguard,inherited,customer_responsibility,source,our_status,"
      "host_inherits\r\n";
  for (const auto& r : matrix.at("rows").as_array()) {
    const json::object& row = r.as_object();
    std::vector<std::string> cells = {
        StateString(row, "control"),
        StateString(row, "title"),
        StateString(row, "requirement"),
        StateString(row, "safeguard"),
        InheritedWords(StateString(row, "inherited")),
        StateString(row, "responsibility"),
        StateString(row, "source"),
        StatusWords(StateString(row, "status")),
        InheritedWords(StateString(row.at("host").as_object(), "inherited"))};
    AppendCsvRow(out, cells);
  }
  return out;
}

}  // namespace accord::storage
