// Vulnerability scans (TR-4) with the fake clock: three successive scans of one image are
// de-duplicated (a result seen before appends nothing, one gone is resolved, one back is
// reopened with a new deadline), deadlines follow the profile's remediation days exactly and the
// review schedule marks the late one overdue; a new target is flagged until it has a system; VEX
// "not affected" resolves the matching finding; a stale target raises a finding; a refused scan
// writes nothing. Runs on PostgreSQL with ACCORD_TEST_BACKEND=postgres.
#include "accord/storage/scans.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <string>
#include <vector>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/policy/profile.h"
#include "accord/storage/audit_calendar.h"
#include "accord/storage/ledger_audit.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/reviews.h"
#include "support/runtime_fixture.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using domain::StateString;
using std::chrono::days;

const domain::Actor kCi{"tok_ci", "integration"};
const domain::Actor kOfficer{"usr_test_officer", "security_officer"};

// A Trivy image report with these (vulnerability, package, severity) results.
std::string Trivy(const std::string& image,
                  const std::vector<std::tuple<std::string, std::string, std::string>>& vulns) {
  json::array list;
  for (const auto& [id, pkg, sev] : vulns) {
    list.push_back(json::object{{"VulnerabilityID", id},
                                {"PkgName", pkg},
                                {"InstalledVersion", "1.0"},
                                {"FixedVersion", "1.1"},
                                {"Severity", sev},
                                {"Title", "a flaw in " + pkg}});
  }
  json::object report{{"SchemaVersion", 2},
                      {"ArtifactName", image},
                      {"ArtifactType", "container_image"},
                      {"Results", json::array{json::object{{"Target", image + " (debian 12)"},
                                                           {"Class", "os-pkgs"},
                                                           {"Vulnerabilities", std::move(list)}}}}};
  return json::serialize(report);
}

class ScansTest : public ::testing::Test {
 protected:
  ScansTest() {
    auto profile = policy::LoadProfile("luma");
    EXPECT_TRUE(profile.ok());
    if (profile.ok()) profile_ = std::move(*profile);
  }
  const policy::ReviewsPolicy& policy() const { return profile_.reviews; }

  Result<json::value> TryImport(const std::string& text, domain::ScanFormat format,
                                const std::string& system_id = "") {
    auto report = domain::ParseScanReport(format, text);
    if (!report.ok()) return std::move(report).error();
    storage::ScanImport in{.report = std::move(*report), .system_id = system_id};
    return f_.rt().log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto r = storage::ImportScan(c, kCi, in, policy());
      if (!r.ok()) return std::move(r).error();
      return json::value(std::move(*r));
    });
  }
  json::object Import(const std::string& text,
                      domain::ScanFormat format = domain::ScanFormat::kTrivy,
                      const std::string& system_id = "") {
    auto r = TryImport(text, format, system_id);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
    return r.ok() ? r->as_object() : json::object{};
  }
  // Scan findings by their rule (CVE id), current state.
  std::map<std::string, json::object> Findings() {
    std::map<std::string, json::object> out;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto page = storage::ListObjects(
                          tx, storage::ListQuery{.kind = "finding", .limit = 500},
                          storage::Scope{});
                      if (!page.ok()) return std::move(page).error();
                      for (auto& o : page->items) {
                        const json::value* scan = o.doc.if_contains("scan");
                        if (!scan || !scan->is_object()) continue;
                        out[StateString(scan->as_object(), "rule")] = o.doc;
                      }
                      return Ok();
                    })
                    .ok());
    return out;
  }
  std::string Days(TimePoint from, int n) { return FormatRfc3339(from + days(n)); }
  int64_t Count(const json::object& scan, const char* key) {
    return scan.at("counts").as_object().at(key).as_int64();
  }

  RuntimeFixture f_;
  policy::Profile profile_;
};

