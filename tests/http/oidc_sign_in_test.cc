// Single sign-on against a provider on loopback (support/oidc_provider.h): a mapped group signs
// in, just-in-time accounts land pending, and every forged token is refused with a page that
// names its cause.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "support/api_server.h"
#include "support/http_client.h"
#include "support/oidc_provider.h"
#include "support/temp_dir.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class OidcSignInTest : public ::testing::Test {
 protected:
  OidcSignInTest() : key_("key-1") {
    provider_.Publish({&key_});
    std::ofstream(dir_.path() / "secret") << provider_.secret() << "\n";
    std::ofstream(dir_.path() / "accord.toml")
        << "[oidc]\nissuer = \"" << provider_.issuer() << "\"\nclient_id = \"accord\"\n"
        << "client_secret_file = \"" << (dir_.path() / "secret").string() << "\"\n"
        << "display_name = \"Test IdP\"\n"
        << "[oidc.group_roles]\n\"accord-staff\" = \"staff\"\n"
        << "\"accord-auditors\" = \"auditor\"\n";
    server_ = std::make_unique<ApiServer>(
        std::vector<std::string>{"--config", (dir_.path() / "accord.toml").string()});
  }

  struct Flow {
    std::string state, nonce, challenge;
  };
  Flow StartFlow() {
    HttpResult r = HttpCall(server_->port(), "GET", "/api/v1/auth/oidc/start");
    EXPECT_EQ(r.status, 302) << r.body;
    auto q = QueryOf(r.Header("Location"));
    EXPECT_EQ(q["code_challenge_method"], "S256");
    EXPECT_EQ(q["client_id"], "accord");
    return Flow{q["state"], q["nonce"], q["code_challenge"]};
  }
  json::object Claims(const std::string& nonce, const std::string& email,
                      json::array groups = {"accord-staff"}) {
    int64_t now = NowSeconds();
    return json::object{{"iss", provider_.issuer()},
                        {"aud", "accord"},
                        {"sub", "sub-" + email},
                        {"email", email},
                        {"email_verified", true},
                        {"groups", groups},
                        {"amr", json::array{"pwd", "mfa"}},
                        {"nonce", nonce},
                        {"iat", now},
                        {"exp", now + 300}};
  }
  // Runs the provider's return with `id_token` answered for the code.
  HttpResult Return(const Flow& flow, const std::string& id_token) {
    std::string code = "code-" + std::to_string(++codes_);
    provider_.Expect(code, flow.challenge, id_token);
    return HttpCall(server_->port(), "GET",
                    "/api/v1/auth/oidc/callback?code=" + code + "&state=" + flow.state);
  }
  static std::string Cookie(const HttpResult& r) {
    std::string set = r.Header("Set-Cookie");
    return set.substr(0, set.find(';'));
  }
  json::object Session(const std::string& cookie) {
    HttpResult r =
        HttpCall(server_->port(), "GET", "/api/v1/auth/session", "", {{"Cookie", cookie}});
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body).as_object();
  }

  TempDir dir_;
  TestKey key_;
  TestOidcProvider provider_;
  std::unique_ptr<ApiServer> server_;
  int codes_ = 0;
};

TEST_F(OidcSignInTest, MappedGroupSignsInWithTheProvidersMfa) {
  // The demo's staff member, linked by a verified email.
  std::string email = server_->email("staff");
  Flow flow = StartFlow();
  HttpResult r = Return(flow, key_.Sign(Claims(flow.nonce, email)));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("url=/app/"), std::string::npos);
  json::object s = Session(Cookie(r));
  EXPECT_EQ(s["state"], "active");  // luma wants MFA for everyone: the provider's amr said mfa
  EXPECT_EQ(s["user"].as_object()["email"].as_string(), email);

  // The same flow cannot be used twice.
  r = Return(flow, key_.Sign(Claims(flow.nonce, email)));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("unknown_state"), std::string::npos) << r.body;

  // Without the provider asserting MFA, Accord's own TOTP step follows.
  flow = StartFlow();
  json::object claims = Claims(flow.nonce, email);
  claims["amr"] = json::array{"pwd"};
  r = Return(flow, key_.Sign(claims));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Session(Cookie(r))["state"], "mfa_enrolment_required");
}

