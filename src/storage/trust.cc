#include "accord/storage/trust.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/storage/data_commitments.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

bool Flag(const json::object& o, const char* key, bool absent) {
  const json::value* v = o.if_contains(key);
  return v && v->is_bool() ? v->as_bool() : absent;
}

// Stored documents are RFC 8785 canonical: the flag has exactly this spelling.
constexpr const char* kPublicFlag = "%\"public_subprocessor\":true%";

}  // namespace

Result<json::object> TrustSnapshot(Tx& tx, TimePoint now) {
  std::string at = FormatRfc3339(now);
  auto org = tx.QueryOne("SELECT name FROM rm_org", {});
  if (!org.ok()) return std::move(org).error();
  json::array certifications;
  auto certs = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'certification' AND to_idx = ? ORDER BY name_lc, id",
      {kOpenVersion});
  if (!certs.ok()) return std::move(certs).error();
  for (const auto& row : *certs) {
    auto doc = domain::ParseStateDoc(row.Text(0));
    if (!doc || !Flag(*doc, "public", true)) continue;
    if (StateString(*doc, "valid_from") > at || StateString(*doc, "valid_until") <= at) continue;
    json::object c;
    for (const char* key : {"name", "framework", "issuer", "scope", "valid_from", "valid_until"}) {
      if (const json::value* v = doc->if_contains(key)) c[key] = *v;
    }
    certifications.push_back(std::move(c));
  }
  // Active ones are the list; onboarding ones are announced before they start (planned).
  json::array subprocessors, planned;
  auto parties =
      tx.Query(std::string("SELECT id, doc, status FROM rm_objects WHERE kind = 'party' AND "
                           "to_idx = ? AND status IN ('active', 'onboarding') AND doc LIKE '") +
                   kPublicFlag + "' ORDER BY name_lc, id",
               {kOpenVersion});
  if (!parties.ok()) return std::move(parties).error();
  for (const auto& row : *parties) {
    auto doc = domain::ParseStateDoc(row.Text(1));
    if (!doc || !Flag(*doc, "public_subprocessor", false)) continue;  // not just the LIKE
    json::object p{{"name", StateString(*doc, "name")}};
    for (const char* key : {"purpose", "location"}) {
      std::string v = StateString(*doc, key);
      p[key] = v.empty() ? json::value(nullptr) : json::value(v);
    }
    // What its agreements in force bind it to (TR-11): customers see our vendors are bound
    // as we say.
    auto bound = BoundClauses(tx, row.Text(0), now);
    if (!bound.ok()) return std::move(bound).error();
    json::array clauses;
    for (const auto& key : *bound) clauses.push_back(json::value(key));
    p["commitments"] = std::move(clauses);
    (row.Text(2) == "active" ? subprocessors : planned).push_back(std::move(p));
  }
  auto ours = PublishedCommitments(tx, now);
  if (!ours.ok()) return std::move(ours).error();
  json::array commitments;
  for (const auto& c : *ours) {
    json::object out{{"key", StateString(c, "key")},
                     {"statement", StateString(c, "statement")},
                     {"applies_to", StateString(c, "applies_to")},
                     {"since", StateString(c, "since")},
                     {"evidence", nullptr}};
    if (std::string kind = StateString(c, "evidence_kind"); !kind.empty()) {
      json::object evidence{{"kind", kind}, {"name", nullptr}, {"note", nullptr}};
      if (std::string note = StateString(c, "evidence_note"); !note.empty()) {
        evidence["note"] = note;
      }
      // A certification is public already; a document or an agreement stays ours.
      if (kind == "certification") {
        auto cert = GetObject(tx, "certification", StateString(c, "evidence_id"), Scope{});
        if (!cert.ok()) return std::move(cert).error();
        if (cert->has_value() && Flag((*cert)->doc, "public", true)) {
          evidence["name"] = StateString((*cert)->doc, "name");
        }
      }
      out["evidence"] = std::move(evidence);
    }
    commitments.push_back(std::move(out));
  }
  auto dpf = PublishedDpf(tx);
  if (!dpf.ok()) return std::move(dpf).error();
  return json::object{
      {"organisation", org->has_value() ? json::value((*org)->Text(0)) : json::value(nullptr)},
      {"certifications", std::move(certifications)},
      {"commitments", std::move(commitments)},
      {"data_privacy_framework", dpf->has_value() ? json::value(std::move(**dpf)) : nullptr},
      {"subprocessors", std::move(subprocessors)},
      {"planned", std::move(planned)},
      {"generated_at", at}};
}