TEST_F(ScansTest, ThreeScansDeduplicateWithExactDeadlinesAndOverdue) {
  const std::string image = "registry.example/luma/api:1";
  const int crit = policy().RemediationDays("critical"), high = policy().RemediationDays("high"),
            med = policy().RemediationDays("medium");
  ASSERT_GT(crit, 0);
  ASSERT_LT(crit + 3, high);

  // Scan 1: two vulnerabilities; the image is new and belongs to no system.
  TimePoint t1 = f_.clock().Now();
  json::object s1 =
      Import(Trivy(image, {{"CVE-1", "openssl", "CRITICAL"}, {"CVE-2", "zlib", "HIGH"}}));
  EXPECT_EQ(Count(s1, "opened"), 2);
  EXPECT_TRUE(s1.at("target_new").as_bool());
  auto f = Findings();
  ASSERT_EQ(f.size(), 3u);  // two vulnerabilities and the "no system" flag
  EXPECT_EQ(StateString(f["CVE-1"], "due_at"), Days(t1, crit));
  EXPECT_EQ(StateString(f["CVE-2"], "due_at"), Days(t1, high));
  EXPECT_EQ(StateString(f["CVE-1"], "source").empty(), true);
  EXPECT_EQ(StateString(f["CVE-1"].at("source").as_object(), "kind"), "scan");
  EXPECT_EQ(StateString(f["target_no_system"], "status"), "open");

  // Scan 2, three days later: CVE-1 fixed, CVE-2 still there, CVE-3 new. Only the changes are
  // written: one resolution, one new finding and the scan itself.
  f_.clock().Advance(days(3));
  TimePoint t2 = f_.clock().Now();
  uint64_t before = f_.LedgerSize();
  json::object s2 = Import(Trivy(image, {{"CVE-2", "zlib", "HIGH"}, {"CVE-3", "curl", "MEDIUM"}}));
  EXPECT_EQ(f_.LedgerSize() - before, 3u);
  EXPECT_EQ(Count(s2, "opened"), 1);
  EXPECT_EQ(Count(s2, "resolved"), 1);
  EXPECT_EQ(Count(s2, "unchanged"), 1);
  f = Findings();
  EXPECT_EQ(StateString(f["CVE-1"], "status"), "resolved");
  EXPECT_EQ(StateString(f["CVE-1"].at("resolution").as_object(), "scan_id"), StateString(s2, "id"));
  EXPECT_EQ(StateString(f["CVE-2"], "due_at"), Days(t1, high)) << "unchanged: same deadline";
  EXPECT_EQ(StateString(f["CVE-3"], "due_at"), Days(t2, med));

  // The same scan again writes only the scan.
  before = f_.LedgerSize();
  json::object again =
      Import(Trivy(image, {{"CVE-2", "zlib", "HIGH"}, {"CVE-3", "curl", "MEDIUM"}}));
  EXPECT_EQ(f_.LedgerSize() - before, 1u);
  EXPECT_EQ(Count(again, "unchanged"), 2);

  // Past CVE-2's deadline the schedule marks it overdue, and nothing else.
  f_.clock().Set(ParseRfc3339(Days(t1, high)).value() + std::chrono::seconds(1));
  auto run = storage::RunReviewSchedule(f_.rt().log(), policy());
  ASSERT_TRUE(run.ok()) << run.error().ToString();
  f = Findings();
  EXPECT_TRUE(f["CVE-2"].at("overdue").as_bool());
  EXPECT_FALSE(f["CVE-3"].at("overdue").as_bool());

  // Scan 3: CVE-1 is back (reopened, a new deadline from today), CVE-3 fixed, CVE-2 overdue.
  f_.clock().Advance(days(1));
  TimePoint t3 = f_.clock().Now();
  json::object s3 =
      Import(Trivy(image, {{"CVE-1", "openssl", "CRITICAL"}, {"CVE-2", "zlib", "HIGH"}}));
  EXPECT_EQ(Count(s3, "reopened"), 1);
  EXPECT_EQ(Count(s3, "resolved"), 1);
  EXPECT_EQ(Count(s3, "unchanged"), 1);
  EXPECT_EQ(Count(s3, "opened"), 0);
  f = Findings();
  EXPECT_EQ(StateString(f["CVE-1"], "status"), "open");
  EXPECT_EQ(StateString(f["CVE-1"], "due_at"), Days(t3, crit));
  EXPECT_FALSE(f["CVE-1"].at("overdue").as_bool());
  EXPECT_EQ(StateString(f["CVE-3"], "status"), "resolved");
  EXPECT_TRUE(f["CVE-2"].at("overdue").as_bool());

  // The target list: one image, its open findings and that one is overdue.
  json::array targets;
  ASSERT_TRUE(f_.rt()
                  .store()
                  .Read([&](storage::Tx& tx) -> Status {
                    auto r = storage::ListScanTargets(tx, f_.clock().Now(), policy());
                    if (!r.ok()) return std::move(r).error();
                    targets = std::move(*r);
                    return Ok();
                  })
                  .ok());
  ASSERT_EQ(targets.size(), 1u);
  const json::object& t = targets[0].as_object();
  EXPECT_EQ(StateString(t, "name"), image);
  EXPECT_EQ(t.at("open_findings").as_object().at("overdue").as_int64(), 1);
  EXPECT_EQ(StateString(t, "next_scan_due_at"), Days(t3, policy().scan_cadence_days));
}

