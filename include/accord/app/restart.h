// `accord ledger restart`: the recorded, signed way forward after restoring a backup older
// than the checkpoint this log already signed (docs/ledger.md, "Restarting the log").
#pragma once

#include <filesystem>
#include <string>

#include "accord/app/runtime.h"
#include "accord/core/result.h"

namespace accord::app {

// A restarted log's origin is its first origin with "/restart-K": K counts the restarts.
std::string BaseOrigin(const std::string& origin);
int RestartNumber(const std::string& origin);  // 0 for a log never restarted

struct RestartResult {
  uint64_t restored_size = 0;  // N: the restored ledger's size, the index of the event
  uint64_t refused_size = 0;   // M: the size of the checkpoint file's checkpoint
  std::string previous_origin;
  std::string origin;               // the new origin the log continues under
  std::string verifier_key;         // the checkpoint key under the new origin's name
  std::string checkpoint;           // the first checkpoint of the new origin
  std::filesystem::path kept_file;  // where the refused checkpoint file was moved
};

// Appends `ledger.restarted` at the restored size N (carrying N, the root at N, the refused
// checkpoint file and `reason`), moves the log to the next restart origin, signs its first
// checkpoint and replaces the checkpoint file (the refused one is kept beside it). Refuses
// (kValidationFailed / kCheckFailed) unless the checkpoint file is a checkpoint of this log,
// signed by its key, at a size larger than the ledger: a restart is for a restored older
// backup, never for a ledger whose entries were changed.
Result<RestartResult> RestartLog(Runtime& rt, const OrgInfo& org, const std::string& reason);

}  // namespace accord::app
