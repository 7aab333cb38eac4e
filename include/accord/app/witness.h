// `accord witness`: an independent C2SP tlog-witness (docs/ledger.md, "Witnesses"). It keeps
// its own Ed25519 key and a state file (the last tree it cosigned per log, mode 0600), and
// answers POST /add-checkpoint (ledger/witness.h decides; the state is written before the
// answer, under one lock, so two requests never roll each other back).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "accord/core/result.h"
#include "accord/ledger/witness.h"

namespace accord::app {

struct WitnessOptions {
  std::filesystem::path key_file;    // created (0600) when missing
  std::filesystem::path state_file;  // created (0600) at the first cosignature
  std::string listen = "127.0.0.1:7380";
  std::string name = "witness";       // the key's name when the key file is created
  std::vector<std::string> log_keys;  // verifier keys of the logs it witnesses
  bool print_key = false;             // print the witness's public key and exit
};

// The state file: one line per log, "<size> <base64 root> <origin>". Missing: empty state.
Result<ledger::WitnessState> ReadWitnessState(const std::filesystem::path& file);
std::string FormatWitnessState(const ledger::WitnessState& state);

// Runs until SIGINT/SIGTERM; returns the exit code (2 usage, 3 could not start).
int RunWitness(const WitnessOptions& options);

}  // namespace accord::app
