#include "accord/storage/checkpoint_cosignatures.h"

namespace accord::storage {

Status AppendCheckpointSignatures(Tx& tx, uint64_t size, std::string_view lines) {
  auto row = tx.QueryOne("SELECT note FROM ledger_checkpoints WHERE size = ?",
                         {static_cast<int64_t>(size)});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return NotFound("no checkpoint at size " + std::to_string(size));
  std::string note = (*row)->Text(0);
  note += lines;
  auto n = tx.Exec("UPDATE ledger_checkpoints SET note = ? WHERE size = ?",
                   {note, static_cast<int64_t>(size)});
  if (!n.ok()) return std::move(n).error();
  return Ok();
}

size_t SignatureLineCount(std::string_view note) {
  const size_t split = note.rfind("\n\n");
  if (split == std::string_view::npos) return 0;
  size_t count = 0;
  for (size_t at = split + 1; (at = note.find("\n\xE2\x80\x94 ", at)) != std::string_view::npos;
       ++at) {
    ++count;
  }
  return count;
}

Result<std::optional<StoredCheckpoint>> LatestPublishedCheckpoint(Tx& tx) {
  auto rows = tx.Query(
      "SELECT size, root, note, created_at FROM ledger_checkpoints ORDER BY size DESC LIMIT 100",
      {});
  if (!rows.ok()) return std::move(rows).error();
  std::optional<StoredCheckpoint> newest;
  for (const Row& r : *rows) {
    const Bytes& root = r.BlobAt(1);
    if (root.size() != 32) return Internal("checkpoint root is not a 32-byte hash");
    StoredCheckpoint cp{static_cast<uint64_t>(r.Int(0)), {}, r.Text(2), r.Text(3)};
    std::copy(root.begin(), root.end(), cp.root.begin());
    const bool cosigned = SignatureLineCount(cp.note) > 1;
    if (cosigned) return std::optional<StoredCheckpoint>(std::move(cp));
    if (!newest) newest = std::move(cp);
  }
  return newest;
}

}  // namespace accord::storage