TEST_F(OidcSignInTest, ForgedTokensAreRefusedNamingTheCause) {
  std::string email = server_->email("staff");
  TestKey other("key-1");  // an attacker's key under the provider's key id
  TestKey stranger("attacker");
  auto claims_for = [&](Flow f) { return Claims(f.nonce, email); };
  {
    Flow f = StartFlow();
    provider_.Expect("wrong-key", f.challenge, other.Sign(claims_for(f)));
    HttpResult r = HttpCall(server_->port(), "GET",
                            "/api/v1/auth/oidc/callback?code=wrong-key&state=" + f.state);
    EXPECT_EQ(r.status, 401);
    EXPECT_NE(r.body.find("bad_signature"), std::string::npos) << r.body;
  }
  // Each refusal gets its own flow (the nonce is the flow's), then a token forged for it.
  auto forge = [&](auto make, const std::string& cause) {
    Flow f = StartFlow();
    std::string code = "forged-" + cause;
    provider_.Expect(code, f.challenge, make(f));
    HttpResult r = HttpCall(server_->port(), "GET",
                            "/api/v1/auth/oidc/callback?code=" + code + "&state=" + f.state);
    EXPECT_EQ(r.status, 401) << cause << ": " << r.body;
    EXPECT_NE(r.body.find("Reason code: " + cause), std::string::npos) << r.body;
    EXPECT_TRUE(r.Header("Set-Cookie").empty()) << cause;
    return r.body;
  };
  forge([&](Flow f) { return stranger.Sign(claims_for(f)); }, "unknown_key");
  std::string none = forge([&](Flow f) { return UnsignedToken(claims_for(f)); }, "alg_not_allowed");
  EXPECT_NE(none.find("unsigned token is never accepted"), std::string::npos) << none;
  forge([&](Flow f) { return HmacToken(claims_for(f), key_.kid(), key_.PublicJwk()); },
        "alg_not_allowed");
  forge(
      [&](Flow f) {
        auto c = claims_for(f);
        c["aud"] = "someone-else";
        return key_.Sign(c);
      },
      "wrong_audience");
  forge(
      [&](Flow f) {
        auto c = claims_for(f);
        c["aud"] = json::array{"accord", "someone-else"};
        return key_.Sign(c);
      },
      "wrong_azp");
  forge(
      [&](Flow f) {
        auto c = claims_for(f);
        c["exp"] = NowSeconds() - 3600;
        c["iat"] = NowSeconds() - 7200;
        return key_.Sign(c);
      },
      "expired");
  forge(
      [&](Flow f) {
        auto c = claims_for(f);
        c["iat"] = NowSeconds() + 3600;
        return key_.Sign(c);
      },
      "issued_in_future");
  forge(
      [&](Flow f) {
        auto c = claims_for(f);
        c["iss"] = "https://evil.example";
        return key_.Sign(c);
      },
      "wrong_issuer");
  // A token issued for an earlier sign-in, replayed into a new one.
  Flow first = StartFlow();
  std::string earlier = key_.Sign(claims_for(first));
  ASSERT_EQ(Return(first, earlier).status, 200);
  forge([&](Flow) { return earlier; }, "nonce_mismatch");
}

TEST_F(OidcSignInTest, RotatedKeysAreFetchedAgain) {
  std::string email = server_->email("staff");
  Flow flow = StartFlow();
  ASSERT_EQ(Return(flow, key_.Sign(Claims(flow.nonce, email))).status, 200);
  int fetched = provider_.jwks_fetches();
  // The provider rolls over to a new key (RSA this time) and stops publishing the old one.
  TestKey next("key-2", /*rsa=*/true);
  provider_.Publish({&next});
  flow = StartFlow();
  HttpResult r = Return(flow, next.Sign(Claims(flow.nonce, email)));
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(provider_.jwks_fetches(), fetched + 1);
  // A token of the retired key no longer passes.
  flow = StartFlow();
  r = Return(flow, key_.Sign(Claims(flow.nonce, email)));
  EXPECT_EQ(r.status, 401);
}

