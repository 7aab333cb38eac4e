// Backend-neutral backup and restore: the ledger (leaves in order, checkpoints) and the
// few tables that are neither ledger nor read model (secrets). Read models are rebuilt
// on restore, never copied, so a backup taken on SQLite restores into PostgreSQL and
// the other way round.
#pragma once

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>

#include "accord/core/bytes.h"
#include "accord/core/progress.h"
#include "accord/messaging/sealed_box.h"
#include "accord/storage/projection.h"
#include "accord/storage/store.h"

namespace accord::storage {

struct BackupReport {
  uint64_t leaves = 0;
  uint64_t checkpoints = 0;
  uint64_t rows = 0;  // carried rows (secrets)
  Hash root{};
};

// Writes a consistent snapshot (one read transaction) as JSON lines, ending with a
// trailer that counts the lines and hashes them, so truncation is detected on restore.
// Secrets (TOTP seeds, forge webhook secrets, the bodies of queued emails, which may hold a
// link's token) are sealed with a data key of the backup's own, wrapped by `keys`' current
// master key (the Secure Message key file, which is not in the backup): the file holds none
// of them in clear. `progress` hears "writing entries" (of the ledger's size).
Result<BackupReport> WriteBackup(Store& store, std::ostream& out, std::string_view created_at,
                                 const messaging::MasterKeyRing& keys,
                                 const Progress& progress = {});

// Restores into an empty store (refuses otherwise) in one transaction: appends every leaf
// (recomputing the tree), replays the read models, stores checkpoints and carried rows.
// `keys` unwraps the backup's sealed secrets: without the master key that sealed them, the
// restore is refused before anything is written (field `master_key_file`). A backup from
// before sealing restores as it is. `progress` hears "restoring entries" (of the size in the
// header), then the final check's.
Result<BackupReport> RestoreBackup(Store& store, const Projections& projections, std::istream& in,
                                   const messaging::MasterKeyRing* keys,
                                   const Progress& progress = {});

}  // namespace accord::storage
