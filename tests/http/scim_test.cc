// SCIM 2.0 provisioning (issue 25) in-process with a fake clock: the identity provider's
// integration token creates an account, its group gives the role, the person signs in through
// the provider, and deprovisioning ends the session at once.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "accord/http/oidc.h"
#include "http/identity_test.h"
#include "support/oidc_provider.h"

namespace accord::http::identity_test {
namespace {

using testing::QueryOf;
using testing::TestKey;
using testing::TestOidcProvider;

class ScimTest : public IdentityTest {
 protected:
  ScimTest() : key_("k1") {
    provider_.Publish({&key_});
    OidcSettings s;
    s.issuer = provider_.issuer();
    s.client_id = "accord";
    s.client_secret = provider_.secret();
    s.group_roles = {{"accord-staff", "staff"}, {"accord-auditors", "auditor"}};
    s.password_accounts = {"Sam@luma.example"};
    s.display_name = "Acme SSO";
    client_ = std::make_unique<OidcClient>(s, f_.clock());
    deps_.oidc = client_.get();
    AddUser("sam@luma.example", "security_officer");
    so_ = SignInAndEnrol("sam@luma.example");
    Reply_ made =
        Call("POST", "/api/v1/integration-tokens",
             R"({"name": "identity provider", "scopes": ["scim"]})", Cookie(so_.secret, so_.csrf));
    EXPECT_EQ(made.status, 201) << json::serialize(made.body);
    token_ = std::string(made.body["token"].as_string());
  }

  Reply_ Scim(const std::string& method, const std::string& target, const std::string& body = "") {
    std::vector<Header> h{{"Authorization", "Bearer " + token_}};
    if (!body.empty()) h.push_back({"Content-Type", "application/scim+json"});
    return Call(method, target, body, h);
  }

  // Through the provider: the flow's start, the provider's answer, the return.
  Reply_ SignInWithProvider(const std::string& email) {
    Reply_ start = Call("GET", "/api/v1/auth/oidc/start");
    EXPECT_EQ(start.status, 302);
    auto q = QueryOf(start.location);
    int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(f_.clock().Now().time_since_epoch())
            .count();
    json::object claims{{"iss", provider_.issuer()}, {"aud", "accord"},
                        {"sub", "idp-" + email},     {"email", email},
                        {"email_verified", true},    {"amr", json::array{"pwd", "mfa"}},
                        {"nonce", q["nonce"]},       {"iat", now},
                        {"exp", now + 300}};
    provider_.Expect("code-" + email, q["code_challenge"], key_.Sign(claims));
    return Call("GET", "/api/v1/auth/oidc/callback?code=code-" + email + "&state=" + q["state"]);
  }

  TestKey key_;
  TestOidcProvider provider_;
  std::unique_ptr<OidcClient> client_;
  Signed so_;
  std::string token_;
};

TEST_F(ScimTest, ProvisionSignInDeprovision) {
  Reply_ made = Scim("POST", "/scim/v2/Users",
                     R"({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                         "userName": "Ada@luma.example",
                         "name": {"givenName": "Ada", "familyName": "Lovelace"},
                         "active": true})");
  ASSERT_EQ(made.status, 201) << json::serialize(made.body);
  std::string id(made.body["id"].as_string());
  EXPECT_EQ(made.body["userName"], "ada@luma.example");
  EXPECT_EQ(made.body["displayName"], "Ada Lovelace");

  Reply_ again = Scim("POST", "/scim/v2/Users", R"({"userName": "ada@luma.example"})");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body["status"], "409");
  EXPECT_EQ(again.body["scimType"], "uniqueness");
  EXPECT_EQ(again.body["schemas"].as_array()[0], "urn:ietf:params:scim:api:messages:2.0:Error");

