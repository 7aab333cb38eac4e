#include "accord/storage/compliance_facts.h"

#include <set>
#include <vector>

#include "accord/domain/registry.h"
#include "accord/storage/registry_store.h"

namespace accord::storage {

namespace {

// Past this many new ledger entries, one read of everything is cheaper than the changes.
constexpr int64_t kMaxDelta = 20000;

// The flags are in the canonical document, spelled exactly so (as the status used to read them
// and as the rm_objects_infra index is defined).
constexpr const char* kPartyColumns =
    "id, status, tag, CASE WHEN doc LIKE '%\"ephi\"%' THEN 1 ELSE 0 END, "
    "CASE WHEN doc LIKE '%\"infrastructure_partner\":true%' THEN 1 ELSE 0 END, "
    "CASE WHEN doc LIKE '%\"infrastructure_partner\":true%' THEN doc ELSE '' END";
constexpr const char* kServiceColumns =
    "id, party_id, CASE WHEN doc LIKE '%\"handles_ephi\":true%' THEN 1 ELSE 0 END";
constexpr const char* kAgreementColumns = "id, status, party_id, tag, from_idx, doc";

void PutParty(ComplianceFacts& f, const Row& r) {
  if (r.Text(1) != "active") return;
  ComplianceFacts::Party p{r.Text(2), r.Int(3) != 0, r.Int(4) != 0, ""};
  // Our hosts' names are shown on every matrix: kept (only theirs, a few documents to read).
  if (p.infrastructure) {
    if (auto doc = domain::ParseStateDoc(r.Text(5))) p.name = domain::StateString(*doc, "name");
  }
  f.parties[r.Text(0)] = std::move(p);
}

void PutService(ComplianceFacts& f, const Row& r) {
  if (r.Int(2) != 0) f.ephi_services[r.Text(0)] = r.Text(1);
}

void PutAgreement(ComplianceFacts& f, const Row& r) {
  if (r.Text(1) != "executed") return;
  auto doc = domain::ParseStateDoc(r.Text(5));
  if (!doc) return;
  ComplianceFacts::Agreement a{.party_id = r.Text(2), .type = r.Text(3), .from_idx = r.Int(4)};
  if (auto from = ParseRfc3339(domain::StateString(*doc, "effective_at")); from.ok()) {
    a.effective = *from;
  }
  std::string expires = domain::StateString(*doc, "expires_at");
  a.open_ended = expires.empty();
  if (auto until = ParseRfc3339(expires); !a.open_ended && until.ok()) a.expires = *until;
  f.agreements[r.Text(0)] = std::move(a);
}

struct KindReader {
  const char* kind;
  const char* columns;
  void (*put)(ComplianceFacts&, const Row&);
  void (*erase)(ComplianceFacts&, const std::string&);
};

const std::vector<KindReader>& Readers() {
  static const std::vector<KindReader> kReaders = {
      {"party", kPartyColumns, PutParty,
       [](ComplianceFacts& f, const std::string& id) { f.parties.erase(id); }},
      {"service", kServiceColumns, PutService,
       [](ComplianceFacts& f, const std::string& id) { f.ephi_services.erase(id); }},
      {"agreement", kAgreementColumns, PutAgreement,
       [](ComplianceFacts& f, const std::string& id) { f.agreements.erase(id); }},
  };
  return kReaders;
}

Result<std::shared_ptr<ComplianceFacts>> ReadAll(Tx& tx, int64_t size) {
  auto f = std::make_shared<ComplianceFacts>();
  f->size = size;
  for (const auto& k : Readers()) {
    std::string sql =
        std::string("SELECT ") + k.columns + " FROM rm_objects WHERE kind = ? AND to_idx = ?";
    ACCORD_TRY(tx.ForEach(sql, {Value(k.kind), Value(kOpenVersion)}, [&](const Row& r) {
      k.put(*f, r);
      return true;
    }));
  }
  return f;
}

// The objects of each kind with a version written or ended since `f.size`, read again.
Status Advance(Tx& tx, ComplianceFacts& f, int64_t size) {
  for (const auto& k : Readers()) {
    std::set<std::string> changed;
    auto collect = [&](const Row& r) {
      changed.insert(r.Text(0));
      return true;
    };
    ACCORD_TRY(
        tx.ForEach("SELECT id FROM rm_objects WHERE kind = ? AND from_idx >= ? AND from_idx < ?",
                   {Value(k.kind), Value(f.size), Value(size)}, collect));
    ACCORD_TRY(tx.ForEach("SELECT id FROM rm_objects WHERE kind = ? AND to_idx >= ? AND to_idx < ?",
                          {Value(k.kind), Value(f.size), Value(size)}, collect));
    std::string sql = std::string("SELECT ") + k.columns +
                      " FROM rm_objects WHERE kind = ? AND id = ? AND to_idx = ?";
    for (const auto& id : changed) {
      k.erase(f, id);
      auto row = tx.QueryOne(sql, {Value(k.kind), Value(id), Value(kOpenVersion)});
      if (!row.ok()) return std::move(row).error();
      if (row->has_value()) k.put(f, **row);
    }
  }
  f.size = size;
  return Ok();
}

}  // namespace

bool ComplianceFacts::Agreement::InForce(TimePoint at) const {
  if (effective && at < *effective) return false;
  if (open_ended) return true;
  return expires && at < *expires;
}

Result<std::shared_ptr<const ComplianceFacts>> ComplianceFactsCache::At(Tx& tx, int64_t size) {
  std::lock_guard lock(mu_);
  if (facts_ && facts_->size > size) return std::shared_ptr<const ComplianceFacts>();
  if (facts_ && facts_->size == size) return std::shared_ptr<const ComplianceFacts>(facts_);
  if (!facts_ || size - facts_->size > kMaxDelta) {
    auto all = ReadAll(tx, size);
    if (!all.ok()) return std::move(all).error();
    facts_ = std::move(*all);
    return std::shared_ptr<const ComplianceFacts>(facts_);
  }
  // Readers still holding the old facts keep them: change a copy then.
  if (facts_.use_count() > 1) facts_ = std::make_shared<ComplianceFacts>(*facts_);
  Status s = Advance(tx, *facts_, size);
  if (!s.ok()) {
    facts_.reset();
    return std::move(s).error();
  }
  return std::shared_ptr<const ComplianceFacts>(facts_);
}

}  // namespace accord::storage
