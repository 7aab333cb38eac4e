// Cosignatures kept with their checkpoint: a witness's signature lines are appended to the
// stored signed note, so the note as stored is the cosigned checkpoint (docs/ledger.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "accord/storage/ledger_tables.h"
#include "accord/storage/store.h"

namespace accord::storage {

// Appends signature lines ("— name base64\n"...) to the note of the checkpoint at `size`
// (NotFound when there is none). The caller has verified them.
Status AppendCheckpointSignatures(Tx& tx, uint64_t size, std::string_view lines);

// How many signature lines a stored note carries (the log's own plus cosignatures).
size_t SignatureLineCount(std::string_view note);

// The newest checkpoint that carries at least one cosignature among the latest 100, else the
// newest checkpoint (no witness configured, or none answered yet); nullopt on an empty log.
Result<std::optional<StoredCheckpoint>> LatestPublishedCheckpoint(Tx& tx);

}  // namespace accord::storage
