// `accord`: the entry point, which adds every sub-command group (cli_commands.h) and parses,
// and the helpers the groups share.
#include "accord/cli/cli.h"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <cstdio>
#include <iostream>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "cli_commands.h"
#include "cli_profile.h"

namespace accord::cli {

namespace json = boost::json;

void AddStoreOptions(CLI::App* cmd, Globals& g) {
  cmd->add_option("--data-dir", g.store.data_dir, "data directory")->capture_default_str();
  cmd->add_option("--db", g.db, "database URL (default sqlite:///DATA_DIR/accord.db)");
  cmd->add_option("--signing-key", g.signing_key,
                  "checkpoint key file (default DATA_DIR/ledger.key)");
  cmd->add_flag("--json", g.json, "machine-readable output");
}

app::StoreConfig StoreConfigOf(const Globals& g) {
  app::StoreConfig c = g.store;
  c.db_url = g.db;
  c.signing_key = g.signing_key;
  return c;
}

int ExitFor(const Error& e) {
  switch (e.code) {
    case ErrorCode::kCheckFailed:
      return kExitCheckFailed;
    case ErrorCode::kValidationFailed:
    case ErrorCode::kBadRequest:
    case ErrorCode::kConflict:  // e.g. restore into a store that is not empty
      return kExitUsage;
    default:
      return kExitRuntime;
  }
}

int Report(const Error& e, const char* command) {
  std::fprintf(stderr, "accord %s: %s\n", command, e.ToString().c_str());
  return ExitFor(e);
}

void PrintJson(const json::value& v) { std::cout << json::serialize(v) << "\n"; }

Result<std::unique_ptr<app::Runtime>> OpenExisting(const Globals& g, const Clock& clock,
                                                   app::OrgInfo& org) {
  auto rt = app::Runtime::Open(StoreConfigOf(g), clock);
  if (!rt.ok()) return rt;
  auto existing = (*rt)->ReadOrg();
  if (!existing.ok()) return std::move(existing).error();
  if (!existing->has_value()) {
    return Error{ErrorCode::kValidationFailed,
                 "this store is empty: start `accord serve` once to create the organisation",
                 {}};
  }
  org = **existing;
  return rt;
}

int Main(int argc, char** argv) {
  // Logs go to stderr: stdout carries the "listening on" line and command output.
  spdlog::set_default_logger(spdlog::stderr_color_mt("accord"));
  CLI::App cli{"Accord: third-party security policy, enforced, scheduled and proven"};
  cli.require_subcommand(1);
  cli.set_version_flag("--version", std::string(ACCORD_VERSION));
  Globals g;
  int exit_code = kExitOk;

  AddServeCommand(cli, g, exit_code);
  AddLedgerCommands(cli, g, exit_code);
  AddEvidenceCommands(cli, g, exit_code);
  AddTokenCommands(cli, g, exit_code);
  AddUserCommands(cli, g, exit_code);
  AddImportCommands(cli, g, exit_code);
  AddBackupCommands(cli, g, exit_code);
  AddWitnessCommand(cli, exit_code);
  AddProfileCommands(cli, exit_code);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = cli.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "accord: %s\n", e.what());
    return kExitRuntime;
  }
  return exit_code;
}

}  // namespace accord::cli
