// Identity in-process with a fake clock (issue 5): sign-in and TOTP, replay, throttling,
// idle and absolute session timeouts, CSRF, break-glass, the onboarding gate, training
// expiry and token revocation across servers.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <future>
#include <thread>

#include "accord/core/otp.h"
#include "accord/core/time.h"
#include "accord/http/api.h"
#include "accord/http/auth.h"
#include "accord/http/json.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/ledger_tables.h"
#include "support/runtime_fixture.h"

namespace accord::http {
namespace {

namespace json = boost::json;
using testing::RuntimeFixture;

constexpr const char* kPassword = "violet harbour lantern 1987";

struct Reply_ {
  int status = 0;
  json::object body;
  std::string set_cookie;
  std::string retry_after;
};

class IdentityTest : public ::testing::Test {
 protected:
  IdentityTest()
      : profile_(LoadLuma()),
        deps_{f_.rt().store(), f_.rt().log(), f_.clock(), metrics_, "test"},
        auth_(f_.rt().store(), f_.clock(), profile_.identity) {
    f_.rt().log().StartWriter();
    deps_.profile = &profile_;
    deps_.auth = &auth_;
    router_.SetAuthenticator(auth_.AsAuthenticator());
    AddAllRoutes(router_, deps_);
  }
  ~IdentityTest() override { f_.rt().log().StopWriter(); }

  static policy::Profile LoadLuma() {
    auto p = policy::LoadProfile("luma");
    EXPECT_TRUE(p.ok());
    return p.ok() ? *p : policy::Profile{};
  }

  // One request through the router, as the server would dispatch it.
  Reply_ Call(const std::string& method, const std::string& target, const std::string& body = "",
              std::vector<Header> headers = {}, const std::string& address = "192.0.2.7") {
    Request req;
    req.method = method;
    req.target = target;
    req.body = body;
    req.headers = std::move(headers);
    req.remote_address = address;
    std::promise<Response> done;
    router_.Dispatch(std::move(req), [&done](Response r) { done.set_value(std::move(r)); });
    Response r = done.get_future().get();
    Reply_ out;
    out.status = r.status;
    boost::system::error_code ec;
    json::value v = json::parse(r.body, ec);
    if (!ec && v.is_object()) out.body = v.as_object();
    for (const auto& h : r.headers) {
      if (h.name == "Set-Cookie") out.set_cookie = h.value;
      if (h.name == "Retry-After") out.retry_after = h.value;
    }
    return out;
  }

  static std::vector<Header> Cookie(const std::string& secret, const std::string& csrf = "") {
    std::vector<Header> h{{"Cookie", "theme=dark; accord_session=" + secret}};
    if (!csrf.empty()) h.push_back({"X-CSRF-Token", csrf});
    return h;
  }
  static std::string CookieValue(const std::string& set_cookie) {
    auto start = set_cookie.find('=') + 1;
    return set_cookie.substr(start, set_cookie.find(';') - start);
  }

  std::string AddUser(const std::string& email, const std::string& role, bool attested = true,
                      json::object extra = {}) {
    json::object body{{"email", email}, {"name", email.substr(0, email.find('@'))}, {"role", role}};
    for (auto& [k, v] : extra) body[k] = v;
    auto u = app::AddUser(f_.rt().log(), {"test", "installer"}, body, kPassword, profile_.identity,
                          attested);
    EXPECT_TRUE(u.ok()) << (u.ok() ? "" : u.error().ToString());
    if (!u.ok()) return "";
    std::string id(u->at("id").as_string());
    if (attested && u->at("status") == "pending") {  // only the first officer is bootstrapped
      auto r = f_.rt().log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
        auto on = storage::OnboardUser(c, {"test", "security_officer"}, id, c.Now(), "test",
                                       profile_.identity);
        if (!on.ok()) return std::move(on).error();
        return json::value(nullptr);
      });
      EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
    }
    return id;
  }

  struct Signed {
    std::string before;  // the session before MFA (rotated away)
    std::string secret;
    std::string csrf;
    Bytes totp;
  };

  Reply_ SignIn(const std::string& email, const std::string& password = kPassword,
                const std::string& address = "192.0.2.7") {
    json::object body{{"email", email}, {"password", password}};
    return Call("POST", "/api/v1/auth/sign-in", json::serialize(body),
                {{"Content-Type", "application/json"}}, address);
  }

