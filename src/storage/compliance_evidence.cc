#include "compliance_evidence.h"

#include <algorithm>
#include <boost/json.hpp>
#include <set>
#include <string_view>
#include <unordered_map>

#include "accord/domain/registry.h"
#include "accord/policy/gate.h"
#include "accord/storage/registry_store.h"
#include "review_support.h"

namespace accord::storage::compliance {

namespace json = boost::json;
using domain::StateString;

std::string Visible(const CompliancePoint& point, std::vector<Value>& params,
                    std::string_view alias) {
  std::string a(alias);
  if (point.as_of) {
    params.emplace_back(*point.as_of);
    params.emplace_back(*point.as_of);
    return " AND " + a + "from_idx < ? AND " + a + "to_idx >= ?";
  }
  params.emplace_back(kOpenVersion);
  return " AND " + a + "to_idx = ?";
}

Result<std::vector<std::string>> InfrastructurePartners(Tx& tx, const CompliancePoint& point,
                                                        const std::string& party_id,
                                                        bool partners_only) {
  std::vector<std::string> out;
  auto counts = [&](const std::string& tag) {
    return !partners_only || tag == "partner" || tag == "subcontractor";
  };
  if (point.facts) {
    for (const auto& [id, p] : point.facts->parties) {
      if (p.infrastructure && counts(p.tag) && (party_id.empty() || id == party_id)) {
        out.push_back(id);
      }
    }
    return out;
  }
  // The condition is rm_objects_infra's own, so only the infrastructure partners are read.
  std::vector<Value> p;
  std::string sql =
      "SELECT id, tag FROM rm_objects WHERE doc LIKE '%\"infrastructure_partner\":true%' AND "
      "status = 'active'";
  if (!party_id.empty()) {
    sql += " AND id = ?";
    p.emplace_back(party_id);
  }
  sql += Visible(point, p) + " AND kind || '' = 'party' ORDER BY id";
  auto rows = tx.Query(sql, p);
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    if (counts(row.Text(1))) out.push_back(row.Text(0));
  }
  return out;
}

namespace {

json::object Item(std::string_view kind, const std::string& id, std::string title, bool ok,
                  std::string detail) {
  return json::object{{"kind", kind},
                      {"id", id},
                      {"title", std::move(title)},
                      {"ok", ok},
                      {"detail", detail},
                      {"party_id", nullptr},
                      {"party_name", nullptr},
                      {"ledger_index", nullptr},
                      {"href", nullptr}};
}

}  // namespace

bool InForce(const json::object& doc, TimePoint at) {
  if (auto from = ParseRfc3339(StateString(doc, "effective_at")); from.ok() && at < *from) {
    return false;
  }
  std::string expires = StateString(doc, "expires_at");
  if (expires.empty()) return true;
  auto until = ParseRfc3339(expires);
  return until.ok() && at < *until;
}

namespace {

std::string Upper(std::string type) {
  if (type == "dev_contract") return "development contract";
  for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return type;
}

}  // namespace

bool Evidence::Counted(SourceResult& r, bool ok) {
  int64_t& n = ok ? r.ok : r.failing;
  n += 1;
  return static_cast<size_t>(n) <= limit_;
}

void Evidence::Keep(SourceResult& r, json::object item, bool ok) {
  (ok ? passing_[r.source] : r.items).push_back(std::move(item));
}

void Evidence::Add(SourceResult& r, json::object item, bool ok) {
  if (Counted(r, ok)) Keep(r, std::move(item), ok);
}

void Evidence::Enforced(SourceResult& r, const std::string& detail) {
  std::string index = std::to_string(point_.profile_index);
  json::object item = Item("ledger_entry", index,
                           "Policy profile " + point_.profile.name + " in force", true, detail);
  if (point_.profile_index >= 0) {
    item["ledger_index"] = point_.profile_index;
    item["href"] = "/ledger?entry=" + index;
  }
  Add(r, std::move(item), true);
}

const std::vector<std::string>& Evidence::RequiredTypes(const std::string& tag, bool ephi,
                                                        bool baa_only) {
  // A handful of kinds: a short list searched in place (no key built per party).
  for (const auto& r : required_) {
    if (r.ephi == ephi && r.baa_only == baa_only && r.tag == tag) return r.types;
  }
  Required r{tag, ephi, baa_only, {}};
  if (auto kind = policy::ParsePartyKind(tag)) {
    auto required = point_.profile.access.RequiredFor(*kind, ephi);
    for (int t = 0; t <= static_cast<int>(policy::AgreementType::kDpa); ++t) {
      auto type = static_cast<policy::AgreementType>(t);
      if (!required.Has(type) || (baa_only && type != policy::AgreementType::kBaa)) continue;
      r.types.emplace_back(policy::Name(type));
    }
  }
  required_.push_back(std::move(r));
  return required_.back().types;
}