TEST_F(ScansTest, NewTargetIsFlaggedUntilItHasASystem) {
  std::string sys = StateString(f_.rt()
                                    .log()
                                    .Execute([&](storage::CommandContext& c) {
                                      return storage::CreateRegistryObject(
                                          c, "system", "",
                                          json::object{{"name", "API"},
                                                       {"environment", "production"},
                                                       {"contains_ephi", false},
                                                       {"owner", "Platform team"}},
                                          kOfficer);
                                    })
                                    .value()
                                    .as_object(),
                                "id");
  ASSERT_FALSE(sys.empty());
  Import(Trivy("img:a", {{"CVE-9", "libx", "LOW"}}));
  EXPECT_EQ(StateString(Findings()["target_no_system"], "status"), "open");
  Import(Trivy("img:a", {{"CVE-9", "libx", "LOW"}}), domain::ScanFormat::kTrivy, sys);
  EXPECT_EQ(StateString(Findings()["target_no_system"], "status"), "resolved");
  // Another image scanned with its system from the start is never flagged.
  Import(Trivy("img:b", {}), domain::ScanFormat::kTrivy, sys);
  int flags = 0;
  for (const auto& [rule, doc] : Findings()) flags += rule == "target_no_system";
  EXPECT_EQ(flags, 1);
}

TEST_F(ScansTest, VexNotAffectedResolvesTheFindingAndKeepsItResolved) {
  const std::string vuln = "SNYK-JAVA-COMFASTERXMLJACKSONCORE-32111";
  Import(Trivy("img:java", {{vuln, "jackson-databind", "HIGH"}}));
  EXPECT_EQ(StateString(Findings()[vuln], "status"), "open");
  json::object vex = Import(
      R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"bom-ref": "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.4", "name": "jackson-databind"}],
          "vulnerabilities": [{"id": ")" +
          vuln +
          R"(", "affects": [{"ref": "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.4"}],
          "analysis": {"state": "not_affected", "justification": "code_not_reachable", "detail": "never called"}}]})",
      domain::ScanFormat::kCycloneDx);
  EXPECT_EQ(Count(vex, "not_affected"), 1);
  json::object f = Findings()[vuln];
  EXPECT_EQ(StateString(f, "status"), "resolved");
  const json::object& statement = f.at("resolution").as_object().at("vex").as_object();
  EXPECT_EQ(StateString(statement, "justification"), "code_not_reachable");
  EXPECT_EQ(StateString(statement, "detail"), "never called");
  // The next scan still reports it: the statement stands, nothing reopens.
  json::object next = Import(Trivy("img:java", {{vuln, "jackson-databind", "HIGH"}}));
  EXPECT_EQ(Count(next, "reopened"), 0);
  EXPECT_EQ(StateString(Findings()[vuln], "status"), "resolved");
}

TEST_F(ScansTest, TargetNotScannedWithinTheCadenceRaisesOneFinding) {
  Import(Trivy("img:old", {}));
  f_.clock().Advance(days(policy().scan_cadence_days) + std::chrono::hours(1));
  auto n = storage::RaiseStaleScanTargets(f_.rt().log(), policy());
  ASSERT_TRUE(n.ok()) << n.error().ToString();
  EXPECT_EQ(*n, 1);
  auto again = storage::RaiseStaleScanTargets(f_.rt().log(), policy());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0) << "once while it stands";
  EXPECT_EQ(StateString(Findings()["target_not_scanned"], "status"), "open");
  Import(Trivy("img:old", {}));
  EXPECT_EQ(StateString(Findings()["target_not_scanned"], "status"), "resolved");
  // Late again a cadence later: a new finding (the first stays resolved).
  f_.clock().Advance(days(policy().scan_cadence_days) + std::chrono::hours(1));
  auto later = storage::RaiseStaleScanTargets(f_.rt().log(), policy());
  ASSERT_TRUE(later.ok()) << later.error().ToString();
  EXPECT_EQ(*later, 1);
}

TEST_F(ScansTest, RebuildReproducesTheScanReadModels) {
  Import(Trivy("img:r", {{"CVE-7", "libr", "HIGH"}}));
  Import(Trivy("img:r", {}));
  storage::Projections all = storage::DefaultProjections();
  auto before = storage::ReadModelDigest(f_.rt().store(), all);
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(storage::RebuildReadModels(f_.rt().store(), all).ok());
  auto after = storage::ReadModelDigest(f_.rt().store(), all);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*before, *after);
}

