// Compliance status (issue 23, docs/compliance.md): each catalog control's status computed from
// the live data of the rules and workflows the profile maps to it, with the objects and ledger
// entries that prove it; at any past ledger position with the profile then in force. And the
// inheritance matrix: per customer, what it inherits from us (Yes / Partially / No) and what
// we inherit from our hosts.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "accord/core/result.h"
#include "accord/core/time.h"
#include "accord/domain/compliance_catalog.h"
#include "accord/policy/profile.h"
#include "accord/storage/compliance_facts.h"
#include "accord/storage/store.h"

namespace accord::storage {

// Where an answer is computed: a ledger size, its time, and the profile then in force.
struct CompliancePoint {
  std::optional<int64_t> as_of;  // nullopt: now
  int64_t size = 0;              // the ledger's size at that point
  TimePoint at;                  // now, or the time of the last entry before as_of
  policy::Profile profile;
  int64_t profile_index = -1;  // the ledger entry that put the profile in force (-1: unknown)
  // The parties and agreements at `size` from memory (now only, when a cache was given);
  // null: read from the tables.
  std::shared_ptr<const ComplianceFacts> facts;
};

// as_of: a ledger size in 1..size (kValidationFailed on `as_of` otherwise). The profile is the
// one the last org.created / org.profile_changed entry before that position recorded. With a
// cache, the point now carries the facts from it.
Result<CompliancePoint> ResolveCompliancePoint(Tx& tx, const policy::Profile& current,
                                               TimePoint now, std::optional<int64_t> as_of,
                                               ComplianceFactsCache* cache = nullptr);

struct ComplianceQuery {
  std::string party_id;   // one party's view ("" = the whole organisation)
  std::string framework;  // "hipaa", "accord" or "" (both)
  size_t evidence_limit = 50;
};

// {as_of, size, at, profile: {name, sha256, ledger_index}, party_id, counts: {status: n},
//  items: [{id, framework, kind, title, requirement, safeguard, parent, status, summary,
//           evidence_ok, evidence_failing, implemented_by: [{source, title, evidence}]}]}
Result<boost::json::object> ControlList(Tx& tx, const domain::Catalog& catalog,
                                        const CompliancePoint& point, const ComplianceQuery& q);

// One control's page: the list item plus its description, the inheritance defaults and, per
// source, the evidence (failing first, at most evidence_limit each): [{kind, id, title, ok,
// detail, party_id, party_name, ledger_index, href}]. nullopt: no such control.
Result<std::optional<boost::json::object>> ControlPage(Tx& tx, const domain::Catalog& catalog,
                                                       const CompliancePoint& point,
                                                       const std::string& id,
                                                       const ComplianceQuery& q);

// The inheritance matrix of one customer (or the organisation's defaults for party_id ""):
// {as_of, size, at, party: {id, name, kind}|null, baa: {id, ledger_index}|null, hosts: [...],
//  rows: [{control, title, requirement, safeguard, kind, inherited, responsibility, source,
//          status, host: {inherited, providers: [{party_id, party_name, controls}]}}]}.
// kNotFound for an unknown party.
Result<boost::json::object> InheritanceMatrix(Tx& tx, const domain::Catalog& catalog,
                                              const CompliancePoint& point,
                                              const std::string& party_id);

// The matrix as CSV, one row per control (the HTML page is http/compliance_export.cc's).
std::string MatrixCsv(const boost::json::object& matrix);
// "Yes", "Partially", "No"; a status as a person reads it ("Operating", "Not mapped").
std::string InheritedWords(const std::string& inherited);
std::string StatusWords(const std::string& status);

// OSCAL 1.2.2 exports (compliance_oscal.cc). The System Security Plan from the organisation's
// matrix (InheritanceMatrix with party "") and the HIPAA control list at the same point: one
// implemented requirement per specification whose by-component exports `provided` (what a
// customer inherits) and `responsibilities` (what stays with it). Deterministic UUIDs.
boost::json::object OscalSsp(const domain::Catalog& catalog, const boost::json::object& matrix,
                             const boost::json::object& controls);
// A component definition of Accord: the HIPAA specifications the profile's mapping implements.
boost::json::object OscalComponentDefinition(const domain::Catalog& catalog,
                                             const policy::Profile& profile, const std::string& org,
                                             const std::string& at);

// The catalog itself as an OSCAL catalog (compliance_oscal_catalog.cc): a group per HIPAA
// safeguard, standards with their specifications nested, Accord's controls; the citation as
// each control's label.
boost::json::object OscalCatalog(const domain::Catalog& catalog, const std::string& org,
                                 const std::string& at);

}  // namespace accord::storage
