// The `accord` sub-command groups (private to cli/): each file adds one group to the app
// (cli_serve.cc, cli_ledger.cc, cli_evidence.cc, cli_token.cc, cli_user.cc, cli_import.cc,
// cli_backup.cc; cli_profile.h needs no store), and the helpers they share (cli.cc).
#pragma once

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "accord/app/runtime.h"
#include "accord/core/clock.h"
#include "accord/core/result.h"

namespace CLI {
class App;
}

namespace accord::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitCheckFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitRuntime = 3;

// The options every command that opens the store takes (one set, shared by all of them).
struct Globals {
  app::StoreConfig store;
  std::string db;
  std::string signing_key;
  bool json = false;
};

void AddStoreOptions(CLI::App* cmd, Globals& g);
app::StoreConfig StoreConfigOf(const Globals& g);
// The exit code for an error: 1 a failed check, 2 a usage problem, 3 anything else.
int ExitFor(const Error& e);
// Prints "accord <command>: <error>" to stderr; returns ExitFor(e).
int Report(const Error& e, const char* command);
void PrintJson(const boost::json::value& v);
// Opens the runtime for a command that needs the organisation to exist already.
Result<std::unique_ptr<app::Runtime>> OpenExisting(const Globals& g, const Clock& clock,
                                                   app::OrgInfo& org);

// Each adds its group; the chosen command's exit code goes to exit_code. `g` outlives parsing.
void AddServeCommand(CLI::App& cli, Globals& g, int& exit_code);
void AddLedgerCommands(CLI::App& cli, Globals& g, int& exit_code);
// `evidence export` and `evidence verify` (the bundle of docs/ledger.md).
void AddEvidenceCommands(CLI::App& cli, Globals& g, int& exit_code);
void AddTokenCommands(CLI::App& cli, Globals& g, int& exit_code);
void AddUserCommands(CLI::App& cli, Globals& g, int& exit_code);
void AddImportCommands(CLI::App& cli, Globals& g, int& exit_code);
// `backup` and `restore`.
void AddBackupCommands(CLI::App& cli, Globals& g, int& exit_code);
// `ledger monitor` (cli_monitor.cc; needs no store), under the `ledger` command.
void AddMonitorCommand(CLI::App* ledger_cmd, int& exit_code);
// `witness` (needs no store).
void AddWitnessCommand(CLI::App& cli, int& exit_code);

}  // namespace accord::cli