// One party against the agreements the profile requires of its kind: one evidence item each.
template <class InForce>
void Evidence::Judge(SourceResult& r, bool baa_only, const std::string& party,
                     const std::string& tag, bool ephi, const InForce& in_force) {
  for (const std::string& name : RequiredTypes(tag, ephi, baa_only)) {
    const Found* found = in_force(name);
    // Counted first: at 100,000 parties only the items shown are built.
    if (!Counted(r, found != nullptr)) continue;
    if (!found) {
      json::object item = Item("party", party, "No " + Upper(name) + " in force", false,
                               "The profile requires " + Upper(name) + " with this party");
      item["party_id"] = party;
      item["href"] = "/parties/" + party + "#sec-agreements";
      Keep(r, std::move(item), false);
      continue;
    }
    json::object item = Item("agreement", found->id, Upper(name) + " in force", true, "");
    item["party_id"] = party;
    item["ledger_index"] = found->index;
    item["href"] = "/parties/" + party + "#sec-agreements";
    Keep(r, std::move(item), true);
  }
}

// Every active party whose kind the profile requires an agreement of (a BAA only, or every
// type), against the executed agreements in force at the point: one scan of each.
Status Evidence::Agreements(SourceResult& r, bool baa_only) {
  if (point_.facts && party_id_.empty()) {
    AgreementsFromFacts(r, baa_only);
    return Ok();
  }
  std::vector<Value> p;
  std::string sql =
      "SELECT party_id, tag, id, from_idx, doc FROM rm_objects WHERE kind = 'agreement' AND "
      "status = 'executed'";
  if (baa_only) sql += " AND tag = 'baa'";
  if (!party_id_.empty()) {
    sql += " AND party_id = ?";
    p.emplace_back(party_id_);
  }
  sql += Visible(point_, p);
  auto agreements = tx_.Query(sql, p);
  if (!agreements.ok()) return std::move(agreements).error();
  std::map<std::pair<std::string, std::string>, Found> in_force;  // (party, type)
  for (const auto& row : *agreements) {
    auto doc = domain::ParseStateDoc(row.Text(4));
    if (!doc || !InForce(*doc, point_.at)) continue;
    in_force[{row.Text(0), row.Text(1)}] = Found{row.Text(2), row.Int(3)};
  }
  std::vector<Value> sp;
  std::string services =
      "SELECT party_id FROM rm_objects WHERE kind = 'service' AND "
      "doc LIKE '%\"handles_ephi\":true%'" +
      Visible(point_, sp);
  auto ephi_rows = tx_.Query(services, sp);
  if (!ephi_rows.ok()) return std::move(ephi_rows).error();
  std::set<std::string> ephi_services;
  for (const auto& row : *ephi_rows) ephi_services.insert(row.Text(0));

  std::vector<Value> pp;
  std::string parties =
      "SELECT id, tag, CASE WHEN doc LIKE '%\"ephi\"%' THEN 1 ELSE 0 END FROM rm_objects "
      "WHERE kind = 'party' AND status = 'active'";
  if (!party_id_.empty()) {
    parties += " AND id = ?";
    pp.emplace_back(party_id_);
  }
  parties += Visible(point_, pp) + " ORDER BY id";
  auto rows = tx_.Query(parties, pp);
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    const std::string& party = row.Text(0);
    bool ephi = row.Int(2) != 0 || ephi_services.contains(party);
    Judge(r, baa_only, party, row.Text(1), ephi, [&](const std::string& type) -> const Found* {
      auto it = in_force.find({party, type});
      return it == in_force.end() ? nullptr : &it->second;
    });
  }
  return Ok();
}

