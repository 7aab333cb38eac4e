// `accord witness`: run an independent C2SP tlog-witness (app/witness.h).
#include <CLI/CLI.hpp>

#include <memory>

#include "accord/app/witness.h"
#include "cli_commands.h"

namespace accord::cli {

void AddWitnessCommand(CLI::App& cli, int& exit_code) {
  auto options = std::make_shared<app::WitnessOptions>();
  auto* cmd = cli.add_subcommand(
      "witness", "cosign a log's checkpoints that extend the last one cosigned (tlog-witness)");
  cmd->add_option("--key", options->key_file, "the witness's private key (created, 0600)")
      ->required();
  cmd->add_option("--state", options->state_file, "the last tree cosigned per log (created, 0600)");
  cmd->add_option("--listen", options->listen, "HOST:PORT (port 0 picks a free one)")
      ->capture_default_str();
  cmd->add_option("--name", options->name, "the key's name when --key is created")
      ->capture_default_str();
  cmd->add_option("--log-key", options->log_keys,
                  "a log's verifier key ('accord ledger public-key'); repeat for several logs");
  cmd->add_flag("--print-key", options->print_key, "print this witness's public key and exit");
  cmd->callback([options, &exit_code] {
    if (options->state_file.empty() && !options->print_key) {
      std::fprintf(stderr, "accord witness: --state FILE is required\n");
      exit_code = kExitUsage;
      return;
    }
    exit_code = app::RunWitness(*options);
  });
}

}  // namespace accord::cli
