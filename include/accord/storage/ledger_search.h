// The ledger as an audit log (issue 20, item 11): entries filtered by event type, actor, party
// and date through rm_ledger_events (one row per entry, an index per filter), and the names a
// person reads beside the ids an event carries.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/storage/projection.h"
#include "accord/storage/store.h"

namespace accord::storage {

struct LedgerFilter {
  std::string type;      // an exact event type ("grant.approved"); "" = any
  std::string actor_id;  // the actor's id (usr_…, tok_…, system); "" = any
  std::string party_id;  // events about a party or an object filed under it; "" = any
  std::string since;     // RFC 3339: entries at or after; "" = no bound
  std::string until;     // RFC 3339: entries before; "" = no bound
  bool Empty() const {
    return type.empty() && actor_id.empty() && party_id.empty() && since.empty() && until.empty();
  }
};

struct LedgerPage {
  std::vector<uint64_t> indices;  // in the order asked for
  // Where the next page starts (newest first: the `before` to pass; oldest first: the `from`);
  // nullopt at the end. A page may be short when the scan bound stops it: follow the cursor.
  std::optional<uint64_t> next;
};

// Matching entries among the first `size` (the head's), at most `limit`. Newest first: below
// `cursor` (exclusive); oldest first: from `cursor`. A page reads at most kLedgerScanBound
// positions, each filter through its index, so it costs about the same anywhere in the ledger.
inline constexpr uint64_t kLedgerScanBound = 200000;
Result<LedgerPage> SearchLedger(Tx& tx, const LedgerFilter& filter, bool newest_first,
                                uint64_t cursor, uint64_t size, uint64_t limit);

// The event types and actors the ledger holds (for the audit log's filters), each read by
// skipping through its index: the cost grows with the number of distinct values, not entries.
Result<std::vector<std::string>> LedgerEventTypes(Tx& tx);
Result<std::vector<std::string>> LedgerActors(Tx& tx);

// Names of what events mention, each read once: an account's name (or email), a token's name,
// any registry object's name (its latest version, so a deleted party keeps its name), the
// organisation's. "" when there is none to show.
class LedgerNames {
 public:
  explicit LedgerNames(Tx& tx) : tx_(tx) {}
  Result<std::string> Actor(const std::string& id);
  Result<std::string> Subject(const std::string& kind, const std::string& id);

 private:
  Tx& tx_;
  std::map<std::string, std::string, std::less<>> cache_;
};

// The read model behind SearchLedger, and its one-time fill for a store that had entries
// before it existed (at start-up, like FillPartyInventory).
std::unique_ptr<Projection> MakeLedgerEventsProjection();
Status FillLedgerEvents(Store& store);

}  // namespace accord::storage