// The same from the facts in memory: one pass over the agreements, one over the parties.
void Evidence::AgreementsFromFacts(SourceResult& r, bool baa_only) {
  const ComplianceFacts& f = *point_.facts;
  std::unordered_map<std::string_view, std::vector<std::pair<std::string_view, Found>>> in_force;
  for (const auto& [id, a] : f.agreements) {
    if ((baa_only && a.type != "baa") || !a.InForce(point_.at)) continue;
    in_force[a.party_id].push_back({a.type, Found{id, a.from_idx}});
  }
  std::set<std::string_view> ephi_services;
  for (const auto& [service, party] : f.ephi_services) ephi_services.insert(party);
  for (const auto& [party, p] : f.parties) {
    bool ephi = p.ephi || ephi_services.contains(party);
    auto found = in_force.find(party);
    Judge(r, baa_only, party, p.tag, ephi, [&](const std::string& type) -> const Found* {
      if (found == in_force.end()) return nullptr;
      const Found* last = nullptr;  // the last one read, as the tables' scan keeps
      for (const auto& [t, agreement] : found->second) {
        if (t == type) last = &agreement;
      }
      return last;
    });
  }
}

// TP-11: every active infrastructure partner has a current SOC 2 review (the scheduler's and
// the red flags' own judgement, review_support::Soc2GapOf).
Status Evidence::Soc2(SourceResult& r) {
  auto hosts = InfrastructurePartners(tx_, point_, party_id_, true);
  if (!hosts.ok()) return std::move(hosts).error();
  if (hosts->empty()) return Ok();
  std::vector<Value> rp;
  std::string report_sql =
      "SELECT party_id, id, from_idx, doc FROM rm_objects WHERE kind = 'soc2_report'" +
      Visible(point_, rp);
  auto reports = tx_.Query(report_sql, rp);
  if (!reports.ok()) return std::move(reports).error();
  struct Report {
    std::string id;
    int64_t index;
    json::object doc;
  };
  std::map<std::string, std::vector<Report>> by_party;
  for (const auto& row : *reports) {
    if (auto doc = domain::ParseStateDoc(row.Text(3))) {
      by_party[row.Text(0)].push_back({row.Text(1), row.Int(2), std::move(*doc)});
    }
  }
  for (const std::string& party : *hosts) {
    std::vector<json::object> docs;
    const Report* latest = nullptr;
    for (const auto& rep : by_party[party]) {
      docs.push_back(rep.doc);
      if (!latest ||
          StateString(rep.doc, "reviewed_at") > StateString(latest->doc, "reviewed_at")) {
        latest = &rep;
      }
    }
    std::string gap = review_support::Soc2GapOf(docs, point_.at, point_.profile.reviews);
    if (!gap.empty()) {
      gap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(gap[0])));
      json::object item = Item("party", party, "No current SOC 2 review", false, gap);
      item["party_id"] = party;
      item["href"] = "/parties/" + party + "#sec-soc2";
      Add(r, std::move(item), false);
      continue;
    }
    json::object item =
        Item("soc2_report", latest ? latest->id : party, "SOC 2 review current", true,
             "Reviewed " + StateString(latest->doc, "reviewed_at").substr(0, 10));
    item["party_id"] = party;
    item["ledger_index"] = latest->index;
    item["href"] = "/parties/" + party + "#sec-soc2";
    Add(r, std::move(item), true);
  }
  return Ok();
}

Result<std::vector<Row>> Evidence::ObjectsOfKind(const std::string& kind) {
  std::vector<Value> p{kind};
  std::string sql = "SELECT id, from_idx, status, doc FROM rm_objects WHERE kind = ?";
  if (!party_id_.empty()) {
    sql += " AND party_id = ?";
    p.emplace_back(party_id_);
  }
  sql += Visible(point_, p) + " ORDER BY id";
  return tx_.Query(sql, p);
}

// Third-party reviews: an open review past its due date fails; approved ones are the proof.
Status Evidence::Reviews(SourceResult& r) {
  auto rows = ObjectsOfKind("review");
  if (!rows.ok()) return std::move(rows).error();
  std::string now = FormatRfc3339(point_.at);
  for (const auto& row : *rows) {
    const std::string& status = row.Text(2);
    if (status == "cancelled") continue;
    auto doc = domain::ParseStateDoc(row.Text(3));
    if (!doc) continue;
    std::string due = StateString(*doc, "due_at");
    bool open = status != "approved";
    if (open && (due.empty() || due >= now)) continue;  // not yet due: neither proof nor gap
    json::object item = Item("review", row.Text(0), StateString(*doc, "title"), !open,
                             open ? "Due " + due.substr(0, 10) + ", not approved" : "Approved");
    if (std::string party = StateString(*doc, "party_id"); !party.empty()) item["party_id"] = party;
    item["ledger_index"] = row.Int(1);
    item["href"] = "/reviews/" + row.Text(0);
    Add(r, std::move(item), !open);
  }
  return Ok();
}

