// The ledger as an audit log (issue 20, item 11): entries filtered by event type, actor, party
// and date through rm_ledger_events (one row per entry, an index per filter), and the names a
// person reads beside the ids an event carries.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
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
class LedgerNameCache;
class LedgerNames {
 public:
  explicit LedgerNames(Tx& tx) : tx_(tx) {}
  // With `shared`, names are also looked up in (and kept for) other reads of the same ledger
  // size: `ledger_size` must be the head's size in this transaction's snapshot.
  LedgerNames(Tx& tx, LedgerNameCache& shared, uint64_t ledger_size)
      : tx_(tx), shared_(&shared), ledger_size_(ledger_size) {}
  Result<std::string> Actor(const std::string& id);
  Result<std::string> Subject(const std::string& kind, const std::string& id);

 private:
  Tx& tx_;
  LedgerNameCache* shared_ = nullptr;
  uint64_t ledger_size_ = 0;
  std::map<std::string, std::string, std::less<>> cache_;
};

// Names kept between reads while the ledger has not grown. Every name comes from a read model,
// and a read model changes only with the ledger (a rebuild writes the same names), so a name
// read at ledger size N is the name at N: exact, not merely recent. Thread-safe; bounded.
class LedgerNameCache {
 public:
  std::optional<std::string> Find(uint64_t ledger_size, const std::string& key) const;
  void Put(uint64_t ledger_size, const std::string& key, const std::string& name);

 private:
  static constexpr size_t kMaxNames = 10000;
  mutable std::mutex mu_;
  uint64_t ledger_size_ = UINT64_MAX;
  std::map<std::string, std::string, std::less<>> names_;
};

// The read model behind SearchLedger, and its one-time fill for a store that had entries
// before it existed (at start-up, like FillPartyInventory).
std::unique_ptr<Projection> MakeLedgerEventsProjection();
Status FillLedgerEvents(Store& store);

}  // namespace accord::storage
