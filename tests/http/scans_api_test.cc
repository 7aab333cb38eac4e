// Scans over the API (TR-4): CI uploads a Trivy report with an integration token scoped
// scans:write (and nothing else it may do); an officer uploads SARIF; the results are findings
// with source scan on the findings board; bad files get a 4xx naming the field and write nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <iterator>
#include <string>

#include "http/identity_test.h"
#include "support/temp_dir.h"

namespace accord::http::identity_test {
namespace {

std::string Sample(const std::string& rel) {
  std::ifstream in(testing::TestdataDir() / "scans" / rel, std::ios::binary);
  EXPECT_TRUE(in.good()) << rel;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class ScansApiTest : public IdentityTest {
 protected:
  void SetUp() override {
    AddUser("sam@luma.example", "security_officer");
    so_ = SignInAndEnrol("sam@luma.example");
  }
  std::vector<Header> Officer() const {
    auto h = Cookie(so_.secret, so_.csrf);
    h.push_back({"Content-Type", "application/json"});
    return h;
  }
  static std::vector<Header> Bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
  }
  static std::string FirstField(const Reply_& r) {
    const json::value* e = r.body.if_contains("error");
    if (!e || e->at("details").as_array().empty()) return "";
    return std::string(e->at("details").as_array().at(0).at("field").as_string());
  }
  std::string CiToken(const char* scope) {
    Reply_ made = Call("POST", "/api/v1/integration-tokens",
                       json::serialize(json::object{{"name", std::string("ci ") + scope},
                                                    {"scopes", json::array{scope}}}),
                       Cookie(so_.secret, so_.csrf));
    EXPECT_EQ(made.status, 201) << json::serialize(made.body);
    return made.status == 201 ? std::string(made.body["token"].as_string()) : "";
  }
  uint64_t Size() { return f_.LedgerSize(); }
  Signed so_;
};

TEST_F(ScansApiTest, CiUploadsTrivyWithItsScopeAndTheFindingsReachTheBoard) {
  std::string token = CiToken("scans:write");
  Reply_ r = Call("POST", "/api/v1/scans?format=trivy&filename=fluentd.json",
                  Sample("trivy/image-fluentd-os-and-gems.json"), Bearer(token));
  ASSERT_EQ(r.status, 201) << r.text;
  EXPECT_EQ(r.body.at("counts").at("opened").as_int64(), 2);
  EXPECT_EQ(r.body.at("format"), "trivy");
  EXPECT_EQ(r.body.at("imported_by").at("role"), "integration");
  // The token may do nothing else.
  EXPECT_EQ(Call("GET", "/api/v1/scans", "", Bearer(token)).status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/findings", "", Bearer(token)).status, 403);
  // Another scope does not reach the upload.
  Reply_ other =
      Call("POST", "/api/v1/scans?format=trivy", Sample("trivy/image-fluentd-os-and-gems.json"),
           Bearer(CiToken("ledger:read")));
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(FirstField(other), "scopes");

  Reply_ board = Call("GET", "/api/v1/findings?source=scan", "", Officer());
  ASSERT_EQ(board.status, 200) << board.text;
  EXPECT_EQ(board.body.at("items").as_array().size(), 2u);
  Reply_ scans = Call("GET", "/api/v1/scans", "", Officer());
  ASSERT_EQ(scans.status, 200);
  ASSERT_EQ(scans.body.at("items").as_array().size(), 1u);
  std::string id(scans.body.at("items").as_array()[0].at("id").as_string());
  Reply_ one = Call("GET", "/api/v1/scans/" + id, "", Officer());
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.body.at("findings").as_array().size(), 3u) << "two CVEs and the no-system flag";
  Reply_ targets = Call("GET", "/api/v1/scan-targets", "", Officer());
  ASSERT_EQ(targets.status, 200);
  ASSERT_EQ(targets.body.at("items").as_array().size(), 1u);
  EXPECT_TRUE(targets.body.at("items").as_array()[0].at("system_id").is_null());
}

TEST_F(ScansApiTest, OfficerUploadsEverySample) {
  struct S {
    const char* format;
    const char* file;
    const char* target;
  };
  const S samples[] = {
      {"sarif", "sarif/codeql-valid-sarif.sarif.json", "https://git.example/app"},
      {"sarif", "sarif/trivy-alpine-310.sarif.json", "alpine:3.10"},
      {"sarif", "sarif/gitleaks-sarif-simple.sarif.json", "https://git.example/app"},
      {"trivy", "trivy/image-fluentd-os-and-gems.json", ""},
      {"trivy", "trivy/repo-secrets.json", ""},
      {"trivy", "trivy/repo-dockerfile-misconfig.json", ""},
      {"cyclonedx", "cyclonedx/vex-valid-vulnerability-1.6.json", ""},
      {"cyclonedx", "cyclonedx/sbom-valid-bom-1.6.json", ""},
  };
  for (const auto& s : samples) {
    std::string target = std::string("/api/v1/scans?format=") + s.format;
    if (*s.target) target += std::string("&target=") + s.target;
    Reply_ r = Call("POST", target, Sample(s.file), Officer());
    EXPECT_EQ(r.status, 201) << s.file << ": " << r.text;
  }
}

// Issue 24: the scan's time is the file's when it has one, and the answer says where it came
// from; a file without one (these SARIF samples record no invocation) is dated by its upload.
TEST_F(ScansApiTest, TheScanTimeIsTheFilesOrTheUploadsAndTheAnswerSaysWhich) {
  Reply_ trivy = Call("POST", "/api/v1/scans?format=trivy",
                      Sample("trivy/image-fluentd-os-and-gems.json"), Officer());
  ASSERT_EQ(trivy.status, 201) << trivy.text;
  EXPECT_EQ(trivy.body.at("scanned_at"), "2021-08-25T12:20:30.000Z");
  EXPECT_EQ(trivy.body.at("scanned_at_source"), "file");
  EXPECT_EQ(trivy.body.at("scanned_at_field"), "CreatedAt");
  Reply_ bom = Call("POST", "/api/v1/scans?format=cyclonedx",
                    Sample("cyclonedx/sbom-valid-bom-1.6.json"), Officer());
  ASSERT_EQ(bom.status, 201) << bom.text;
  EXPECT_EQ(bom.body.at("scanned_at"), "2020-04-13T20:20:39.000Z");
  EXPECT_EQ(bom.body.at("scanned_at_field"), "metadata.timestamp");
  Reply_ sarif = Call("POST", "/api/v1/scans?format=sarif&target=https://git.example/app",
                      Sample("sarif/codeql-valid-sarif.sarif.json"), Officer());
  ASSERT_EQ(sarif.status, 201) << sarif.text;
  EXPECT_EQ(sarif.body.at("scanned_at_source"), "upload");
  EXPECT_TRUE(sarif.body.at("scanned_at_field").is_null());
  EXPECT_EQ(sarif.body.at("scanned_at"), sarif.body.at("imported_at"));
  // A file dated after its upload (a scanner's clock gone wrong) is dated by the upload.
  json::value late = json::parse(Sample("sarif/codeql-valid-sarif.sarif.json"));
  late.at("runs").as_array()[0].as_object()["invocations"] = json::array{
      json::object{{"executionSuccessful", true}, {"endTimeUtc", "2999-01-01T00:00:00Z"}}};
  Reply_ future = Call("POST", "/api/v1/scans?format=sarif&target=https://git.example/app",
                       json::serialize(late), Officer());
  ASSERT_EQ(future.status, 201) << future.text;
  EXPECT_EQ(future.body.at("scanned_at_source"), "upload");
  // The scan's record keeps it.
  Reply_ one =
      Call("GET", "/api/v1/scans/" + std::string(trivy.body.at("id").as_string()), "", Officer());
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.body.at("scanned_at_source"), "file");
}

TEST_F(ScansApiTest, BadFilesAreRefusedWithTheFieldAndWriteNothing) {
  uint64_t before = Size();
  std::string trivy = Sample("trivy/image-fluentd-os-and-gems.json");
  Reply_ truncated =
      Call("POST", "/api/v1/scans?format=trivy", trivy.substr(0, trivy.size() / 2), Officer());
  EXPECT_EQ(truncated.status, 400) << truncated.text;
  EXPECT_EQ(FirstField(truncated), "body");
  Reply_ no_format = Call("POST", "/api/v1/scans", trivy, Officer());
  EXPECT_EQ(no_format.status, 422);
  EXPECT_EQ(FirstField(no_format), "format");
  Reply_ wrong = Call("POST", "/api/v1/scans?format=sarif", trivy, Officer());
  EXPECT_EQ(wrong.status, 422) << wrong.text;
  EXPECT_EQ(FirstField(wrong), "version");
  Reply_ no_target = Call("POST", "/api/v1/scans?format=sarif",
                          Sample("sarif/codeql-valid-sarif.sarif.json"), Officer());
  EXPECT_EQ(no_target.status, 422);
  EXPECT_EQ(FirstField(no_target), "target");
  // More results than one file may hold: 413 naming results.
  std::string many =
      R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [)";
  for (int i = 0; i < 200001; ++i) {
    many += (i ? "," : "") + std::string(R"({"ruleId":"r","partialFingerprints":{"h":")") +
            std::to_string(i) + "\"}}";
  }
  many += "]}]}";
  Reply_ big = Call("POST", "/api/v1/scans?format=sarif&target=repo", many, Officer());
  EXPECT_EQ(big.status, 413) << big.text.substr(0, 300);
  EXPECT_EQ(FirstField(big), "results");
  EXPECT_EQ(Size(), before);
}

}  // namespace
}  // namespace accord::http::identity_test