  // Password, TOTP enrolment (luma requires MFA for everyone), confirmation.
  Signed SignInAndEnrol(const std::string& email) {
    Signed s;
    Reply_ r = SignIn(email);
    EXPECT_EQ(r.status, 200) << json::serialize(r.body);
    EXPECT_EQ(r.body["state"], "mfa_enrolment_required");
    s.secret = CookieValue(r.set_cookie);
    s.before = s.secret;
    s.csrf = std::string(r.body["csrf_token"].as_string());
    Reply_ e = Call("POST", "/api/v1/auth/mfa/enrol", "", Cookie(s.secret, s.csrf));
    EXPECT_EQ(e.status, 200) << json::serialize(e.body);
    auto key = Base32Decode(std::string(e.body["secret"].as_string()));
    EXPECT_TRUE(key.ok());
    s.totp = *key;
    json::object code{{"code", Totp(s.totp, f_.clock().Now())}};
    Reply_ c =
        Call("POST", "/api/v1/auth/mfa/confirm", json::serialize(code), Cookie(s.secret, s.csrf));
    EXPECT_EQ(c.status, 200) << json::serialize(c.body);
    EXPECT_EQ(c.body["state"], "active");
    EXPECT_EQ(c.body["recovery_codes"].as_array().size(), 10u);
    s.secret = CookieValue(c.set_cookie);
    s.csrf = std::string(c.body["csrf_token"].as_string());
    return s;
  }

  void Advance(std::chrono::milliseconds d) { f_.clock().Set(f_.clock().Now() + d); }

  std::string AllLeaves() {
    std::string all;
    uint64_t size = f_.LedgerSize();
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      for (uint64_t i = 0; i < size; ++i) {
                        auto leaf = storage::ReadLeaf(tx, i);
                        if (!leaf.ok()) return std::move(leaf).error();
                        all += leaf->leaf + "\n";
                      }
                      return Ok();
                    })
                    .ok());
    return all;
  }

  RuntimeFixture f_;
  policy::Profile profile_;
  Metrics metrics_;
  ApiDeps deps_;
  AuthService auth_;
  Router router_;
};

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
  std::string note = R"({"subject": {"kind": "org", "id": "x"}, "text": "hello"})";
  EXPECT_EQ(Call("POST", "/api/v1/notes", note, Cookie(s.secret)).status, 403);
  EXPECT_EQ(Call("POST", "/api/v1/notes", note, Cookie(s.secret, "forged")).status, 403);
  EXPECT_EQ(Call("POST", "/api/v1/notes", note, Cookie(s.secret, s.csrf)).status, 201);
  Reply_ session = Call("GET", "/api/v1/auth/session", "", Cookie(s.secret));
  EXPECT_EQ(session.body["csrf_token"], s.csrf.c_str()) << "the portal can ask for it again";
}

TEST_F(IdentityTest, BreakGlassNeedsAReasonExpiresAndRaisesAnAlert) {
  AddUser("hal@luma.example", "staff");
  Signed s = SignInAndEnrol("hal@luma.example");
  EXPECT_EQ(Call("GET", "/api/v1/alerts", "", Cookie(s.secret)).status, 403);
  Reply_ short_reason =
      Call("POST", "/api/v1/auth/break-glass", R"({"reason": "urgent"})", Cookie(s.secret, s.csrf));
  EXPECT_EQ(short_reason.status, 422);
  uint64_t before = f_.LedgerSize();
  Reply_ bg = Call("POST", "/api/v1/auth/break-glass",
                   R"({"reason": "Security officer unreachable during an outage of the EHR feed"})",
                   Cookie(s.secret, s.csrf));
  ASSERT_EQ(bg.status, 200) << json::serialize(bg.body);
  EXPECT_GT(f_.LedgerSize(), before);
  Reply_ alerts = Call("GET", "/api/v1/alerts", "", Cookie(s.secret));
  ASSERT_EQ(alerts.status, 200) << "elevated to security_officer";
  ASSERT_EQ(alerts.body["items"].as_array().size(), 1u);
  EXPECT_EQ(alerts.body["items"].as_array()[0].at("type"), "break_glass");
  EXPECT_NE(AllLeaves().find("auth.break_glass_started"), std::string::npos);
  for (int minute = 10; minute < profile_.identity.break_glass_minutes; minute += 10) {
    Advance(std::chrono::minutes(10));  // stay active: the idle timeout still applies
    EXPECT_EQ(Call("GET", "/api/v1/alerts", "", Cookie(s.secret)).status, 200) << minute;
  }
  Advance(std::chrono::minutes(9));
  EXPECT_EQ(Call("GET", "/api/v1/alerts", "", Cookie(s.secret)).status, 200);
  Advance(std::chrono::minutes(2));
  EXPECT_EQ(Call("GET", "/api/v1/alerts", "", Cookie(s.secret)).status, 403)
      << "the elevation ends by itself";
}

