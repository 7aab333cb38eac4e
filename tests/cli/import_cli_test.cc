// `accord import parties` and party-bound tokens, against the store of a running server
// (CONTRACT: CLI writes are safe while servers run).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "support/api_server.h"
#include "support/shared_server_test.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

std::vector<std::string> WithStore(std::vector<std::string> args, const ApiServer& server) {
  args.push_back("--data-dir");
  args.push_back(server.dir().str());
  args.push_back("--db");
  args.push_back(server.db_url());
  return args;
}

std::string WriteFile(const ApiServer& server, const std::string& name, const std::string& text) {
  std::string path = server.dir().str() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

int64_t PartyCount(ApiServer& s, const std::string& q) {
  auto v = s.GetJson("/api/v1/parties?limit=500&q=" + q);
  return static_cast<int64_t>(v.at("items").as_array().size());
}

class ImportCliTest : public SharedServerTest {
 protected:
};

TEST_F(ImportCliTest, ImportsAFileTheServerThenServes) {
  std::string file = WriteFile(s(), "good.csv",
                               "\xEF\xBB\xBFname,kind,status,data_categories,location\r\n"
                               "Zephyr Labs,partner,active,ephi;pii,\"Boston, MA\"\r\n"
                               "Zephyr Cloud,subcontractor,onboarding,,\r\n");
  auto r = RunAccord(WithStore({"import", "parties", file}, s()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported 2 parties"), std::string::npos) << r.out;
  auto v = s().GetJson("/api/v1/parties?q=zephyr%20lab");
  ASSERT_EQ(v.at("items").as_array().size(), 1u) << json::serialize(v);
  const auto& party = v.at("items").as_array()[0].as_object();
  EXPECT_EQ(party.at("location").as_string(), "Boston, MA");
  EXPECT_EQ(party.at("risk_tier").as_string(), "high");  // ePHI 3 + PII 2 + medium 1
}

TEST_F(ImportCliTest, ABadRowImportsNothingAndNamesItsLine) {
  std::string file = WriteFile(s(), "bad.csv",
                               "name,kind\n"
                               "Quasar One,customer\n"
                               "Quasar Two,vendor\n"
                               "Quasar Three,customer\n"
                               "quasar one,partner\n");
  auto r = RunAccord(WithStore({"import", "parties", file}, s()));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find(file + ":3: kind: must be one of"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(file + ":5: name:"), std::string::npos) << r.err;
  EXPECT_EQ(PartyCount(s(), "quasar"), 0);

  r = RunAccord(WithStore({"import", "parties", file, "--skip-invalid"}, s()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported 2 parties"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped " + file + ":3: kind"), std::string::npos) << r.out;
  EXPECT_EQ(PartyCount(s(), "quasar"), 2);
}

TEST_F(ImportCliTest, MalformedFilesAreUsageErrors) {
  struct Case {
    std::string text;
    std::string expect;
  } cases[] = {
      {"name,kind,colour\nA,customer,red\n", "unknown column 'colour'"},
      {"kind\ncustomer\n", "the column 'name' is required"},
      {"name,kind\n\"Open quote,customer\n", "line 2"},
      {"name,kind\nA,customer,extra\n", "line 2"},
  };
  for (const auto& c : cases) {
    std::string file = WriteFile(s(), "malformed.csv", c.text);
    auto r = RunAccord(WithStore({"import", "parties", file}, s()));
    EXPECT_EQ(r.exit_code, 2) << c.text;
    EXPECT_NE(r.err.find(c.expect), std::string::npos) << c.text << "\n" << r.err;
  }
  auto missing = RunAccord(WithStore({"import", "parties", "/nonexistent.csv"}, s()));
  EXPECT_EQ(missing.exit_code, 2);
}

TEST_F(ImportCliTest, ThirdPartyAccountsAndTheirTokensAreBoundToOneParty) {
  auto v = s().GetJson("/api/v1/parties?q=northwind");
  std::string northwind(v.at("items").as_array()[0].at("id").as_string());
  const std::string password = "correct horse battery staple 42";
  auto add = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"user", "add", "--password-stdin"};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunAccord(WithStore(args, s()), password + "\n");
  };
  auto unbound = add({"--email", "x@northwind.example", "--role", "third_party_contact"});
  EXPECT_EQ(unbound.exit_code, 2);
  EXPECT_NE(unbound.err.find("party"), std::string::npos) << unbound.err;
  auto wrong = add({"--email", "y@northwind.example", "--role", "staff", "--party", northwind});
  EXPECT_EQ(wrong.exit_code, 2);
  auto unknown =
      add({"--email", "z@northwind.example", "--role", "third_party_contact", "--party", "pty_x"});
  EXPECT_EQ(unknown.exit_code, 2);
  auto weak =
      RunAccord(WithStore({"user", "add", "--password-stdin", "--email", "w@northwind.example",
                           "--role", "third_party_contact", "--party", northwind},
                          s()),
                "short\n");
  EXPECT_EQ(weak.exit_code, 2);
  EXPECT_NE(weak.err.find("password"), std::string::npos) << weak.err;
  EXPECT_EQ(weak.err.find("short"), std::string::npos) << "the password must not be echoed";

  auto created = add(
      {"--email", "nw@northwind.example", "--role", "third_party_contact", "--party", northwind});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  auto again = add(
      {"--email", "NW@northwind.example", "--role", "third_party_contact", "--party", northwind});
  EXPECT_EQ(again.exit_code, 2) << "emails are unique, case-insensitively";

  // A token acts as its account: the third party's token inherits the party.
  auto wider = RunAccord(WithStore(
      {"token", "create", "--user", "nw@northwind.example", "--name", "x", "--role", "staff"},
      s()));
  EXPECT_EQ(wider.exit_code, 2) << "a token may not widen its account's role";
  auto r = RunAccord(
      WithStore({"token", "create", "--user", "nw@northwind.example", "--name", "nw"}, s()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string token = r.out.substr(r.out.rfind("acc_"));
  while (!token.empty() && token.back() == '\n') token.pop_back();
  auto list = HttpCall(s().port(), "GET", "/api/v1/parties?limit=500", "",
                       {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(list.status, 200) << list.body;
  auto items = json::parse(list.body).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("id").as_string(), northwind);
}

// Issue 24: a Trivy report imported from the command line into the running server's store; the
// same report again changes nothing, a wrong format names the field and writes nothing.
TEST_F(ImportCliTest, ImportsAScanAndAgainChangesNothing) {
  std::string report = R"json({"SchemaVersion": 2, "ArtifactName": "cli.example/app:1",
    "ArtifactType": "container_image", "Results": [{"Target": "app (debian 12)",
    "Vulnerabilities": [{"VulnerabilityID": "CVE-2024-0001", "PkgName": "zlib",
    "Severity": "HIGH"}]}]})json";
  std::string file = WriteFile(s(), "trivy.json", report);
  auto first = RunAccord(WithStore({"import", "scan", file, "--format", "trivy"}, s()));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("1 new"), std::string::npos) << first.out;
  auto again = RunAccord(WithStore({"import", "scan", file, "--format", "trivy"}, s()));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("0 new"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("1 unchanged"), std::string::npos) << again.out;
  uint64_t before = s().LedgerSize();
  auto wrong = RunAccord(WithStore({"import", "scan", file, "--format", "sarif"}, s()));
  EXPECT_NE(wrong.exit_code, 0);
  EXPECT_NE(wrong.err.find("version"), std::string::npos) << wrong.err;
  EXPECT_EQ(s().LedgerSize(), before);
  auto v = s().GetJson("/api/v1/findings?source=scan&limit=100");
  bool found = false;
  for (const auto& f : v.at("items").as_array()) {
    found |= f.at("title").as_string().starts_with("CVE-2024-0001 in zlib");
  }
  EXPECT_TRUE(found) << json::serialize(v);
}

}  // namespace
}  // namespace accord::testing
