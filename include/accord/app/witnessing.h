// The log's side of C2SP tlog-witness: `accord serve` sends each new checkpoint to the
// witnesses of its --config `[witnesses]` table, from a thread of its own, each call bounded
// by the witness's timeout, and appends the cosignatures that verify to the stored note.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/ledger/cosignature.h"
#include "accord/storage/store.h"

namespace accord::app {

struct WitnessEndpoint {
  std::string label;  // the table key, for messages
  std::string url;    // submission prefix: POST <url>/add-checkpoint
  std::string key;    // the witness's public key (ledger/cosignature.h)
  std::chrono::milliseconds timeout{2000};
};

// Reads `[witnesses.<label>]` tables (url, key, timeout_ms 100-30000) from the settings file;
// errors name the key and line. No table: no witnesses.
Status ReadWitnessConfig(const std::filesystem::path& file, std::vector<WitnessEndpoint>& out);

struct WitnessRound {
  int cosigned = 0;  // witnesses that cosigned the latest checkpoint in this round
  int failed = 0;    // witnesses that refused or did not answer (logged)
};

class Witnessing {
 public:
  // Fails when a witness key or URL is malformed.
  static Result<Witnessing> Create(storage::Store& store, std::vector<WitnessEndpoint> witnesses);

  // Asks every witness that has not cosigned the latest stored checkpoint yet; a refusal is
  // logged loudly (a 409/422 can mean a fork), no answer within the timeout quietly.
  WitnessRound RunOnce();

 private:
  struct Peer {
    WitnessEndpoint config;
    ledger::WitnessKey key;
    uint64_t witnessed_size = 0;  // what the witness last told us it cosigned
    std::string last_problem;     // logged once per change
  };
  Witnessing(storage::Store& store, std::vector<Peer> peers)
      : store_(&store), peers_(std::move(peers)) {}
  storage::Store* store_;
  std::vector<Peer> peers_;
};

}  // namespace accord::app
