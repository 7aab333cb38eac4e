// `accord import parties FILE`: registry data from CSV, all or nothing unless --skip-invalid.
// `accord import scan FILE --format sarif|trivy|cyclonedx`: a scanner's report
// (docs/vulnerabilities.md).
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "accord/app/runtime.h"
#include "accord/cli/progress.h"
#include "accord/policy/profile.h"
#include "accord/storage/registry_import.h"
#include "accord/storage/scans.h"
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

struct ScanOptions {
  std::string file, format, target, system_id;
};

int RunImportScan(const Globals& g, const ScanOptions& o) {
  auto format = domain::ParseScanFormat(o.format);
  if (!format)
    return Report(ValidationError("format", "must be sarif, trivy or cyclonedx"), "import scan");
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(o.file.c_str(), "rb"), &std::fclose);
  if (!f) return Report(ValidationError("FILE", "cannot read " + o.file), "import scan");
  domain::ScanReader read = [&](char* buf, size_t size) {
    return std::fread(buf, 1, size, f.get());
  };
  auto report = domain::ParseScanReport(*format, read);
  if (!report.ok()) return Report(report.error(), "import scan");
  SystemClock clock;
  app::OrgInfo org;
  auto rt = OpenExisting(g, clock, org);
  if (!rt.ok()) return Report(rt.error(), "import scan");
  auto profile = policy::LoadProfile(org.profile);
  policy::ReviewsPolicy policy = profile.ok() ? profile->reviews : policy::ReviewsPolicy{};
  storage::ScanImport in{.report = std::move(*report),
                         .target = o.target,
                         .system_id = o.system_id,
                         .file_name = std::filesystem::path(o.file).filename().string()};
  auto r = (*rt)->log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto scan = storage::ImportScan(c, {"cli", "operator"}, in, policy);
    if (!scan.ok()) return std::move(scan).error();
    return json::value(std::move(*scan));
  });
  if (!r.ok()) return Report(r.error(), "import scan");
  if (g.json) {
    PrintJson(*r);
    return kExitOk;
  }
  const auto& s = r->as_object();
  const auto& n = s.at("counts").as_object();
  auto count = [&](const char* k) { return static_cast<long long>(n.at(k).as_int64()); };
  std::printf(
      "imported scan %s: %lld results; %lld new, %lld found again, %lld fixed, %lld unchanged, "
      "%lld not affected\n",
      std::string(s.at("id").as_string()).c_str(),
      static_cast<long long>(s.at("results").as_int64()), count("opened"), count("reopened"),
      count("resolved"), count("unchanged"), count("not_affected"));
  // Issue 24: whose clock dated the scan.
  const json::value* field = s.if_contains("scanned_at_field");
  std::string from = field && field->is_string() ? "the file's " + std::string(field->as_string())
                     : s.at("scanned_at_source") == "given" ? "as given"
                                                            : "the upload: the file has no time";
  std::printf("scanned at %s (%s)\n", std::string(s.at("scanned_at").as_string()).c_str(),
              from.c_str());
  return kExitOk;
}

}  // namespace

void AddImportCommands(CLI::App& cli, Globals& g, int& exit_code) {
  auto* import_cmd =
      cli.add_subcommand("import", "import registry data from CSV, or a scanner's report");
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
  auto so = std::make_shared<ScanOptions>();
  auto* import_scan = import_cmd->add_subcommand(
      "scan", "import a scanner's report: SARIF 2.1.0, Trivy JSON or CycloneDX VEX");
  AddStoreOptions(import_scan, g);
  import_scan->add_option("FILE", so->file, "the report (JSON)")->required();
  import_scan->add_option("--format", so->format, "sarif | trivy | cyclonedx")->required();
  import_scan->add_option("--target", so->target,
                          "the image, repository or host scanned, when the file does not name it");
  import_scan->add_option("--system", so->system_id, "the system the target belongs to (sys_...)");
  import_scan->callback([&g, &exit_code, so] { exit_code = RunImportScan(g, *so); });
}

}  // namespace accord::cli