TEST_F(ScansTest, RefusedScanWritesNothing) {
  uint64_t before = f_.LedgerSize();
  // A SARIF file that names no target, without ?target=.
  auto r = TryImport(R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
      "results": [{"ruleId": "r1", "message": {"text": "m"}}]}]})",
                     domain::ScanFormat::kSarif);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "target");
  auto bad_system =
      TryImport(Trivy("img:c", {{"CVE-1", "a", "LOW"}}), domain::ScanFormat::kTrivy, "sys_missing");
  ASSERT_FALSE(bad_system.ok());
  EXPECT_EQ(bad_system.error().details.at(0).field, "system_id");
  EXPECT_EQ(f_.LedgerSize(), before);
}

// The audit calendar shows each target's next scan on the day it falls due, overdue once past.
TEST_F(ScansTest, CalendarShowsWhenEachTargetIsNextDue) {
  Import(Trivy("img:calendar", {}));
  const TimePoint scanned = f_.clock().Now();
  auto read = [&](TimePoint now) {
    storage::CalendarWindow w{
        .from = now - days(400), .to = now + days(400), .now = now, .reviews = &policy()};
    std::vector<storage::CalendarItem> found;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto items = storage::ReadAuditCalendar(tx, w, {"security_officer", ""});
                      if (!items.ok()) return std::move(items).error();
                      for (auto& i : *items) {
                        if (i.kind == "scan_due") found.push_back(i);
                      }
                      return Ok();
                    })
                    .ok());
    return found;
  };
  auto due = read(scanned);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].title, "Scan due: img:calendar");
  EXPECT_EQ(FormatRfc3339(due[0].at), FormatRfc3339(scanned + days(policy().scan_cadence_days)));
  EXPECT_EQ(due[0].status, "due");
  f_.clock().Advance(days(policy().scan_cadence_days) + std::chrono::hours(1));
  auto late = read(f_.clock().Now());
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].status, "overdue");
}

// Issue 24's import cost: a code result's finding keeps what it has (no empty package or
// versions) and is found by the words of what was found, with their prefixes, and by the whole
// words of where; a vulnerability keeps its package and versions.
TEST_F(ScansTest, CodeFindingsAreFoundByWhatWholeWordsOfWhereAndStoreNoEmptyFields) {
  Import(R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "CodeQL", "rules": [
      {"id": "js/sql-injection", "shortDescription": {"text": "SQL injection"}}]}},
      "versionControlProvenance": [{"repositoryUri": "https://git.example/app"}],
      "results": [{"ruleId": "js/sql-injection", "message": {"text": "user input reaches a query"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/routes/login.js"},
                                            "region": {"startLine": 42}}}]}]}]})",
         domain::ScanFormat::kSarif);
  Import(Trivy("img:search", {{"CVE-9", "libsearch", "HIGH"}}));
  auto titles = [&](const std::string& q) {
    std::vector<std::string> out;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto page = storage::ListObjects(
                          tx, storage::ListQuery{.kind = "finding", .q = q, .limit = 50},
                          storage::Scope{});
                      if (!page.ok()) return std::move(page).error();
                      for (auto& o : page->items) out.push_back(StateString(o.doc, "title"));
                      return Ok();
                    })
                    .ok());
    return out;
  };
  const std::vector<std::string> code = {"SQL injection (src/routes/login.js:42)"};
  EXPECT_EQ(titles("sql inj"), code);
  EXPECT_EQ(titles("login"), code);
  EXPECT_EQ(titles("routes 42"), code);
  EXPECT_EQ(titles("injection login.js"), code);
  EXPECT_TRUE(titles("log").empty());
  EXPECT_TRUE(titles("rout").empty());
  EXPECT_EQ(titles("libsea").size(), 1u);
  auto f = Findings();
  const json::object& scan = f["js/sql-injection"].at("scan").as_object();
  EXPECT_EQ(StateString(scan, "location"), "src/routes/login.js:42");
  for (const char* absent : {"package", "installed_version", "fixed_version", "system_id"}) {
    EXPECT_FALSE(scan.contains(absent)) << absent;
  }
  const json::object& vuln = f["CVE-9"].at("scan").as_object();
  EXPECT_EQ(StateString(vuln, "package"), "libsearch");
  EXPECT_EQ(StateString(vuln, "installed_version"), "1.0");
  EXPECT_EQ(StateString(vuln, "fixed_version"), "1.1");
}

}  // namespace
}  // namespace accord::testing