TEST_F(IdentityTest, WorkforceAccountsWaitForTheOnboardingGate) {
  AddUser("ivy@luma.example", "security_officer");
  Signed so = SignInAndEnrol("ivy@luma.example");
  auto headers = Cookie(so.secret, so.csrf);
  Reply_ created =
      Call("POST", "/api/v1/users",
           R"({"email": "new@luma.example", "name": "New Hire", "role": "staff"})", headers);
  ASSERT_EQ(created.status, 201) << json::serialize(created.body);
  std::string id(created.body["user"].at("id").as_string());
  std::string initial(created.body["initial_password"].as_string());
  EXPECT_EQ(created.body["user"].at("status"), "pending");
  EXPECT_EQ(SignIn("new@luma.example", initial).status, 401) << "pending cannot sign in";

  std::string actions = "/api/v1/users/" + id + "/actions";
  Reply_ refused = Call("POST", actions, R"({"action": "activate", "comment": "start"})", headers);
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.body["error"].at("details").as_array().size(), 5u);

  std::string attest = "/api/v1/users/" + id + "/attestations";
  uint64_t before = f_.LedgerSize();
  Reply_ bad_device = Call("POST", attest,
                           R"({"kind": "managed_device", "completed_on": "2026-11-01",
                               "mdm_enrolled": true, "disk_encrypted": false,
                               "endpoint_protection": true})",
                           headers);
  EXPECT_EQ(bad_device.status, 422);
  EXPECT_EQ(f_.LedgerSize(), before) << "a refused record writes nothing";
  for (const char* kind :
       {"background_check", "hipaa_training", "security_training", "policy_acknowledgement"}) {
    json::object body{{"kind", kind}, {"completed_on", "2026-11-01"}};
    ASSERT_EQ(Call("POST", attest, json::serialize(body), headers).status, 200) << kind;
  }
  ASSERT_EQ(Call("POST", attest,
                 R"({"kind": "managed_device", "completed_on": "2026-11-01",
                     "mdm_enrolled": true, "disk_encrypted": true, "endpoint_protection": true})",
                 headers)
                .status,
            200);
  Reply_ ok = Call("POST", actions, R"({"action": "activate", "comment": "onboarded"})", headers);
  ASSERT_EQ(ok.status, 200) << json::serialize(ok.body);
  // The system-generated password is one-time: it must be replaced before anything else.
  Reply_ first = SignIn("new@luma.example", initial);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.body["state"], "password_change_required");
  auto pending =
      Cookie(CookieValue(first.set_cookie), std::string(first.body["csrf_token"].as_string()));
  EXPECT_EQ(Call("GET", "/api/v1/parties", "", pending).status, 401);
  EXPECT_EQ(Call("POST", "/api/v1/auth/mfa/enrol", "", pending).status, 409);
  EXPECT_EQ(
      Call("POST", "/api/v1/auth/initial-password", R"({"new_password": "short"})", pending).status,
      422);
  Reply_ changed = Call("POST", "/api/v1/auth/initial-password",
                        R"({"new_password": "my own long passphrase 2026"})", pending);
  ASSERT_EQ(changed.status, 200) << json::serialize(changed.body);
  EXPECT_EQ(changed.body["state"], "mfa_enrolment_required") << "luma: MFA for everyone";
  EXPECT_EQ(SignIn("new@luma.example", initial).status, 401) << "the initial password is gone";
  EXPECT_EQ(SignIn("new@luma.example", "my own long passphrase 2026").status, 200);
  // An initial password nobody used expires after a week.
  Reply_ late =
      Call("POST", "/api/v1/users",
           R"({"email": "late@luma.example", "name": "Late", "role": "auditor"})", headers);
  ASSERT_EQ(late.status, 201);
  std::string late_password(late.body["initial_password"].as_string());
  Advance(std::chrono::hours(24 * 7 + 1));
  EXPECT_EQ(SignIn("late@luma.example", late_password).status, 401);

  // The training expires a year after it was taken: access ends, and the sweep records it.
  std::string token;
  ASSERT_TRUE(
      f_.rt()
          .log()
          .Execute([&](storage::CommandContext& c) -> Result<json::value> {
            auto t = storage::CreateToken(c, {"test", "installer"}, id, "ci", "", std::nullopt);
            if (!t.ok()) return std::move(t).error();
            token = t->secret;
            return json::value(nullptr);
          })
          .ok());
  std::vector<Header> bearer{{"Authorization", "Bearer " + token}};
  EXPECT_EQ(Call("GET", "/api/v1/parties?limit=1", "", bearer).status, 200);
  f_.clock().Set(*ParseRfc3339("2027-11-01T00:00:01.000Z"));
  std::this_thread::sleep_for(kAuthCacheTtl + std::chrono::milliseconds(100));
  EXPECT_EQ(Call("GET", "/api/v1/parties?limit=1", "", bearer).status, 401);
  auto swept = storage::DeactivateLapsedUsers(f_.rt().log(), profile_.identity);
  ASSERT_TRUE(swept.ok());
  EXPECT_GE(*swept, 1);
  auto again = storage::DeactivateLapsedUsers(f_.rt().log(), profile_.identity);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0) << "idempotent";
}