// Findings: an unresolved finding past its deadline fails; resolved ones are the proof.
Status Evidence::Findings(SourceResult& r) {
  auto rows = ObjectsOfKind("finding");
  if (!rows.ok()) return std::move(rows).error();
  std::string now = FormatRfc3339(point_.at);
  for (const auto& row : *rows) {
    const std::string& status = row.Text(2);
    bool open = status == "open" || status == "acceptance_requested";
    auto doc = domain::ParseStateDoc(row.Text(3));
    if (!doc) continue;
    std::string due = StateString(*doc, "due_at");
    if (open && (due.empty() || due >= now)) continue;
    json::object item = Item("finding", row.Text(0), StateString(*doc, "title"), !open,
                             open ? "Was due " + due.substr(0, 10) : "Closed: " + status);
    if (std::string party = StateString(*doc, "party_id"); !party.empty()) item["party_id"] = party;
    item["ledger_index"] = row.Int(1);
    Add(r, std::move(item), !open);
  }
  return Ok();
}

// The ledger: a signed checkpoint covers the entries up to the point.
Status Evidence::Ledger(SourceResult& r) {
  auto row = tx_.QueryOne(
      "SELECT size, created_at FROM ledger_checkpoints WHERE size <= ? ORDER BY size DESC LIMIT 1",
      {point_.size});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) {
    Add(r,
        Item("checkpoint", "", "No signed checkpoint yet", false,
             "The server signs a checkpoint within a second of the ledger growing"),
        false);
    return Ok();
  }
  int64_t size = (*row)->Int(0);
  json::object item = Item("checkpoint", std::to_string(size),
                           "Signed checkpoint of " + std::to_string(size) + " entries", true,
                           "Signed " + (*row)->Text(1).substr(0, 10));
  item["ledger_index"] = size - 1;
  item["href"] = "/ledger";
  Add(r, std::move(item), true);
  return Ok();
}

Result<const SourceResult*> Evidence::Of(const std::string& source) {
  if (auto it = cache_.find(source); it != cache_.end()) return &it->second;
  SourceResult r{.source = source};
  if (source.starts_with("rule:")) {
    std::string id = source.substr(5);
    const auto& rules = point_.profile.access.rules;
    auto rule = std::find_if(rules.begin(), rules.end(),
                             [&](const policy::AccessRule& x) { return x.id == id; });
    r.title = rule == rules.end() ? id : "Access rule " + id + " (" + rule->seed_ref + ")";
    r.evidence = "enforced";
    Enforced(r, rule == rules.end() ? "" : rule->statement);
  } else {
    std::string name = source.substr(std::min<size_t>(source.size(), 9));
    const policy::ComplianceWorkflow* wf = nullptr;
    for (const auto& w : policy::ComplianceWorkflows()) {
      if (w.name == name) wf = &w;
    }
    if (!wf) return ValidationError("source", "unknown mapping source " + source);
    r.title = std::string(wf->title);
    r.evidence = std::string(wf->evidence);
    if (name == "baa_in_force") ACCORD_TRY(Agreements(r, true));
    if (name == "agreements_in_force") ACCORD_TRY(Agreements(r, false));
    if (name == "soc2_reviews") ACCORD_TRY(Soc2(r));
    if (name == "third_party_reviews") ACCORD_TRY(Reviews(r));
    if (name == "findings") ACCORD_TRY(Findings(r));
    if (name == "ledger") ACCORD_TRY(Ledger(r));
    if (r.evidence == "enforced") {
      Enforced(r,
               "The profile in force sets this workflow's rules; Accord applies them to "
               "every request.");
    }
  }
  for (auto& item : passing_[source]) r.items.push_back(std::move(item));
  passing_.erase(source);
  auto [it, inserted] = cache_.emplace(source, std::move(r));
  return &it->second;
}

Status Evidence::Name(std::vector<json::object>& items) {
  for (auto& item : items) {
    std::string party = StateString(item, "party_id");
    if (party.empty()) continue;
    auto name = names_.PartyName(party);
    if (!name.ok()) return std::move(name).error();
    item["party_name"] = *name;
  }
  return Ok();
}

}  // namespace accord::storage::compliance
