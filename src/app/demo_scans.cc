#include "demo_scans.h"

#include <boost/json.hpp>
#include <tuple>
#include <vector>

#include "accord/domain/scan_report.h"
#include "accord/storage/scans.h"

namespace accord::app {

namespace json = boost::json;

namespace {

const domain::Actor kCi{"demo-ci", "integration"};
constexpr const char* kPlatform = "Luma platform (production)";
constexpr const char* kImage = "registry.luma.example/platform/api:2026.11";

using Vuln = std::tuple<const char*, const char*, const char*, const char*, const char*>;

// A Trivy image report (SchemaVersion 2) with these (id, package, installed, fixed, severity).
std::string TrivyReport(const std::string& image, const std::vector<Vuln>& vulns) {
  json::array list;
  for (const auto& [id, pkg, installed, fixed, severity] : vulns) {
    list.push_back(json::object{{"VulnerabilityID", id},
                                {"PkgName", pkg},
                                {"InstalledVersion", installed},
                                {"FixedVersion", fixed},
                                {"Severity", severity},
                                {"Title", std::string("Vulnerability in ") + pkg}});
  }
  return json::serialize(
      json::object{{"SchemaVersion", 2},
                   {"Trivy", json::object{{"Version", "0.58.1"}}},
                   {"ArtifactName", image},
                   {"ArtifactType", "container_image"},
                   {"Results", json::array{json::object{{"Target", image + " (debian 12.8)"},
                                                        {"Class", "os-pkgs"},
                                                        {"Type", "debian"},
                                                        {"Vulnerabilities", std::move(list)}}}}});
}

// A CodeQL-style SARIF 2.1.0 log of the platform repository.
std::string SarifReport() {
  auto result = [](const char* rule, int index, const char* text, const char* uri, int line,
                   const char* hash) {
    return json::object{
        {"ruleId", rule},
        {"ruleIndex", index},
        {"message", json::object{{"text", text}}},
        {"locations",
         json::array{json::object{
             {"physicalLocation", json::object{{"artifactLocation", json::object{{"uri", uri}}},
                                               {"region", json::object{{"startLine", line}}}}}}}},
        {"partialFingerprints", json::object{{"primaryLocationLineHash", hash}}}};
  };
  auto rule = [](const char* id, const char* text, const char* score) {
    return json::object{{"id", id},
                        {"shortDescription", json::object{{"text", text}}},
                        {"properties", json::object{{"security-severity", score}}}};
  };
  json::object run{
      {"tool",
       json::object{
           {"driver", json::object{{"name", "CodeQL"},
                                   {"semanticVersion", "2.19.3"},
                                   {"rules", json::array{rule("js/sql-injection",
                                                              "Database query built from "
                                                              "user-controlled sources",
                                                              "8.8"),
                                                         rule("js/missing-rate-limiting",
                                                              "Missing rate limiting", "7.5")}}}}}},
      {"versionControlProvenance",
       json::array{json::object{{"repositoryUri", "https://git.luma.example/luma/platform"}}}},
      {"results",
       json::array{result("js/sql-injection", 0, "This query depends on a user-provided value.",
                          "src/api/reports.js", 88, "6b1e2f0c9a7d5e33:1"),
                   result("js/missing-rate-limiting", 1,
                          "This route handler performs a database access, but is not rate-limited.",
                          "src/api/routes.js", 41, "0c4d1a2b3e5f6a77:1")}}};
  return json::serialize(json::object{{"version", "2.1.0"}, {"runs", json::array{std::move(run)}}});
}

std::string VexReport() {
  return json::serialize(json::object{
      {"bomFormat", "CycloneDX"},
      {"specVersion", "1.6"},
      {"version", 1},
      {"metadata", json::object{{"component", json::object{{"type", "application"},
                                                           {"name", "Luma platform"},
                                                           {"version", "2026.11"}}}}},
      {"vulnerabilities",
       json::array{json::object{
           {"id", "CVE-2024-45490"},
           {"affects", json::array{json::object{{"ref", "pkg:deb/debian/libexpat1@2.5.0-1"}}}},
           {"analysis", json::object{{"state", "not_affected"},
                                     {"justification", "vulnerable_code_not_in_execute_path"},
                                     {"detail",
                                      "The API never parses XML; expat is only a "
                                      "dependency of an unused tool in the image."}}}}}}});
}

}  // namespace

Status SeedDemoScans(Runtime& runtime, const policy::ReviewsPolicy& policy,
                     const std::map<std::string, std::string>& systems) {
  TimePoint now = runtime.log().clock().Now();
  std::string platform = systems.contains(kPlatform) ? systems.at(kPlatform) : "";
  auto import = [&](domain::ScanFormat format, const std::string& text, int days_ago,
                    const std::string& system_id) -> Status {
    auto report = domain::ParseScanReport(format, text);
    if (!report.ok()) return std::move(report).error();
    storage::ScanImport in{.report = std::move(*report),
                           .system_id = system_id,
                           .scanned_at = now - std::chrono::days(days_ago)};
    auto r = runtime.log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto scan = storage::ImportScan(c, kCi, in, policy);
      if (!scan.ok()) return std::move(scan).error();
      return json::value(std::move(*scan));
    });
    if (!r.ok()) return std::move(r).error();
    return Ok();
  };
  using F = domain::ScanFormat;
  // 40 days ago: three findings; the high one's deadline has passed since (overdue).
  ACCORD_TRY(import(
      F::kTrivy,
      TrivyReport(kImage,
                  {{"CVE-2024-6119", "openssl", "3.0.13-1~deb12u1", "3.0.14-1~deb12u2", "CRITICAL"},
                   {"CVE-2024-2511", "libssl3", "3.0.13-1~deb12u1", "3.0.13-1~deb12u2", "HIGH"},
                   {"CVE-2024-45490", "libexpat1", "2.5.0-1", "2.5.0-1+deb12u1", "MEDIUM"}}),
      40, platform));
  // 2 days ago: openssl fixed (resolved by the scan), libssl3 still there, curl new.
  ACCORD_TRY(import(
      F::kTrivy,
      TrivyReport(kImage,
                  {{"CVE-2024-2511", "libssl3", "3.0.13-1~deb12u1", "3.0.13-1~deb12u2", "HIGH"},
                   {"CVE-2024-45490", "libexpat1", "2.5.0-1", "2.5.0-1+deb12u1", "MEDIUM"},
                   {"CVE-2024-8096", "curl", "7.88.1-10+deb12u7", "7.88.1-10+deb12u8", "MEDIUM"}}),
      2, platform));
  ACCORD_TRY(import(F::kSarif, SarifReport(), 1, platform));
  // The vendor's statement: expat's flaw is not reachable in this image.
  ACCORD_TRY(import(F::kCycloneDx, VexReport(), 1, ""));
  // An image nobody has claimed yet: flagged until someone names its system.
  ACCORD_TRY(import(F::kTrivy,
                    TrivyReport("registry.luma.example/tools/report-builder:latest",
                                {{"CVE-2023-45853", "zlib1g", "1:1.2.13.dfsg-1", "", "LOW"}}),
                    3, ""));
  return Ok();
}

}  // namespace accord::app
