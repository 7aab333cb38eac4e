// Account linking (issue 25) in-process with a fake clock: a person with a password account
// links it to their identity-provider subject from Your account, the flow bound to their
// session on the server; a subject linked to another account is refused naming that account;
// unlinking wants the password, and the last way to sign in stays.
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

class OidcLinkTest : public IdentityTest {
 protected:
  OidcLinkTest() : key_("k1") {
    provider_.Publish({&key_});
    OidcSettings s;
    s.issuer = provider_.issuer();
    s.client_id = "accord";
    s.client_secret = provider_.secret();
    s.group_roles = {{"accord-staff", "staff"}};
    s.display_name = "Acme SSO";
    client_ = std::make_unique<OidcClient>(s, f_.clock());
    deps_.oidc = client_.get();
    so_id_ = AddUser("sam@luma.example", "security_officer");
    so_ = SignInAndEnrol("sam@luma.example");
  }

  int64_t Now() {
    return std::chrono::duration_cast<std::chrono::seconds>(f_.clock().Now().time_since_epoch())
        .count();
  }

  // The provider's return for a flow started at `url`, naming `subject` (an email that is not
  // the account's, so nothing links by email).
  Reply_ Return(const std::string& url, const std::string& subject) {
    auto q = QueryOf(url);
    json::object claims{{"iss", provider_.issuer()},
                        {"aud", "accord"},
                        {"sub", subject},
                        {"email", subject + "@idp.example"},
                        {"email_verified", true},
                        {"amr", json::array{"pwd", "mfa"}},
                        {"nonce", q["nonce"]},
                        {"iat", Now()},
                        {"exp", Now() + 300}};
    std::string code = "code-" + std::to_string(++codes_);
    provider_.Expect(code, q["code_challenge"], key_.Sign(claims));
    return Call("GET", "/api/v1/auth/oidc/callback?code=" + code + "&state=" + q["state"]);
  }

  // "Link to Acme SSO" for the signed-in session, then the provider's return.
  Reply_ Link(const Signed& who, const std::string& subject) {
    Reply_ start = Call("POST", "/api/v1/account/sso-links", "", Cookie(who.secret, who.csrf));
    EXPECT_EQ(start.status, 200) << json::serialize(start.body);
    return Return(std::string(start.body["url"].as_string()), subject);
  }

  json::object Links(const Signed& who) {
    Reply_ r = Call("GET", "/api/v1/account/sso-links", "", Cookie(who.secret));
    EXPECT_EQ(r.status, 200) << json::serialize(r.body);
    return r.body;
  }

  int64_t Events(const std::string& type) {
    int64_t n = 0;
    Status s = f_.rt().store().Read([&](storage::Tx& tx) -> Status {
      auto row = tx.QueryOne("SELECT COUNT(*) FROM rm_ledger_events WHERE type = ?", {type});
      if (!row.ok()) return std::move(row).error();
      n = (*row)->Int(0);
      return Ok();
    });
    EXPECT_TRUE(s.ok());
    return n;
  }

  Reply_ Unlink(const Signed& who, const std::string& subject, const std::string& password) {
    json::object body{{"issuer", provider_.issuer()}, {"subject", subject}};
    if (!password.empty()) body["password"] = password;
    return Call("POST", "/api/v1/account/sso-links/remove", json::serialize(body),
                Cookie(who.secret, who.csrf));
  }

  TestKey key_;
  TestOidcProvider provider_;
  std::unique_ptr<OidcClient> client_;
  std::string so_id_;
  Signed so_;
  int codes_ = 0;
};

