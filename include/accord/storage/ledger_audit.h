// Whole-ledger checks: verify every hash, root and checkpoint; rebuild and digest read models.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "accord/core/bytes.h"
#include "accord/core/progress.h"
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
  std::string problem;  // what is wrong, for humans
};

// Recomputes every leaf hash, internal node and root from the stored events and checks
// every checkpoint's signature with the keys recorded in the ledger before it.
// `progress` hears "checking entries" (of the ledger's size), then "checking tree nodes".
Result<VerifyReport> VerifyLedger(Store& store, const Progress& progress = {});
// The same inside a caller's transaction (e.g. before a restore commits).
Result<VerifyReport> VerifyLedger(Tx& tx, const Progress& progress = {});

// Drops every read model and replays the ledger into it, in one transaction.
Result<uint64_t> RebuildReadModels(Store& store, const Projections& projections);

// SHA-256 over every read-model table's rows in a stable order (hex).
Result<std::string> ReadModelDigest(Store& store, const Projections& projections);

}  // namespace accord::storage