  Reply_ found = Scim("GET", "/scim/v2/Users?filter=userName%20eq%20%22ADA@luma.example%22");
  ASSERT_EQ(found.status, 200);
  EXPECT_EQ(found.body["totalResults"], 1);
  EXPECT_EQ(found.body["Resources"].as_array()[0].at("id").as_string(), id);
  Reply_ page = Scim("GET", "/scim/v2/Users?startIndex=2&count=1");
  EXPECT_EQ(page.body["itemsPerPage"], 1);
  EXPECT_EQ(page.body["startIndex"], 2);
  EXPECT_GE(page.body["totalResults"].as_int64(), 2);
  Reply_ bad = Scim("GET", "/scim/v2/Users?filter=emails%20co%20%22x%22");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["scimType"], "invalidFilter");

  // The group makes the role; the onboarding gate still stands before sign-in.
  Reply_ grouped = Scim("PATCH", "/scim/v2/Groups/accord-auditors",
                        R"({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                            "Operations": [{"op": "add", "path": "members",
                                            "value": [{"value": ")" +
                            id + R"("}]}]})");
  ASSERT_EQ(grouped.status, 204) << json::serialize(grouped.body);
  Reply_ read = Scim("GET", "/scim/v2/Users/" + id);
  EXPECT_EQ(read.body["groups"].as_array()[0].at("value"), "accord-auditors");
  Reply_ group = Scim("GET", "/scim/v2/Groups/accord-auditors");
  EXPECT_EQ(group.body["members"].as_array().size(), 1u);
  EXPECT_EQ(SignInWithProvider("ada@luma.example").status, 403) << "pending until activated";
  ASSERT_EQ(Call("POST", "/api/v1/users/" + id + "/actions",
                 R"({"action": "activate", "comment": "engagement starts"})",
                 Cookie(so_.secret, so_.csrf))
                .status,
            200);

  Reply_ in = SignInWithProvider("ada@luma.example");
  ASSERT_EQ(in.status, 200);
  auto ada = Cookie(CookieValue(in.set_cookie));
  EXPECT_EQ(Call("GET", "/api/v1/parties", "", ada).status, 200);

  Reply_ off = Scim("PATCH", "/scim/v2/Users/" + id,
                    R"({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                        "Operations": [{"op": "Replace", "value": {"active": "False"}}]})");
  ASSERT_EQ(off.status, 200) << json::serialize(off.body);
  EXPECT_EQ(off.body["active"], false);
  // The very next request of the session is refused: no waiting for the auth cache.
  EXPECT_EQ(Call("GET", "/api/v1/parties", "", ada).status, 401);
  EXPECT_EQ(SignInWithProvider("ada@luma.example").status, 403);

  // Delete deactivates too (the ledger keeps the account); a person's token cannot provision.
  Reply_ bob = Scim("POST", "/scim/v2/Users", R"({"userName": "bob@luma.example"})");
  std::string bob_id(bob.body["id"].as_string());
  EXPECT_EQ(Scim("DELETE", "/scim/v2/Users/" + bob_id).status, 204);
  EXPECT_EQ(Scim("GET", "/scim/v2/Users/" + bob_id).body["active"], false);
  EXPECT_EQ(Scim("GET", "/scim/v2/Users/usr_nobody").status, 404);
  EXPECT_EQ(Call("GET", "/scim/v2/Users", "", Cookie(so_.secret, so_.csrf)).status, 403);
}

// The router's own refusals of /scim/v2/* speak RFC 7644 3.12, as the handlers do: an identity
// provider's SCIM client reads status and detail there, not Accord's error shape.
TEST_F(ScimTest, RouterRefusalsAreScimErrors) {
  auto expect_scim_error = [](Reply_ r, int status) {
    EXPECT_EQ(r.status, status);
    EXPECT_EQ(r.content_type, "application/scim+json");
    EXPECT_EQ(r.body["schemas"], json::array{"urn:ietf:params:scim:api:messages:2.0:Error"});
    EXPECT_EQ(r.body["status"], json::value(std::to_string(status)));
    EXPECT_FALSE(r.body["detail"].as_string().empty()) << json::serialize(r.body);
    EXPECT_FALSE(r.body.contains("error"));
  };
  expect_scim_error(Call("GET", "/scim/v2/Users"), 401);
  Reply_ made =
      Call("POST", "/api/v1/integration-tokens",
           R"({"name": "ledger reader", "scopes": ["ledger:read"]})", Cookie(so_.secret, so_.csrf));
  ASSERT_EQ(made.status, 201) << json::serialize(made.body);
  std::vector<Header> other{
      {"Authorization", "Bearer " + std::string(made.body["token"].as_string())}};
  Reply_ refused = Call("GET", "/scim/v2/Users", "", other);
  expect_scim_error(refused, 403);
  EXPECT_NE(refused.body["detail"].as_string().find("scim"), std::string::npos);
  // Accord's own routes keep Accord's shape.
  EXPECT_TRUE(Call("GET", "/api/v1/parties").body.contains("error"));
}

TEST_F(ScimTest, ProfileMayRequireSingleSignOn) {
  AddUser("kim@luma.example", "staff");
  EXPECT_EQ(SignIn("kim@luma.example").status, 200) << "passwords work until the profile says";
  profile_.identity.sso_required = true;
  Reply_ refused = SignIn("kim@luma.example");
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(json::serialize(refused.body).find("Sign in with Acme SSO"), std::string::npos)
      << json::serialize(refused.body);
  Reply_ offer = Call("GET", "/api/v1/auth/oidc");
  EXPECT_EQ(offer.body["password_sign_in"], "listed");
  EXPECT_EQ(offer.body["display_name"], "Acme SSO");
  // The emergency account named in [identity] password_accounts still signs in.
  EXPECT_EQ(SignIn("sam@luma.example").status, 200);
}

}  // namespace
}  // namespace accord::http::identity_test
