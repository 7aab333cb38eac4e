// The C2SP tlog-witness add-checkpoint exchange, as pure functions: the request body a log
// sends, and the witness's decision over it. Files, HTTP and the clock belong to the caller
// (app/witness.h runs it as `accord witness`; app/witnessing.h is the log's side).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/bytes.h"
#include "accord/core/result.h"
#include "accord/ledger/cosignature.h"
#include "accord/ledger/note.h"

namespace accord::ledger {

// "old <size>\n", one base64 proof hash per line, "\n", then the signed checkpoint note.
std::string FormatAddCheckpoint(uint64_t old_size, const std::vector<Hash>& proof,
                                std::string_view note);

struct AddCheckpointRequest {
  uint64_t old_size = 0;
  std::vector<Hash> proof;
  std::string note;  // the signed checkpoint, with every signature line sent
};
// Strict parse of the body above (at most 63 proof lines); kValidationFailed naming the line.
Result<AddCheckpointRequest> ParseAddCheckpoint(std::string_view body);

// What a witness remembers per log (by origin): the last checkpoint it cosigned.
struct WitnessedTree {
  uint64_t size = 0;
  Hash root{};
  friend bool operator==(const WitnessedTree&, const WitnessedTree&) = default;
};
using WitnessState = std::map<std::string, WitnessedTree>;

struct WitnessAnswer {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;      // 200: the cosignature line(s); 409: "<size>\n"; else the reason
  bool updated = false;  // state changed: persist it before sending the answer
};

// The witness's decision, step by step as tlog-witness orders it: 400 malformed body or old
// size beyond the checkpoint; 404 unknown origin (the origin is the log key's name); 403 no
// signature by a trusted log key; 409 (text/x.tlog.size, body the witnessed size) when the
// old size is not the size last cosigned; 409 when the sizes are equal but the roots are
// not; 422 when the consistency proof does not verify. On success `state` holds the new
// tree and the body is this witness's cosignature at `now` (POSIX seconds).
WitnessAnswer DecideAddCheckpoint(std::string_view body, const std::vector<Verifier>& logs,
                                  WitnessState& state, const Cosigner& cosigner, uint64_t now);

}  // namespace accord::ledger
