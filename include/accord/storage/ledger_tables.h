// The ledger's own tables: leaves, internal nodes, the head (size + frontier), checkpoints.
// Every function runs inside a caller's transaction.
#pragma once

#include <boost/json/array.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/bytes.h"
#include "accord/ledger/merkle.h"
#include "accord/storage/store.h"

namespace accord::storage {

struct LedgerHead {
  ledger::Frontier frontier;
  uint64_t size() const { return frontier.size(); }
};

struct LeafRecord {
  uint64_t index = 0;
  std::string leaf;  // raw canonical event bytes
  Hash leaf_hash{};
};

struct StoredCheckpoint {
  uint64_t size = 0;
  Hash root{};
  std::string note;  // the whole signed note
  std::string created_at;
};

// Reads the head row; in a write transaction this is the authoritative frontier.
Result<LedgerHead> ReadHead(Tx& tx);
Status WriteHead(Tx& tx, const LedgerHead& head);

// Appends one leaf at head.size(), persists completed internal nodes, advances head (in memory).
Result<uint64_t> AppendLeaf(Tx& tx, LedgerHead& head, std::string_view leaf, const Hash& leaf_hash);

Result<LeafRecord> ReadLeaf(Tx& tx, uint64_t index);
// Up to `limit` entries from index `from` on, in order.
Result<std::vector<LeafRecord>> ReadLeaves(Tx& tx, uint64_t from, uint64_t limit);
// Hash of the perfect subtree (level, index); level 0 reads the leaf hash.
Result<Hash> ReadNode(Tx& tx, int level, uint64_t index);
ledger::NodeSource NodeSourceFor(Tx& tx);

Status InsertCheckpoint(Tx& tx, const StoredCheckpoint& cp);
Result<std::optional<StoredCheckpoint>> LatestCheckpoint(Tx& tx);
// Stored checkpoints of fewer than `below` entries, largest first, at most `limit`.
Result<std::vector<StoredCheckpoint>> ListCheckpoints(Tx& tx, uint64_t below, uint64_t limit);

// Every checkpoint-signing key recorded in the ledger, oldest first: [{verifier_key, name,
// key_id, added_index, added_at}].
Result<boost::json::array> ListSigningKeys(Tx& tx);

}  // namespace accord::storage