TEST_F(OidcLinkTest, LinksThisAccountAndSignsInWithIt) {
  std::string ada_id = AddUser("ada@luma.example", "staff");
  Signed ada = SignInAndEnrol("ada@luma.example");
  EXPECT_TRUE(Links(ada)["links"].as_array().empty());
  EXPECT_EQ(Links(ada)["provider"], "Acme SSO");
  EXPECT_EQ(Links(ada)["has_password"], true);

  Reply_ linked = Link(ada, "ada-at-idp");
  ASSERT_EQ(linked.status, 200);
  EXPECT_TRUE(linked.set_cookie.empty()) << "a link starts no session";
  json::array links = Links(ada)["links"].as_array();
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].as_object().at("subject"), "ada-at-idp");
  EXPECT_EQ(Events("auth.sso_linked"), 1);

  // The Security Officer reads the account's links; Ada may not read another's.
  Reply_ seen = Call("GET", "/api/v1/users/" + ada_id + "/sso-links", "", Cookie(so_.secret));
  ASSERT_EQ(seen.status, 200) << json::serialize(seen.body);
  EXPECT_EQ(seen.body["links"].as_array().size(), 1u);
  EXPECT_EQ(Call("GET", "/api/v1/users/" + so_id_ + "/sso-links", "", Cookie(ada.secret)).status,
            403);
  EXPECT_EQ(Call("GET", "/api/v1/users/usr_nobody/sso-links", "", Cookie(so_.secret)).status, 404);

  // Signing in through the provider with that subject now opens Ada's account.
  Reply_ start = Call("GET", "/api/v1/auth/oidc/start");
  ASSERT_EQ(start.status, 302);
  Reply_ in = Return(start.location, "ada-at-idp");
  ASSERT_EQ(in.status, 200);
  Reply_ session = Call("GET", "/api/v1/auth/session", "", Cookie(CookieValue(in.set_cookie)));
  EXPECT_EQ(session.body["user"].as_object()["email"], "ada@luma.example");

  // Linking again is harmless; a flow whose session ended links nothing.
  EXPECT_EQ(Link(ada, "ada-at-idp").status, 200);
  EXPECT_EQ(Events("auth.sso_linked"), 1);
  Reply_ pending = Call("POST", "/api/v1/account/sso-links", "", Cookie(ada.secret, ada.csrf));
  ASSERT_EQ(pending.status, 200);
  ASSERT_EQ(Call("POST", "/api/v1/auth/sign-out", "", Cookie(ada.secret, ada.csrf)).status, 200);
  Reply_ late = Return(std::string(pending.body["url"].as_string()), "ada-second");
  EXPECT_EQ(late.status, 403);
  EXPECT_EQ(Events("auth.sso_linked"), 1);
}

TEST_F(OidcLinkTest, SubjectOfAnotherAccountIsRefusedNamingIt) {
  ASSERT_EQ(Link(so_, "shared-subject").status, 200);
  AddUser("ada@luma.example", "staff");
  Signed ada = SignInAndEnrol("ada@luma.example");
  Reply_ refused = Link(ada, "shared-subject");
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.text.find("already linked to another Accord account, sam (sam@luma.example)"),
            std::string::npos)
      << refused.text;
  EXPECT_TRUE(Links(ada)["links"].as_array().empty());
  EXPECT_EQ(Links(so_)["links"].as_array().size(), 1u);
}

TEST_F(OidcLinkTest, UnlinkWantsThePasswordAndKeepsTheLastWayIn) {
  ASSERT_EQ(Link(so_, "sam-at-idp").status, 200);
  EXPECT_EQ(Unlink(so_, "sam-at-idp", "").status, 422);
  EXPECT_EQ(Unlink(so_, "sam-at-idp", "not the password").status, 422);
  EXPECT_EQ(Unlink(so_, "someone-else", kPassword).status, 404);
  EXPECT_EQ(Links(so_)["links"].as_array().size(), 1u);
  Reply_ ok = Unlink(so_, "sam-at-idp", kPassword);
  ASSERT_EQ(ok.status, 200) << json::serialize(ok.body);
  EXPECT_TRUE(Links(so_)["links"].as_array().empty());
  EXPECT_EQ(Events("auth.sso_unlinked"), 1);

  // An account without a password (made by single sign-on) keeps its one link: the last way
  // in. With a second link, either may go without a password.
  std::string ada_id = AddUser("ada@luma.example", "staff");
  Signed ada = SignInAndEnrol("ada@luma.example");
  ASSERT_EQ(Link(ada, "ada-one").status, 200);
  ASSERT_TRUE(f_.rt()
                  .store()
                  .Write([&](storage::Tx& tx) {
                    return storage::WritePassword(tx, ada_id, "!sso", f_.clock().Now());
                  })
                  .ok());
  EXPECT_EQ(Links(ada)["has_password"], false);
  Reply_ last = Unlink(ada, "ada-one", "");
  EXPECT_EQ(last.status, 409) << json::serialize(last.body);
  ASSERT_EQ(Link(ada, "ada-two").status, 200);
  EXPECT_EQ(Unlink(ada, "ada-one", "").status, 200);
  EXPECT_EQ(Unlink(ada, "ada-two", "").status, 409);
  EXPECT_EQ(Events("auth.sso_unlinked"), 2);
}

}  // namespace
}  // namespace accord::http::identity_test
