// The scan readers (TR-4) on real scanner output (tests/testdata/scans/, see its README), and on
// the bad files a CI job can send: truncated, the wrong schema version, too many results.
#include "accord/domain/scan_report.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "accord/core/time.h"
#include "support/temp_dir.h"

namespace accord::domain {
namespace {

std::string Sample(const std::string& rel) {
  std::ifstream in(testing::TestdataDir() / "scans" / rel, std::ios::binary);
  EXPECT_TRUE(in.good()) << rel;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

ScanReport Parse(ScanFormat format, const std::string& rel) {
  auto r = ParseScanReport(format, Sample(rel));
  EXPECT_TRUE(r.ok()) << rel << ": " << (r.ok() ? "" : r.error().ToString());
  return r.ok() ? std::move(*r) : ScanReport{};
}

TEST(ScanReportTest, TrivyImageHasOsAndLanguagePackages) {
  ScanReport r = Parse(ScanFormat::kTrivy, "trivy/image-fluentd-os-and-gems.json");
  EXPECT_EQ(r.tool, "Trivy");
  EXPECT_EQ(r.target_kind, "image");
  EXPECT_EQ(r.target, "testdata/fixtures/images/fluentd-multiple-lockfiles.tar.gz");
  ASSERT_EQ(r.items.size(), 2u);
  EXPECT_EQ(r.items[0].rule, "CVE-2019-18224");
  EXPECT_EQ(r.items[0].package, "libidn2-0");
  EXPECT_EQ(r.items[0].severity, "critical");
  EXPECT_EQ(r.items[0].fixed_version, "2.0.5-1+deb10u1");
  EXPECT_EQ(r.items[1].rule, "CVE-2020-8165");
  EXPECT_EQ(r.items[1].package, "activesupport");
  EXPECT_EQ(r.items[1].severity, "high");
  EXPECT_EQ(r.items[1].location, "Ruby");
  EXPECT_NE(r.items[0].fingerprint, r.items[1].fingerprint);
  EXPECT_EQ(r.items[0].fingerprint.size(), 64u);
}

TEST(ScanReportTest, TrivySecretsAndMisconfigurations) {
  ScanReport s = Parse(ScanFormat::kTrivy, "trivy/repo-secrets.json");
  EXPECT_EQ(s.target_kind, "repository");
  ASSERT_EQ(s.items.size(), 2u);
  EXPECT_EQ(s.items[0].kind, "secret");
  EXPECT_EQ(s.items[0].rule, "aws-access-key-id");
  EXPECT_EQ(s.items[0].severity, "critical");
  ScanReport m = Parse(ScanFormat::kTrivy, "trivy/repo-dockerfile-misconfig.json");
  ASSERT_EQ(m.items.size(), 1u);  // 26 passed checks are no results
  EXPECT_EQ(m.items[0].kind, "misconfiguration");
  EXPECT_EQ(m.items[0].rule, "DS-0002");
  EXPECT_EQ(m.items[0].severity, "high");
}

TEST(ScanReportTest, SarifFromThreeTools) {
  ScanReport codeql = Parse(ScanFormat::kSarif, "sarif/codeql-valid-sarif.sarif.json");
  EXPECT_EQ(codeql.results, 3);
  ASSERT_EQ(codeql.items.size(), 3u);
  EXPECT_EQ(codeql.items[0].rule, "js/unused-local-variable");
  EXPECT_EQ(codeql.items[0].location, "main.js:2");
  EXPECT_EQ(codeql.tool, "LGTM.com + CodeQL command-line toolchain");

  ScanReport trivy = Parse(ScanFormat::kSarif, "sarif/trivy-alpine-310.sarif.json");
  ASSERT_EQ(trivy.items.size(), 4u);
  std::set<std::string> severities;
  for (const auto& it : trivy.items) severities.insert(it.severity);
  EXPECT_FALSE(severities.contains("")) << "security-severity maps to a severity";

  ScanReport leaks = Parse(ScanFormat::kSarif, "sarif/gitleaks-sarif-simple.sarif.json");
  ASSERT_EQ(leaks.items.size(), 1u);
  EXPECT_EQ(leaks.tool, "gitleaks");
}

TEST(ScanReportTest, CycloneDxVexNotAffectedWithJustification) {
  ScanReport r = Parse(ScanFormat::kCycloneDx, "cyclonedx/vex-valid-vulnerability-1.6.json");
  EXPECT_TRUE(r.items.empty());
  ASSERT_EQ(r.vex.size(), 1u);
  EXPECT_EQ(r.vex[0].vulnerability_id, "SNYK-JAVA-COMFASTERXMLJACKSONCORE-32111");
  EXPECT_EQ(r.vex[0].state, "not_affected");
  EXPECT_EQ(r.vex[0].justification, "code_not_reachable");
  ASSERT_EQ(r.vex[0].packages.size(), 1u);
  EXPECT_EQ(r.vex[0].packages[0], "jackson-databind");
  ScanReport sbom = Parse(ScanFormat::kCycloneDx, "cyclonedx/sbom-valid-bom-1.6.json");
  EXPECT_TRUE(sbom.items.empty());
  EXPECT_EQ(sbom.target_kind, "product");
}

// Issue 24: the scan's time is the file's own: Trivy's CreatedAt, CycloneDX's metadata.timestamp
// (not a component's or a commit's), SARIF's latest invocation end (else its start).
TEST(ScanReportTest, ScanTimesComeFromTheFiles) {
  auto at = [](const char* text) { return *ParseRfc3339(text); };
  ScanReport trivy = Parse(ScanFormat::kTrivy, "trivy/image-fluentd-os-and-gems.json");
  EXPECT_EQ(trivy.scanned_at, at("2021-08-25T12:20:30Z"));
  EXPECT_EQ(trivy.scanned_at_field, "CreatedAt");
  ScanReport bom = Parse(ScanFormat::kCycloneDx, "cyclonedx/sbom-valid-bom-1.6.json");
  EXPECT_EQ(bom.scanned_at, at("2020-04-13T20:20:39Z"));
  EXPECT_EQ(bom.scanned_at_field, "metadata.timestamp");
  // The SARIF samples record no invocation: no time of their own.
  ScanReport codeql = Parse(ScanFormat::kSarif, "sarif/codeql-valid-sarif.sarif.json");
  EXPECT_FALSE(codeql.scanned_at);
  EXPECT_EQ(codeql.scanned_at_field, "");
  // The same sample with two invocations: the later end wins; a run with only a start counts
  // its start; a time that is not RFC 3339 counts for nothing.
  boost::json::value v = boost::json::parse(Sample("sarif/codeql-valid-sarif.sarif.json"));
  boost::json::object& run = v.at("runs").as_array()[0].as_object();
  run["invocations"] = boost::json::array{
      boost::json::object{{"executionSuccessful", true},
                          {"startTimeUtc", "2026-11-02T09:00:00Z"},
                          {"endTimeUtc", "2026-11-02T09:12:30.250Z"}},
      boost::json::object{{"executionSuccessful", true}, {"startTimeUtc", "2026-11-02T09:20:00Z"}},
      boost::json::object{{"executionSuccessful", true}, {"endTimeUtc", "yesterday"}}};
  auto r = ParseScanReport(ScanFormat::kSarif, boost::json::serialize(v));
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->scanned_at, at("2026-11-02T09:20:00Z"));
  EXPECT_EQ(r->scanned_at_field, "runs[0].invocations[1].startTimeUtc");
  run["invocations"].as_array().resize(1);
  r = ParseScanReport(ScanFormat::kSarif, boost::json::serialize(v));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->scanned_at, at("2026-11-02T09:12:30.250Z"));
  EXPECT_EQ(r->scanned_at_field, "runs[0].invocations[0].endTimeUtc");
}

TEST(ScanReportTest, EveryTruncationIsRefusedWithItsOffset) {
  std::string text = Sample("trivy/image-fluentd-os-and-gems.json");
  for (size_t cut = 0; cut + 1 < text.size(); cut += 97) {
    auto r = ParseScanReport(ScanFormat::kTrivy, std::string_view(text).substr(0, cut));
    ASSERT_FALSE(r.ok()) << "cut at " << cut;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformedJson) << r.error().message;
    ASSERT_FALSE(r.error().details.empty());
    EXPECT_EQ(r.error().details[0].field, "body");
  }
}

