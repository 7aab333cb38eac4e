// Integration tokens (issue 19): made by the Security Officer from a signed-in session for a
// system, with named scopes; they reach only the routes that name a scope of theirs, belong
// to no person, are listed and revoked like other tokens, and never enter the ledger as
// secrets.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "http/identity_test.h"

namespace accord::http::identity_test {
namespace {

class IntegrationTokenTest : public IdentityTest {
 protected:
  Reply_ Make(const Signed& s, const json::object& body) {
    return Call("POST", "/api/v1/integration-tokens", json::serialize(body),
                Cookie(s.secret, s.csrf));
  }
  static std::vector<Header> Bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
  }
  static std::string FirstField(const Reply_& r) {
    const json::value* d = r.body.if_contains("error");
    if (!d || d->at("details").as_array().empty()) return "";
    return std::string(d->at("details").as_array().at(0).at("field").as_string());
  }
};

TEST_F(IntegrationTokenTest, ASystemReadsTheLedgerWithItsScopeAndNothingElse) {
  AddUser("sam@luma.example", "security_officer");
  Signed so = SignInAndEnrol("sam@luma.example");
  Reply_ made = Make(so, {{"name", "ledger witness"}, {"scopes", json::array{"ledger:read"}}});
  ASSERT_EQ(made.status, 201) << json::serialize(made.body);
  std::string token(made.body["token"].as_string());
  std::string id(made.body["id"].as_string());
  EXPECT_TRUE(token.starts_with("acc_"));

  EXPECT_EQ(Call("GET", "/api/v1/ledger/entries?limit=2", "", Bearer(token)).status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/ledger/roots/1", "", Bearer(token)).status, 200);
  // No scope names these: forbidden, and the answer says what it would need.
  Reply_ parties = Call("GET", "/api/v1/parties", "", Bearer(token));
  EXPECT_EQ(parties.status, 403);
  EXPECT_EQ(FirstField(parties), "scopes");
  EXPECT_EQ(Call("GET", "/api/v1/auth/session", "", Bearer(token)).status, 401)
      << "a session route is not for tokens";
  EXPECT_EQ(Call("POST", "/api/v1/integration-tokens",
                 R"({"name":"again","scopes":["ledger:read"]})", Bearer(token))
                .status,
            403);

  // Listed with the other tokens: no person, its scopes.
  Reply_ list = Call("GET", "/api/v1/tokens", "", Cookie(so.secret, so.csrf));
  ASSERT_EQ(list.status, 200);
  bool found = false;
  for (const auto& t : list.body["items"].as_array()) {
    if (t.at("id") != id.c_str()) continue;
    found = true;
    EXPECT_EQ(t.at("role"), "integration");
    EXPECT_TRUE(t.at("user_id").is_null());
    EXPECT_EQ(t.at("scopes"), (json::array{"ledger:read"}));
    // Used a moment ago: the list says when.
    EXPECT_EQ(t.at("last_used_at"), FormatRfc3339(f_.clock().Now()).c_str());
  }
  EXPECT_TRUE(found);

  // Made by the officer, recorded without its secret.
  auto size = Call("GET", "/api/v1/ledger/entries?limit=1000", "", Bearer(token));
  bool recorded = false;
  for (const auto& e : size.body["items"].as_array()) {
    const json::value& event = e.at("event");
    if (event.at("type") != "token.created" || event.at("subject").at("id") != id.c_str()) continue;
    recorded = true;
    EXPECT_EQ(event.at("actor").at("role"), "security_officer");
    EXPECT_EQ(event.at("payload").at("scopes"), (json::array{"ledger:read"}));
    EXPECT_FALSE(event.at("payload").as_object().contains("user_id"));
    EXPECT_EQ(json::serialize(e).find(token), std::string::npos) << "the secret stays out";
  }
  EXPECT_TRUE(recorded);

  // Revoked like any token: refused once the other servers' caches age out.
  EXPECT_EQ(Call("DELETE", "/api/v1/tokens/" + id, "", Cookie(so.secret, so.csrf)).status, 200);
  f_.clock().Advance(kAuthCacheTtl + std::chrono::milliseconds(1));
  EXPECT_EQ(Call("GET", "/api/v1/ledger/entries?limit=2", "", Bearer(token)).status, 401);
}

TEST_F(IntegrationTokenTest, OnlyTheSecurityOfficerMakesThemFromASessionWithKnownScopes) {
  AddUser("sam@luma.example", "security_officer");
  AddUser("pat@luma.example", "privacy_officer");
  Signed so = SignInAndEnrol("sam@luma.example");
  Signed po = SignInAndEnrol("pat@luma.example");
  json::object ok{{"name", "scanner"}, {"scopes", json::array{"scans:write"}}};
  EXPECT_EQ(Make(po, ok).status, 403) << "the Security Officer's alone";

  Reply_ unknown = Make(so, {{"name", "x"}, {"scopes", json::array{"everything"}}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(FirstField(unknown).starts_with("scopes")) << json::serialize(unknown.body);
  Reply_ none = Make(so, {{"name", "x"}, {"scopes", json::array{}}});
  EXPECT_EQ(none.status, 422) << json::serialize(none.body);
  Reply_ unbound = Make(so, {{"name", "sla"}, {"scopes", json::array{"sla_measurements:write"}}});
  EXPECT_EQ(unbound.status, 422);
  EXPECT_EQ(FirstField(unbound), "party_id");
  Reply_ stray = Make(so, {{"name", "x"},
                           {"scopes", json::array{"ledger:read"}},
                           {"party_id", "pty_01abcdefghjkmnpqrstvwxyz0"}});
  EXPECT_EQ(stray.status, 422);
  EXPECT_EQ(FirstField(stray), "party_id");
  Reply_ ghost = Make(so, {{"name", "sla"},
                           {"scopes", json::array{"sla_measurements:write"}},
                           {"party_id", "pty_01abcdefghjkmnpqrstvwxyz0"}});
  EXPECT_EQ(ghost.status, 422);
  EXPECT_EQ(FirstField(ghost), "party_id");
  Reply_ past = Make(so, {{"name", "x"},
                          {"scopes", json::array{"ledger:read"}},
                          {"expires_at", "2020-01-01T00:00:00Z"}});
  EXPECT_EQ(past.status, 422);
  EXPECT_EQ(FirstField(past), "expires_at");
  // Nothing was made by the refusals.
  Reply_ list = Call("GET", "/api/v1/tokens", "", Cookie(so.secret, so.csrf));
  for (const auto& t : list.body["items"].as_array()) EXPECT_NE(t.at("role"), "integration");

  Reply_ made = Make(so, ok);
  ASSERT_EQ(made.status, 201) << json::serialize(made.body);
  // A token never makes another, whatever its role.
  std::vector<Header> bearer = Bearer(std::string(made.body["token"].as_string()));
  EXPECT_EQ(Call("POST", "/api/v1/integration-tokens", json::serialize(ok), bearer).status, 403);
}

}  // namespace
}  // namespace accord::http::identity_test