Result<std::vector<SubprocessorChange>> SubprocessorHistory(Tx& tx, size_t limit) {
  // Every version of every party that was ever published, in order: a run of published
  // versions without a gap is one stay on the list.
  struct Version {
    int64_t from, to;
    std::string name, purpose, location, status;
  };
  std::map<std::string, std::vector<Version>> by_party;
  auto rows = tx.Query(std::string("SELECT id, from_idx, to_idx, doc FROM rm_objects WHERE "
                                   "kind = 'party' AND doc LIKE '") +
                           kPublicFlag + "'",
                       {});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    auto doc = domain::ParseStateDoc(row.Text(3));
    if (!doc || !Flag(*doc, "public_subprocessor", false)) continue;
    by_party[row.Text(0)].push_back({row.Int(1), row.Int(2), StateString(*doc, "name"),
                                     StateString(*doc, "purpose"), StateString(*doc, "location"),
                                     StateString(*doc, "status")});
  }
  std::vector<SubprocessorChange> changes;
  for (auto& [id, versions] : by_party) {
    std::sort(versions.begin(), versions.end(),
              [](const Version& a, const Version& b) { return a.from < b.from; });
    auto change = [&, id = id](const Version& v, const char* what, int64_t at) {
      changes.push_back({id, v.name, what, v.purpose, v.location, {}, static_cast<uint64_t>(at)});
    };
    const Version* prev = nullptr;       // the previous version on the list, if contiguous
    const Version* announced = nullptr;  // the previous planned version, if contiguous
    for (const auto& v : versions) {
      if (prev && prev->to != v.from) {  // unlisted (or deleted) in between
        change(*prev, "removed", prev->to);
        prev = nullptr;
      }
      if (announced && announced->to != v.from) {  // unflagged (or deleted) while planned
        change(*announced, "removed", announced->to);
        announced = nullptr;
      }
      if (v.status == "onboarding" && !prev) {  // announced before it starts
        if (!announced) change(v, "planned", v.from);
        announced = &v;
        continue;
      }
      if (announced && v.status != "active") change(*announced, "removed", v.from);
      announced = nullptr;
      if (v.status != "active") {
        if (prev) change(*prev, "removed", v.from);
        prev = nullptr;
        continue;
      }
      if (!prev) {
        change(v, "added", v.from);
      } else if (prev->name != v.name || prev->purpose != v.purpose ||
                 prev->location != v.location) {
        change(v, "updated", v.from);
      }
      prev = &v;
    }
    if (prev && prev->to != kOpenVersion) change(*prev, "removed", prev->to);
    if (announced && announced->to != kOpenVersion) change(*announced, "removed", announced->to);
  }
  std::sort(changes.begin(), changes.end(),
            [](const SubprocessorChange& a, const SubprocessorChange& b) {
              return a.index != b.index ? a.index > b.index : a.party_id < b.party_id;
            });
  if (changes.size() > limit) changes.resize(limit);
  // The time of each change is its ledger entry's.
  for (auto& c : changes) {
    auto t = tx.QueryOne(
        "SELECT time FROM rm_subject_events WHERE subject_kind = 'party' AND subject_id = ? "
        "AND idx = ?",
        {c.party_id, static_cast<int64_t>(c.index)});
    if (!t.ok()) return std::move(t).error();
    if (t->has_value()) {
      if (auto at = ParseRfc3339((*t)->Text(0)); at.ok()) c.at = *at;
    }
  }
  return changes;
}

Result<std::string> OrganisationName(Tx& tx) {
  auto row = tx.QueryOne("SELECT name FROM rm_org LIMIT 1", {});
  if (!row.ok()) return std::move(row).error();
  return row->has_value() ? (*row)->Text(0) : std::string();
}

}  // namespace accord::storage
