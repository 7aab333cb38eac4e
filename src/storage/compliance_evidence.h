// What proves each mapping source of the compliance status (storage/compliance.h): one result
// per access rule or workflow, computed once per answer from the read models as of a point.
#pragma once

#include <boost/json/object.hpp>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/storage/compliance.h"
#include "accord/storage/object_views.h"

namespace accord::storage::compliance {

struct SourceResult {
  std::string source;    // "rule:tp6.baa_customers_partners", "workflow:baa_in_force"
  std::string title;     // what a person reads
  std::string evidence;  // "live", "enforced" or "procedure"
  int64_t ok = 0, failing = 0;
  // Evidence items, failing first, at most the limit of each: {kind, id, title, ok, detail,
  // party_id, ledger_index, href}.
  std::vector<boost::json::object> items;
};

class Evidence {
 public:
  Evidence(Tx& tx, const CompliancePoint& point, std::string party_id, size_t limit)
      : tx_(tx), point_(point), party_id_(std::move(party_id)), limit_(limit), names_(tx) {}

  // The result of one mapping source, computed on first use.
  Result<const SourceResult*> Of(const std::string& source);
  // Adds party_name to the items that name a party.
  Status Name(std::vector<boost::json::object>& items);

 private:
  struct Found {
    std::string id;
    int64_t index;
  };
  Status Agreements(SourceResult& r, bool baa_only);
  void AgreementsFromFacts(SourceResult& r, bool baa_only);
  // The agreement types the profile requires of a party of this kind (remembered per answer).
  const std::vector<std::string>& RequiredTypes(const std::string& tag, bool ephi, bool baa_only);
  // in_force(type name) -> const Found*: the party's agreement of that type in force, or null.
  template <class InForce>
  void Judge(SourceResult& r, bool baa_only, const std::string& party, const std::string& tag,
             bool ephi, const InForce& in_force);
  Status Soc2(SourceResult& r);
  Status Reviews(SourceResult& r);
  Status Findings(SourceResult& r);
  Status Ledger(SourceResult& r);
  // The objects of `kind` (of the party, when one is asked) visible at the point: id, from_idx,
  // status, doc.
  Result<std::vector<Row>> ObjectsOfKind(const std::string& kind);
  void Enforced(SourceResult& r, const std::string& detail);
  // Keeps at most `limit_` failing and `limit_` passing items, failing first: Counted counts
  // one and says whether its item is kept, Keep keeps it, Add does both.
  bool Counted(SourceResult& r, bool ok);
  void Keep(SourceResult& r, boost::json::object item, bool ok);
  void Add(SourceResult& r, boost::json::object item, bool ok);

  Tx& tx_;
  const CompliancePoint& point_;
  std::string party_id_;
  size_t limit_;
  NameCache names_;
  std::map<std::string, SourceResult> cache_;
  struct Required {
    std::string tag;
    bool ephi, baa_only;
    std::vector<std::string> types;
  };
  std::deque<Required> required_;                                    // stable references
  std::map<std::string, std::vector<boost::json::object>> passing_;  // by source, while built
};

// Whether an executed agreement is in force at `at`: from its effective time (when it has one)
// until, not including, its expiry: it stops at exactly its end instant.
bool InForce(const boost::json::object& doc, TimePoint at);

// The active infrastructure partners at the point (of one party, when given), in id order;
// partners_only: partners and subcontractors only (TP-11's).
Result<std::vector<std::string>> InfrastructurePartners(Tx& tx, const CompliancePoint& point,
                                                        const std::string& party_id,
                                                        bool partners_only);

// " AND <alias>to_idx = ?" now, or the version visible at the point's ledger size.
std::string Visible(const CompliancePoint& point, std::vector<Value>& params,
                    std::string_view alias = "");

}  // namespace accord::storage::compliance