TEST(ScanReportTest, WrongSchemaVersionNamesTheField) {
  std::string sarif = Sample("sarif/gitleaks-sarif-simple.sarif.json");
  sarif.replace(sarif.find("\"2.1.0\""), 7, "\"2.0.0\"");
  auto r = ParseScanReport(ScanFormat::kSarif, sarif);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
  EXPECT_EQ(r.error().details.at(0).field, "version");

  auto t = ParseScanReport(ScanFormat::kTrivy, R"({"SchemaVersion": 1, "Results": []})");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().details.at(0).field, "SchemaVersion");
  auto wrong =
      ParseScanReport(ScanFormat::kTrivy, Sample("sarif/gitleaks-sarif-simple.sarif.json"));
  ASSERT_FALSE(wrong.ok()) << "a SARIF file sent as Trivy";
  EXPECT_EQ(wrong.error().details.at(0).field, "SchemaVersion");
  auto c = ParseScanReport(ScanFormat::kCycloneDx,
                           R"({"bomFormat": "CycloneDX", "specVersion": "1.2"})");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().details.at(0).field, "specVersion");
}

TEST(ScanReportTest, TooManyResultsStopsEarly) {
  // A million results is refused after the limit: the reader is not asked for the rest.
  const int64_t max = 1000;
  std::string head =
      R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [)";
  std::string one =
      R"({"ruleId": "r", "message": {"text": "m"}, "partialFingerprints": {"h": "1"}},)";
  int64_t served = 0;
  size_t at = 0;
  bool in_head = true;
  ScanReader read = [&](char* buf, size_t size) -> size_t {
    if (served > 1000000) return 0;
    const std::string& src = in_head ? head : one;
    size_t n = std::min(size, src.size() - at);
    std::memcpy(buf, src.data() + at, n);
    at += n;
    if (at == src.size()) {
      at = 0;
      if (!in_head) ++served;
      in_head = false;
    }
    return n;
  };
  auto r = ParseScanReport(ScanFormat::kSarif, read, ScanLimits{.max_results = max});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(r.error().details.at(0).field, "results");
  EXPECT_LT(served, 100000) << "stopped soon after the limit";
}

TEST(ScanReportTest, ResultWithoutIdentityNamesIt) {
  auto r = ParseScanReport(ScanFormat::kTrivy, R"({"SchemaVersion": 2, "ArtifactName": "a",
    "Results": [{"Target": "t", "Vulnerabilities": [{"Severity": "HIGH"}]}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "Results[0].Vulnerabilities[0]");
}

}  // namespace
}  // namespace accord::domain
