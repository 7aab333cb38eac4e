// Whole-ledger checks: verify every hash, root and checkpoint; rebuild and digest read models.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "accord/core/bytes.h"
#include "accord/core/progress.h"
#include "accord/ledger/note.h"
#include "accord/storage/projection.h"
#include "accord/storage/store.h"

namespace accord::storage {

struct VerifyReport {
  uint64_t size = 0;
  Hash root{};
  uint64_t checkpoints = 0;  // checkpoint signatures checked
  uint64_t nodes = 0;        // stored internal nodes checked
  uint64_t keys = 0;         // verifier keys found in the ledger
  bool ok = true;
  std::optional<uint64_t> first_bad_index;
  std::string problem;           // what is wrong, for humans
  bool trusted_checked = false;  // a trusted checkpoint was given and the ledger extends it
};

struct VerifyOptions {
  // An empty ledger passes; one with entries but no stored checkpoint fails (nothing signed
  // vouches for it: the checkpoints may have been deleted with the entries rewritten).
  bool require_checkpoint = false;
  // A checkpoint kept outside the database (its signature checked by the caller): the
  // ledger must hold at least its size, the entries before it must hash to its root, and a
  // consistency proof from it over the stored tree must verify.
  std::optional<ledger::Checkpoint> trusted;
};

// Recomputes every leaf hash, internal node and root from the stored events and checks
// every checkpoint's signature with the keys recorded in the ledger before it.
// `progress` hears "checking entries" (of the ledger's size), then "checking tree nodes".
// A tampered entry is named by the lowest index that can explain every disagreement: a
// stored tree node that disagrees points at its subtree's first entry only when no smaller
// disagreeing subtree inside it does.
Result<VerifyReport> VerifyLedger(Store& store, const Progress& progress = {},
                                  const VerifyOptions& options = {});
// The same inside a caller's transaction (e.g. before a restore commits).
Result<VerifyReport> VerifyLedger(Tx& tx, const Progress& progress = {},
                                  const VerifyOptions& options = {});

// Drops every read model and replays the ledger into it, in one transaction.
Result<uint64_t> RebuildReadModels(Store& store, const Projections& projections);

// SHA-256 over every read-model table's rows in a stable order (hex).
Result<std::string> ReadModelDigest(Store& store, const Projections& projections);

}  // namespace accord::storage