TEST_F(IdentityTest, RevocationReachesAnotherServerWithinTheCacheLifetime) {
  std::string id = AddUser("jo@luma.example", "security_officer");
  std::string token, token_id;
  ASSERT_TRUE(
      f_.rt()
          .log()
          .Execute([&](storage::CommandContext& c) -> Result<json::value> {
            auto t = storage::CreateToken(c, {"test", "installer"}, id, "ci", "", std::nullopt);
            if (!t.ok()) return std::move(t).error();
            token = t->secret;
            token_id = t->id;
            return json::value(nullptr);
          })
          .ok());
  // A second server on the same database: its own cache.
  AuthService other(f_.rt().store(), f_.clock(), profile_.identity);
  Request req;
  req.method = "GET";
  req.target = "/api/v1/parties";
  req.headers = {{"Authorization", "Bearer " + token}};
  auto warm = other.Authenticate(req);
  ASSERT_TRUE(warm.ok() && warm->has_value());
  EXPECT_EQ((*warm)->id, id) << "the token acts as its account";

  std::vector<Header> bearer{{"Authorization", "Bearer " + token}};
  EXPECT_EQ(Call("DELETE", "/api/v1/tokens/" + token_id, "", bearer).status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/parties", "", bearer).status, 401) << "at once on this server";
  std::this_thread::sleep_for(kAuthCacheTtl + std::chrono::milliseconds(100));
  auto after = other.Authenticate(req);
  EXPECT_FALSE(after.ok()) << "the other server refuses it once its cache entry ages out";
}

TEST_F(IdentityTest, EndedSessionsAndOldThrottleRowsArePurgedAfterADay) {
  AddUser("kim@luma.example", "staff");
  Reply_ r = SignIn("kim@luma.example");
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(SignIn("kim@luma.example", "not the password at all").status, 401);
  auto early = storage::PurgeIdentityState(f_.rt().store(), f_.clock().Now());
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(*early, 0) << "live sessions and fresh throttle rows stay";
  Advance(std::chrono::hours(37));  // past the 12 h end, plus a day
  auto late = storage::PurgeIdentityState(f_.rt().store(), f_.clock().Now());
  ASSERT_TRUE(late.ok());
  EXPECT_GE(*late, 3) << "the session and the account and address throttle rows";
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
  EXPECT_EQ(Call("POST", "/api/v1/auth/sign-in", R"({"email": "lee@luma.example"})").status, 400)
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

TEST_F(IdentityTest, BreakGlassCannotTakeOverAccountsOrSilenceItsAlert) {
  std::string officer = AddUser("ora@luma.example", "security_officer");
  AddUser("pat@luma.example", "staff");
  Signed s = SignInAndEnrol("pat@luma.example");
  auto headers = Cookie(s.secret, s.csrf);
  ASSERT_EQ(Call("POST", "/api/v1/auth/break-glass",
                 R"({"reason": "EHR outage, the security officer cannot be reached"})", headers)
                .status,
            200);
  Reply_ reset = Call("POST", "/api/v1/users/" + officer + "/actions",
                      R"({"action": "reset_password", "comment": "take over"})", headers);
  EXPECT_EQ(reset.status, 403) << json::serialize(reset.body);
  Reply_ alerts = Call("GET", "/api/v1/alerts", "", Cookie(s.secret));
  ASSERT_EQ(alerts.status, 200);
  std::string alert(alerts.body["items"].as_array()[0].at("id").as_string());
  EXPECT_EQ(
      Call("POST", "/api/v1/alerts/" + alert + "/acknowledge", R"({"comment": "fine"})", headers)
          .status,
      403);
  EXPECT_EQ(Call("POST", "/api/v1/tokens", R"({"name": "keep"})", headers).status, 403);
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
}  // namespace accord::http
