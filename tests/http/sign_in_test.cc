// IdentityTest (identity_test.h): sign-in with TOTP and recovery codes, replay and brute force
// throttled (inside the transaction), session timeouts, CSRF, tokens that mint nothing.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "http/identity_test.h"

namespace accord::http::identity_test {
namespace {

TEST_F(IdentityTest, SignInEnrolsTotpRotatesTheSessionAndRefusesReplayedCodes) {
  AddUser("dana@luma.example", "staff");
  Reply_ first = SignIn("dana@luma.example");
  ASSERT_EQ(first.status, 200);
  for (const char* attr : {"HttpOnly", "Secure", "SameSite=Strict", "Path=/"}) {
    EXPECT_NE(first.set_cookie.find(attr), std::string::npos) << first.set_cookie;
  }
  std::string pending = CookieValue(first.set_cookie);
  EXPECT_GE(pending.size(), 43u) << "256 random bits, base64url";
  // An unfinished sign-in opens nothing but the enrolment steps.
  EXPECT_EQ(Call("GET", "/api/v1/parties", "", Cookie(pending)).status, 401);

  Signed s = SignInAndEnrol("dana@luma.example");
  EXPECT_EQ(Call("GET", "/api/v1/parties", "", Cookie(s.secret)).status, 200);
  // The pre-MFA session id died when privilege changed.
  EXPECT_EQ(Call("GET", "/api/v1/auth/session", "", Cookie(s.before)).status, 401);

  // A second sign-in: TOTP step. The code that confirmed enrolment is spent.
  Reply_ again = SignIn("dana@luma.example");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.body["state"], "mfa_required");
  std::string secret = CookieValue(again.set_cookie);
  std::string csrf(again.body["csrf_token"].as_string());
  std::string spent = Totp(s.totp, f_.clock().Now());
  Reply_ replay = Call("POST", "/api/v1/auth/totp", json::serialize(json::object{{"code", spent}}),
                       Cookie(secret, csrf));
  EXPECT_EQ(replay.status, 401) << json::serialize(replay.body);
  Advance(std::chrono::seconds(30));
  std::string fresh = Totp(s.totp, f_.clock().Now());
  Reply_ ok = Call("POST", "/api/v1/auth/totp", json::serialize(json::object{{"code", fresh}}),
                   Cookie(secret, csrf));
  ASSERT_EQ(ok.status, 200) << json::serialize(ok.body);
  EXPECT_EQ(ok.body["state"], "active");
  // Used once: the same code again is refused, on a new sign-in too.
  Reply_ third = SignIn("dana@luma.example");
  Reply_ reused = Call(
      "POST", "/api/v1/auth/totp", json::serialize(json::object{{"code", fresh}}),
      Cookie(CookieValue(third.set_cookie), std::string(third.body["csrf_token"].as_string())));
  EXPECT_EQ(reused.status, 401);