TEST_F(OidcSignInTest, AccountProblemsSayWhatToChange) {
  // A new person of a mapped group: an account is made, pending its onboarding records.
  Flow flow = StartFlow();
  HttpResult r = Return(flow, key_.Sign(Claims(flow.nonce, "new.person@luma.example")));
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_NE(r.body.find("account_pending"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("onboarding"), std::string::npos) << r.body;
  json::value users = server_->GetJson("/api/v1/users?q=new.person");
  ASSERT_EQ(users.at("items").as_array().size(), 1u);
  EXPECT_EQ(users.at("items").as_array()[0].at("status"), "pending");
  EXPECT_EQ(users.at("items").as_array()[0].at("role"), "staff");

  flow = StartFlow();
  r = Return(flow, key_.Sign(Claims(flow.nonce, "stranger@luma.example", {"marketing"})));
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("unmapped_group"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("marketing"), std::string::npos) << r.body;

  flow = StartFlow();
  json::object c = Claims(flow.nonce, server_->email("privacy_officer"));
  c["email_verified"] = false;
  r = Return(flow, key_.Sign(c));
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("unverified_email"), std::string::npos) << r.body;
}

TEST_F(OidcSignInTest, LogoutEndsTheSessionAtBothEnds) {
  std::string email = server_->email("staff");
  // RP-initiated: Accord's session ends and the browser is sent to the provider's logout.
  Flow flow = StartFlow();
  HttpResult in = Return(flow, key_.Sign(Claims(flow.nonce, email)));
  ASSERT_EQ(in.status, 200);
  std::string cookie = Cookie(in);
  std::string csrf(Session(cookie)["csrf_token"].as_string());
  HttpResult out = HttpCall(server_->port(), "POST", "/api/v1/auth/oidc/sign-out", "",
                            {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  ASSERT_EQ(out.status, 200) << out.body;
  std::string url(json::parse(out.body).at("logout_url").as_string());
  EXPECT_TRUE(url.starts_with(provider_.issuer() + "/logout?id_token_hint=")) << url;
  EXPECT_EQ(
      HttpCall(server_->port(), "GET", "/api/v1/auth/session", "", {{"Cookie", cookie}}).status,
      401);

  // Back-channel: the provider posts a signed logout token naming the provider session (sid).
  flow = StartFlow();
  json::object claims = Claims(flow.nonce, email);
  claims["sid"] = "provider-session-1";
  in = Return(flow, key_.Sign(claims));
  ASSERT_EQ(in.status, 200);
  cookie = Cookie(in);
  int64_t now = NowSeconds();
  json::object logout{{"iss", provider_.issuer()},
                      {"aud", "accord"},
                      {"iat", now},
                      {"jti", "logout-1"},
                      {"sid", "provider-session-1"},
                      {"events", json::object{{"http://schemas.openid.net/event/backchannel-logout",
                                               json::object{}}}}};
  TestKey stranger("key-1");
  auto post = [&](const std::string& token) {
    return HttpCall(server_->port(), "POST", "/api/v1/auth/oidc/backchannel-logout",
                    "logout_token=" + token,
                    {{"Content-Type", "application/x-www-form-urlencoded"}});
  };
  EXPECT_EQ(post(stranger.Sign(logout)).status, 400) << "a forged logout token ends nothing";
  EXPECT_EQ(Session(cookie)["state"], "active");
  EXPECT_EQ(post(key_.Sign(logout)).status, 200);
  EXPECT_EQ(
      HttpCall(server_->port(), "GET", "/api/v1/auth/session", "", {{"Cookie", cookie}}).status,
      401);
}

TEST_F(OidcSignInTest, AFloodOfStartsFromOneAddressIsBounded) {
  // Each start keeps a row for ten minutes: an anonymous flood from one address stops at the
  // bound with a page that says what to do, and nothing more is kept.
  for (int i = 0; i < 120; ++i) {
    HttpResult r = HttpCall(server_->port(), "GET", "/api/v1/auth/oidc/start");
    ASSERT_EQ(r.status, 302) << i << " " << r.body;
  }
  HttpResult refused = HttpCall(server_->port(), "GET", "/api/v1/auth/oidc/start");
  EXPECT_EQ(refused.status, 429) << refused.body;
  EXPECT_NE(refused.body.find("too many sign-ins were started from your network"),
            std::string::npos)
      << refused.body;
  EXPECT_NE(refused.body.find("minutes and sign in again"), std::string::npos) << refused.body;
  EXPECT_FALSE(refused.Header("Retry-After").empty());
  EXPECT_TRUE(refused.Header("Location").empty());
}

}  // namespace
}  // namespace accord::testing
