// What the compliance status reads of every party and agreement, kept in memory and brought up
// to date from the ledger's growth (issue 23's < 100 ms at 100,000 parties): the active parties
// with their ePHI and infrastructure flags, the services that handle ePHI, and the executed
// agreements with their terms parsed. Keyed on the ledger size, so an answer built from it is
// exactly the tables' at that size; the time-dependent part (which agreements are in force) is
// judged by the reader at its own instant. Past points (?as_of=N) read the tables instead.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "accord/core/result.h"
#include "accord/core/time.h"
#include "accord/storage/store.h"

namespace accord::storage {

struct ComplianceFacts {
  struct Party {
    std::string tag;  // customer, partner, subcontractor ...
    bool ephi = false;
    bool infrastructure = false;
    std::string name;  // infrastructure partners' only
  };
  struct Agreement {
    std::string party_id, type;
    int64_t from_idx = 0;
    std::optional<TimePoint> effective;  // none: in force from the start
    bool open_ended = false;             // no expires_at
    std::optional<TimePoint> expires;    // none and not open-ended: never in force
    bool InForce(TimePoint at) const;
  };
  int64_t size = 0;                                  // the ledger size they reflect
  std::map<std::string, Party> parties;              // active parties, by id
  std::map<std::string, std::string> ephi_services;  // service id -> its party
  std::map<std::string, Agreement> agreements;       // executed agreements, by id
};

class ComplianceFactsCache {
 public:
  // The facts at the transaction's ledger size `size` (what ReadHead said): the kept ones
  // brought up to date with the versions written since, or read whole. nullptr when the kept
  // ones are newer than this transaction: the caller reads the tables.
  Result<std::shared_ptr<const ComplianceFacts>> At(Tx& tx, int64_t size);

 private:
  std::mutex mu_;
  std::shared_ptr<ComplianceFacts> facts_;
};

}  // namespace accord::storage
