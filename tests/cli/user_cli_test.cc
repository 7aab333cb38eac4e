// Bootstrapping a fresh installation: `accord user add` makes the first Security Officer,
// `accord token create --user` gives it an API token, and it signs in over HTTP.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/test_db.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

constexpr const char* kPassword = "a long enough passphrase 7";

class UserCliTest : public ::testing::Test {
 protected:
  std::vector<std::string> Store(std::vector<std::string> args) {
    args.insert(args.end(), {"--data-dir", dir_.str(), "--db", db_});
    return args;
  }
  TempDir dir_;
  std::string db_ = TestDatabaseUrl(dir_);
};

TEST_F(UserCliTest, BootstrapsTheFirstSecurityOfficerOnAFreshStore) {
  auto before = RunAccord(Store({"user", "add", "--email", "so@example.org", "--role",
                                 "security_officer", "--password-stdin"}),
                          std::string(kPassword) + "\n");
  EXPECT_EQ(before.exit_code, 2) << "no organisation yet";
  EXPECT_NE(before.err.find("accord serve"), std::string::npos) << before.err;

  ServerProcess server(Store({"serve", "--listen", "127.0.0.1:0"}));
  ASSERT_TRUE(server.started()) << server.output();

  auto no_stdin =
      RunAccord(Store({"user", "add", "--email", "so@example.org", "--role", "security_officer"}));
  EXPECT_EQ(no_stdin.exit_code, 2);
  EXPECT_NE(no_stdin.err.find("password-stdin"), std::string::npos) << no_stdin.err;
  auto weak = RunAccord(Store({"user", "add", "--email", "so@example.org", "--role",
                               "security_officer", "--password-stdin"}),
                        "password123\n");
  EXPECT_EQ(weak.exit_code, 2);
  EXPECT_EQ(weak.err.find("password123"), std::string::npos) << "never echo the password";

  auto add = RunAccord(Store({"user", "add", "--email", "so@example.org", "--role",
                              "security_officer", "--name", "Sam", "--password-stdin"}),
                       std::string(kPassword) + "\n");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.out.find("attested by the installer"), std::string::npos) << add.out;
  EXPECT_EQ(add.out.find(kPassword), std::string::npos);

  auto token = RunAccord(
      Store({"token", "create", "--user", "so@example.org", "--name", "ci", "--expires", "1d"}));
  ASSERT_EQ(token.exit_code, 0) << token.err;
  std::string secret = token.out.substr(token.out.rfind("acc_"));
  while (!secret.empty() && secret.back() == '\n') secret.pop_back();
  EXPECT_EQ(secret.size(), 47u) << "acc_ + 43 base64url characters, on its own last line";

  HttpResult users =
      HttpCall(server.port(), "GET", "/api/v1/users", "", {{"Authorization", "Bearer " + secret}});
  ASSERT_EQ(users.status, 200) << users.body;
  json::value list = json::parse(users.body);
  const json::array& items = list.at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  const json::object& so = items[0].as_object();
  EXPECT_EQ(so.at("status"), "active");
  EXPECT_EQ(so.at("role"), "security_officer");
  const json::object& records = so.at("attestations").as_object();
  EXPECT_EQ(records.size(), 5u);
  for (const auto& [kind, record] : records) {
    EXPECT_NE(std::string(record.at("evidence").as_string()).find("installer"), std::string::npos)
        << kind;
    EXPECT_EQ(record.at("recorded_by"), "cli") << kind;
  }

  // The password works for the portal: the luma profile asks for TOTP enrolment next.
  HttpResult sign_in =
      HttpCall(server.port(), "POST", "/api/v1/auth/sign-in",
               json::serialize(json::object{{"email", "SO@example.org"}, {"password", kPassword}}),
               {{"Content-Type", "application/json"}});
  ASSERT_EQ(sign_in.status, 200) << sign_in.body;
  EXPECT_EQ(json::parse(sign_in.body).at("state"), "mfa_enrolment_required");
  std::string cookie = sign_in.Header("Set-Cookie");
  for (const char* attr : {"accord_session=", "HttpOnly", "Secure", "SameSite=Strict"}) {
    EXPECT_NE(cookie.find(attr), std::string::npos) << cookie;
  }
  HttpResult wrong = HttpCall(
      server.port(), "POST", "/api/v1/auth/sign-in",
      json::serialize(json::object{{"email", "so@example.org"}, {"password", "not it at all 1"}}),
      {{"Content-Type", "application/json"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.Header("Set-Cookie"), "");
}

}  // namespace
}  // namespace accord::testing
