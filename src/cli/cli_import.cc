// `accord import parties FILE`: registry data from CSV, all or nothing unless --skip-invalid.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>

#include "accord/app/runtime.h"
#include "accord/cli/progress.h"
#include "accord/storage/registry_import.h"
#include "cli_commands.h"

namespace accord::cli {

namespace json = boost::json;

namespace {

int RunImportParties(const Globals& g, const std::string& file, bool skip_invalid) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Report(ValidationError("FILE", "cannot read " + file), "import parties");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto table = storage::ParsePartyCsv(text);
  if (!table.ok()) return Report(table.error(), "import parties");
  SystemClock clock;
  app::OrgInfo org;
  auto rt = OpenExisting(g, clock, org);
  if (!rt.ok()) return Report(rt.error(), "import parties");
  auto progress = TerminalProgress::ForCommand("import parties", g.json);
  auto r = (*rt)->log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto report =
        storage::ImportParties(c, *table, skip_invalid, {"cli", "operator"}, progress.callback());
    if (!report.ok()) return std::move(report).error();
    return json::value(report->ToJson());
  });
  progress.Finish();
  if (!r.ok()) {
    // Row errors, one per line, so a person can fix the file.
    std::fprintf(stderr, "accord import parties: %s\n", r.error().message.c_str());
    for (const auto& d : r.error().details) {
      std::fprintf(stderr, "  %s:%d: %s: %s\n", file.c_str(), d.line.value_or(0), d.field.c_str(),
                   d.reason.c_str());
    }
    return ExitFor(r.error());
  }
  if (g.json) {
    PrintJson(*r);
    return kExitOk;
  }
  const auto& o = r->as_object();
  std::printf("imported %lld parties\n", static_cast<long long>(o.at("imported").as_int64()));
  for (const auto& row : o.at("skipped").as_array()) {
    std::printf("  skipped %s:%lld: %s: %s\n", file.c_str(),
                static_cast<long long>(row.at("line").as_int64()),
                std::string(row.at("field").as_string()).c_str(),
                std::string(row.at("reason").as_string()).c_str());
  }
  return kExitOk;
}

struct ImportOptions {
  std::string file;
  bool skip_invalid = false;
};

}  // namespace

void AddImportCommands(CLI::App& cli, Globals& g, int& exit_code) {
  auto* import_cmd = cli.add_subcommand("import", "import registry data from CSV");
  import_cmd->require_subcommand(1);
  auto o = std::make_shared<ImportOptions>();
  auto* import_parties = import_cmd->add_subcommand(
      "parties", "import parties from a CSV file (columns: docs/registry.md)");
  AddStoreOptions(import_parties, g);
  import_parties->add_option("FILE", o->file, "CSV file")->required();
  import_parties->add_flag("--skip-invalid", o->skip_invalid,
                           "import the good rows and report the bad ones");
  import_parties->callback(
      [&g, &exit_code, o] { exit_code = RunImportParties(g, o->file, o->skip_invalid); });
}

}  // namespace accord::cli
