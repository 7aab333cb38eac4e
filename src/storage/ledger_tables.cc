#include "accord/storage/ledger_tables.h"

#include <algorithm>
#include <cstdint>

#include "accord/storage/ledger_node_key.h"

namespace accord::storage {

Result<LedgerHead> ReadHead(Tx& tx) {
  auto row = tx.QueryOne("SELECT size, frontier FROM ledger_head WHERE id = 1", {});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return Internal("ledger_head row is missing: the store is not migrated");
  const Row& r = **row;
  const Bytes& f = r.BlobAt(1);
  auto frontier = ledger::Frontier::Deserialize(
      static_cast<uint64_t>(r.Int(0)),
      std::string_view(reinterpret_cast<const char*>(f.data()), f.size()));
  if (!frontier.ok()) return std::move(frontier).error();
  return LedgerHead{std::move(frontier.value())};
}

Status WriteHead(Tx& tx, const LedgerHead& head) {
  std::string f = head.frontier.Serialize();
  auto n = tx.Exec("UPDATE ledger_head SET size = ?, frontier = ? WHERE id = 1",
                   {static_cast<int64_t>(head.size()), BlobOf(AsBytes(f))});
  if (!n.ok()) return std::move(n).error();
  return Ok();
}

Result<uint64_t> AppendLeaf(Tx& tx, LedgerHead& head, std::string_view leaf,
                            const Hash& leaf_hash) {
  const uint64_t index = head.size();
  ACCORD_TRY(
      tx.ExecDeferred("INSERT INTO ledger_leaves(idx, leaf, leaf_hash) VALUES (?, ?, ?)",
                      {static_cast<int64_t>(index), BlobOf(AsBytes(leaf)), BlobOf(leaf_hash)}));
  Status node_status;
  head.frontier.Append(leaf_hash, [&](int level, uint64_t node_index, const Hash& hash) {
    if (!node_status.ok()) return;
    node_status =
        tx.ExecDeferred("INSERT INTO ledger_nodes(pos, level, idx, hash) VALUES (?, ?, ?, ?)",
                        {NodePos(level, node_index), int64_t{level},
                         static_cast<int64_t>(node_index), BlobOf(hash)});
  });
  if (!node_status.ok()) return std::move(node_status).error();
  return index;
}

namespace {

Result<Hash> ToHash(const Bytes& b, std::string_view what) {
  if (b.size() != 32) return Internal(std::string(what) + " is not a 32-byte hash");
  Hash h;
  std::copy(b.begin(), b.end(), h.begin());
  return h;
}

}  // namespace

Result<LeafRecord> ReadLeaf(Tx& tx, uint64_t index) {
  auto row = tx.QueryOne("SELECT leaf, leaf_hash FROM ledger_leaves WHERE idx = ?",
                         {static_cast<int64_t>(index)});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return NotFound("no ledger entry at index " + std::to_string(index));
  const Bytes& leaf = (*row)->BlobAt(0);
  auto hash = ToHash((*row)->BlobAt(1), "leaf_hash");
  if (!hash.ok()) return std::move(hash).error();
  return LeafRecord{index, std::string(leaf.begin(), leaf.end()), *hash};
}

Result<std::vector<LeafRecord>> ReadLeaves(Tx& tx, uint64_t from, uint64_t limit) {
  auto rows =
      tx.Query("SELECT idx, leaf, leaf_hash FROM ledger_leaves WHERE idx >= ? ORDER BY idx LIMIT ?",
               {static_cast<int64_t>(from), static_cast<int64_t>(limit)});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<LeafRecord> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) {
    const Bytes& leaf = r.BlobAt(1);
    auto hash = ToHash(r.BlobAt(2), "leaf_hash");
    if (!hash.ok()) return std::move(hash).error();
    out.push_back(
        LeafRecord{static_cast<uint64_t>(r.Int(0)), std::string(leaf.begin(), leaf.end()), *hash});
  }
  return out;
}

Result<Hash> ReadNode(Tx& tx, int level, uint64_t index) {
  auto row = level == 0 ? tx.QueryOne("SELECT leaf_hash FROM ledger_leaves WHERE idx = ?",
                                      {static_cast<int64_t>(index)})
                        : tx.QueryOne("SELECT hash FROM ledger_nodes WHERE pos = ?",
                                      {NodePos(level, index)});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) {
    return Internal("ledger node level " + std::to_string(level) + " index " +
                    std::to_string(index) + " is missing");
  }
  return ToHash((*row)->BlobAt(0), "ledger node");
}

ledger::NodeSource NodeSourceFor(Tx& tx) {
  return [&tx](int level, uint64_t index) { return ReadNode(tx, level, index); };
}

Status InsertCheckpoint(Tx& tx, const StoredCheckpoint& cp) {
  auto r = tx.Exec(
      "INSERT INTO ledger_checkpoints(size, root, note, created_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT(size) DO NOTHING",
      {static_cast<int64_t>(cp.size), BlobOf(cp.root), cp.note, cp.created_at});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

Result<std::optional<StoredCheckpoint>> LatestCheckpoint(Tx& tx) {
  auto row = tx.QueryOne(
      "SELECT size, root, note, created_at FROM ledger_checkpoints ORDER BY size DESC LIMIT 1", {});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<StoredCheckpoint>();
  const Row& r = **row;
  auto root = ToHash(r.BlobAt(1), "checkpoint root");
  if (!root.ok()) return std::move(root).error();
  return std::optional<StoredCheckpoint>(
      StoredCheckpoint{static_cast<uint64_t>(r.Int(0)), *root, r.Text(2), r.Text(3)});
}

Result<std::vector<StoredCheckpoint>> ListCheckpoints(Tx& tx, uint64_t below, uint64_t limit) {
  auto rows = tx.Query(
      "SELECT size, root, note, created_at FROM ledger_checkpoints WHERE size < ? "
      "ORDER BY size DESC LIMIT ?",
      {static_cast<int64_t>(std::min<uint64_t>(below, INT64_MAX)), static_cast<int64_t>(limit)});
  if (!rows.ok()) return std::move(rows).error();
  std::vector<StoredCheckpoint> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) {
    auto root = ToHash(r.BlobAt(1), "checkpoint root");
    if (!root.ok()) return std::move(root).error();
    out.push_back({static_cast<uint64_t>(r.Int(0)), *root, r.Text(2), r.Text(3)});
  }
  return out;
}

Result<boost::json::array> ListSigningKeys(Tx& tx) {
  auto rows = tx.Query(
      "SELECT verifier_key, name, key_id, added_index, added_at FROM rm_signing_keys "
      "ORDER BY added_index",
      {});
  if (!rows.ok()) return std::move(rows).error();
  boost::json::array items;
  for (const auto& r : *rows) {
    items.push_back(boost::json::object{{"verifier_key", r.Text(0)},
                                        {"name", r.Text(1)},
                                        {"key_id", r.Text(2)},
                                        {"added_index", r.Int(3)},
                                        {"added_at", r.Text(4)}});
  }
  return items;
}

}  // namespace accord::storage