  // Sign-out: the cookie is dead at once, on this server.
  std::string active = CookieValue(ok.set_cookie);
  std::string active_csrf(ok.body["csrf_token"].as_string());
  EXPECT_EQ(Call("POST", "/api/v1/auth/sign-out", "", Cookie(active)).status, 403)
      << "sign-out needs the CSRF header";
  EXPECT_EQ(Call("POST", "/api/v1/auth/sign-out", "", Cookie(active, active_csrf)).status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/parties", "", Cookie(active)).status, 401);

  std::string ledger = AllLeaves();
  for (const std::string& secret_text : {std::string(kPassword), s.secret, active, fresh}) {
    EXPECT_EQ(ledger.find(secret_text), std::string::npos) << "a secret reached the ledger";
  }
  EXPECT_NE(ledger.find("\"auth.signed_in\""), std::string::npos);
  EXPECT_NE(ledger.find("\"auth.sign_in_failed\""), std::string::npos);
  EXPECT_NE(ledger.find("\"user.mfa_enrolled\""), std::string::npos);
  EXPECT_NE(ledger.find("\"auth.signed_out\""), std::string::npos);
}

TEST_F(IdentityTest, RecoveryCodesWorkOnce) {
  AddUser("rui@luma.example", "staff");
  Reply_ r = SignIn("rui@luma.example");
  std::string secret = CookieValue(r.set_cookie);
  std::string csrf(r.body["csrf_token"].as_string());
  Reply_ e = Call("POST", "/api/v1/auth/mfa/enrol", "", Cookie(secret, csrf));
  Bytes key = *Base32Decode(std::string(e.body["secret"].as_string()));
  Reply_ c = Call("POST", "/api/v1/auth/mfa/confirm",
                  json::serialize(json::object{{"code", Totp(key, f_.clock().Now())}}),
                  Cookie(secret, csrf));
  ASSERT_EQ(c.status, 200);
  std::string code(c.body["recovery_codes"].as_array()[0].as_string());
  for (int attempt = 0; attempt < 2; ++attempt) {
    Reply_ s = SignIn("rui@luma.example");
    Reply_ rec =
        Call("POST", "/api/v1/auth/recovery", json::serialize(json::object{{"code", code}}),
             Cookie(CookieValue(s.set_cookie), std::string(s.body["csrf_token"].as_string())));
    EXPECT_EQ(rec.status, attempt == 0 ? 200 : 401) << json::serialize(rec.body);
  }
}

// New recovery codes from the account page: only with the current password and from a portal
// session; they replace every old code, and the answer is the only place they appear.
TEST_F(IdentityTest, NewRecoveryCodesReplaceTheOldOnes) {
  std::string id = AddUser("noor@luma.example", "staff");
  Reply_ r = SignIn("noor@luma.example");
  std::string secret = CookieValue(r.set_cookie);
  std::string csrf(r.body["csrf_token"].as_string());
  Reply_ e = Call("POST", "/api/v1/auth/mfa/enrol", "", Cookie(secret, csrf));
  Bytes key = *Base32Decode(std::string(e.body["secret"].as_string()));
  Reply_ c = Call("POST", "/api/v1/auth/mfa/confirm",
                  json::serialize(json::object{{"code", Totp(key, f_.clock().Now())}}),
                  Cookie(secret, csrf));
  ASSERT_EQ(c.status, 200);
  std::string old_code(c.body["recovery_codes"].as_array()[0].as_string());
  secret = CookieValue(c.set_cookie);
  csrf = std::string(c.body["csrf_token"].as_string());
  auto renew = [&](const std::string& password, std::vector<Header> headers) {
    return Call("POST", "/api/v1/auth/recovery-codes",
                json::serialize(json::object{{"current_password", password}}), std::move(headers));
  };

  Reply_ wrong = renew("not my password at all", Cookie(secret, csrf));
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.body["error"].at("details").at(0).at("field"), "current_password");
  EXPECT_EQ(renew(kPassword, Cookie(secret)).status, 403) << "a cookie write needs the CSRF header";
  auto token =
      app::CreateApiToken(f_.rt().log(), {"test", "installer"}, id, "script", "", std::nullopt);
  ASSERT_TRUE(token.ok());
  Reply_ by_token = renew(kPassword, {{"Authorization", "Bearer " + token->secret}});
  EXPECT_EQ(by_token.status, 403) << "an API token cannot mint a way to sign in";

  Reply_ fresh = renew(kPassword, Cookie(secret, csrf));
  ASSERT_EQ(fresh.status, 200) << json::serialize(fresh.body);
  const json::array& codes = fresh.body["recovery_codes"].as_array();
  ASSERT_EQ(codes.size(), 10u);
  std::string new_code(codes[0].as_string());
  std::string ledger = AllLeaves();
  EXPECT_EQ(ledger.find(new_code), std::string::npos) << "a code reached the ledger";
  EXPECT_NE(ledger.find("\"auth.recovery_codes_renewed\""), std::string::npos);

  auto recover = [&](const std::string& code) {
    Reply_ s = SignIn("noor@luma.example");
    return Call("POST", "/api/v1/auth/recovery", json::serialize(json::object{{"code", code}}),
                Cookie(CookieValue(s.set_cookie), std::string(s.body["csrf_token"].as_string())))
        .status;
  };
  EXPECT_EQ(recover(old_code), 401) << "the old codes stop working";
  EXPECT_EQ(recover(new_code), 200);
}

TEST_F(IdentityTest, BruteForceStaysThrottledAndNeverRevealsTheAccount) {
  AddUser("erin@luma.example", "staff");
  Reply_ unknown = SignIn("nobody@luma.example", "wrong password 123");
  Reply_ wrong = SignIn("erin@luma.example", "wrong password 123");
  ASSERT_EQ(unknown.status, 401);
  ASSERT_EQ(wrong.status, 401);
  EXPECT_EQ(json::serialize(unknown.body), json::serialize(wrong.body))
      << "the same answer for an unknown account and a wrong password";

  // An attacker who waits exactly as told keeps being slowed down, more each time.
  int refused = 0;
  int64_t last_wait = 0;
  int guesses = 0;
  for (int i = 0; i < 40 && guesses < 14; ++i) {
    Reply_ r = SignIn("erin@luma.example", "guess number " + std::to_string(i) + " xx");
    if (r.status == 429) {
      ++refused;
      int64_t wait = std::stoll(r.retry_after);
      EXPECT_GE(wait, last_wait) << "waits never shrink while the attack goes on";
      last_wait = wait;
      Advance(std::chrono::seconds(wait));
      continue;
    }
    EXPECT_EQ(r.status, 401);
    ++guesses;
  }
  EXPECT_GT(refused, 5);
  EXPECT_GE(last_wait, 256) << "the delay grows exponentially";
  // While blocked, even the right password gets the same 429: no oracle.
  Reply_ blocked = SignIn("erin@luma.example");
  EXPECT_EQ(blocked.status, 429);
  Reply_ blocked_unknown = SignIn("nobody@luma.example", "whatever password 1", "198.51.100.9");
  EXPECT_EQ(blocked_unknown.status, 401) << "another account from another address is not blocked";
  Advance(std::chrono::seconds(std::stoll(blocked.retry_after)));
  EXPECT_EQ(SignIn("erin@luma.example").status, 200) << "after the wait the owner gets in";
}

TEST_F(IdentityTest, SessionsEndAfterIdleAndAbsoluteTimeouts) {
  AddUser("fay@luma.example", "staff");
  Signed s = SignInAndEnrol("fay@luma.example");
  for (int i = 0; i < 5; ++i) {  // activity every 14 minutes keeps it alive
    Advance(std::chrono::minutes(14));
    ASSERT_EQ(Call("GET", "/api/v1/parties?limit=1", "", Cookie(s.secret)).status, 200) << i;
  }
  Advance(std::chrono::minutes(16));
  Reply_ idle = Call("GET", "/api/v1/parties?limit=1", "", Cookie(s.secret));
  EXPECT_EQ(idle.status, 401);
  EXPECT_NE(json::serialize(idle.body).find("without activity"), std::string::npos);
  EXPECT_EQ(Call("GET", "/api/v1/parties?limit=1", "", Cookie(s.secret)).status, 401)
      << "an expired session id is not revived";

  Reply_ again = SignIn("fay@luma.example");
  Advance(std::chrono::seconds(30));
  Reply_ t = Call(
      "POST", "/api/v1/auth/totp",
      json::serialize(json::object{{"code", Totp(s.totp, f_.clock().Now())}}),
      Cookie(CookieValue(again.set_cookie), std::string(again.body["csrf_token"].as_string())));
  ASSERT_EQ(t.status, 200) << json::serialize(t.body);
  std::string cookie = CookieValue(t.set_cookie);
  int alive = 0;
  for (int i = 0; i < 80; ++i) {  // 10-minute steps: never idle, but 12 h is the end
    Advance(std::chrono::minutes(10));
    if (Call("GET", "/api/v1/parties?limit=1", "", Cookie(cookie)).status != 200) break;
    ++alive;
  }
  EXPECT_EQ(alive, 71) << "the absolute timeout (12 h) ends the session";
}

TEST_F(IdentityTest, CookieWritesNeedTheCsrfHeaderTokensDoNot) {
  AddUser("gus@luma.example", "security_officer");
  Signed s = SignInAndEnrol("gus@luma.example");
  std::string note = json::serialize(json::object{
      {"subject", json::object{{"kind", "org"}, {"id", f_.org().id}}}, {"text", "hello"}});
  EXPECT_EQ(Call("POST", "/api/v1/notes", note, Cookie(s.secret)).status, 403);
  EXPECT_EQ(Call("POST", "/api/v1/notes", note, Cookie(s.secret, "forged")).status, 403);
  EXPECT_EQ(Call("POST", "/api/v1/notes", note, Cookie(s.secret, s.csrf)).status, 201);
  Reply_ session = Call("GET", "/api/v1/auth/session", "", Cookie(s.secret));
  EXPECT_EQ(session.body["csrf_token"], s.csrf.c_str()) << "the portal can ask for it again";
}

// Found in review: a pending session's secret must not work as a bearer token, a token must
// not mint another, a known password must not reset a second-factor guesser's count, and a
// burst of concurrent guesses is throttled inside the transaction.
TEST_F(IdentityTest, ASessionSecretIsNeverABearerTokenAndTokensDoNotMintTokens) {
  std::string id = AddUser("lee@luma.example", "security_officer");
  Reply_ pending = SignIn("lee@luma.example");
  std::string secret = CookieValue(pending.set_cookie);
  EXPECT_EQ(Call("GET", "/api/v1/users", "", Cookie(secret)).status, 401);  // warms the cache
  EXPECT_EQ(Call("GET", "/api/v1/users", "", {{"Authorization", "Bearer " + secret}}).status, 401);
  Signed s = SignInAndEnrol("lee@luma.example");
  EXPECT_EQ(Call("GET", "/api/v1/users", "", Cookie(s.secret)).status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/users", "", {{"Authorization", "Bearer " + s.secret}}).status,
            401);

  Reply_ from_session = Call("POST", "/api/v1/tokens", R"({"name": "ci", "role": "auditor"})",
                             Cookie(s.secret, s.csrf));
  ASSERT_EQ(from_session.status, 201) << json::serialize(from_session.body);
  std::vector<Header> readonly{
      {"Authorization", "Bearer " + std::string(from_session.body["token"].as_string())}};
  EXPECT_EQ(Call("POST", "/api/v1/users", R"({"email": "x@luma.example"})", readonly).status, 403);
  EXPECT_EQ(Call("POST", "/api/v1/tokens", R"({"name": "escalated"})", readonly).status, 403);
  EXPECT_EQ(Call("POST", "/api/v1/auth/sign-in", R"({"email": "lee@luma.example"})",
                 {{"Content-Type", "text/plain"}})
                .status,
            415)
      << "sign-in refuses a body that is not declared JSON (login CSRF)";
}

TEST_F(IdentityTest, AKnownPasswordDoesNotResetTheSecondFactorThrottle) {
  AddUser("max@luma.example", "staff");
  Signed s = SignInAndEnrol("max@luma.example");
  int throttled = 0;
  for (int round = 0; round < 3; ++round) {
    Reply_ r = SignIn("max@luma.example");
    if (r.status == 429) {
      ++throttled;
      continue;
    }
    ASSERT_EQ(r.status, 200);
    auto cookie = Cookie(CookieValue(r.set_cookie), std::string(r.body["csrf_token"].as_string()));
    for (int i = 0; i < 7; ++i) {
      Reply_ t = Call("POST", "/api/v1/auth/totp", R"({"code": "000000"})", cookie);
      if (t.status == 429) break;
      EXPECT_EQ(t.status, 401);
    }
    Advance(std::chrono::seconds(1));
  }
  EXPECT_GE(throttled, 1) << "the account stays throttled after a correct password";
}

TEST_F(IdentityTest, AConcurrentBurstOfGuessesIsThrottledInsideTheTransaction) {
  AddUser("ned@luma.example", "staff");
  std::vector<std::thread> threads;
  std::atomic<int> refused{0}, wrong{0}, other{0};
  for (int i = 0; i < 24; ++i) {
    threads.emplace_back([&, i] {
      Reply_ r = SignIn("ned@luma.example", "burst guess " + std::to_string(i) + " xyz");
      (r.status == 429 ? refused : r.status == 401 ? wrong : other)++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(wrong.load(), 6) << "5 free failures, the 6th starts the wait, the rest wait";
  EXPECT_EQ(refused.load(), 18);
}

TEST_F(IdentityTest, GuessingTheCurrentPasswordIsThrottledAndRecorded) {
  AddUser("quinn@luma.example", "staff");
  Signed s = SignInAndEnrol("quinn@luma.example");
  auto headers = Cookie(s.secret, s.csrf);
  int refused = 0;
  for (int i = 0; i < 8; ++i) {
    json::object body{{"current_password", "guess " + std::to_string(i) + " is wrong"},
                      {"new_password", "a brand new passphrase 42"}};
    Reply_ r = Call("POST", "/api/v1/auth/password", json::serialize(body), headers);
    if (r.status == 429)
      ++refused;
    else
      EXPECT_EQ(r.status, 422);
  }
  EXPECT_GE(refused, 1);
  EXPECT_NE(AllLeaves().find("auth.password_change_failed"), std::string::npos);
}

}  // namespace
}  // namespace accord::http::identity_test
