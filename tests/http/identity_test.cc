// IdentityTest (identity_test.h): break-glass, the onboarding gate, revocation reaching
// another server, and the purge of ended sessions and old throttle rows.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <future>
#include <string>
#include <vector>

#include "http/identity_test.h"

namespace accord::http::identity_test {
namespace {

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
  std::string ivy = AddUser("ivy@luma.example", "security_officer");
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
  // Active is active (workflow/account.h); nobody deactivates their own account.
  Reply_ twice = Call("POST", actions, R"({"action": "activate", "comment": "again"})", headers);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.body["error"].at("message"), "the account is active");
  // The accounts' views say what this admin may do now: the portal's buttons.
  auto allowed = [&](const std::string& user) {
    Reply_ r = Call("GET", "/api/v1/users/" + user, "", headers);
    EXPECT_EQ(r.status, 200);
    return r.body["allowed_actions"];
  };
  EXPECT_EQ(allowed(id), (json::array{"deactivate", "change_role", "reset_mfa", "reset_password"}));
  EXPECT_EQ(allowed(ivy), (json::array{"reset_mfa", "reset_password"})) << "not on oneself";
  Reply_ one = Call("GET", "/api/v1/users/" + id, "", headers);
  std::vector<std::string> steps;
  for (const auto& h : one.body["history"].as_array()) {
    steps.emplace_back(h.at("action").as_string());
  }
  EXPECT_EQ(steps.front(), "created");
  EXPECT_EQ(steps.back(), "activated");
  Reply_ self = Call("POST", "/api/v1/users/" + ivy + "/actions",
                     R"({"action": "deactivate", "comment": "leaving"})", headers);
  EXPECT_EQ(self.status, 409);
  EXPECT_EQ(self.body["error"].at("message"),
            "you cannot deactivate your own account: ask another security officer");
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
  // Eleven months on: the cache's lifetime (on the same injected clock) is long past.
  f_.clock().Set(*ParseRfc3339("2027-11-01T00:00:01.000Z"));
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
  // Still cached a moment before its lifetime ends; refused once it has (the injected clock).
  f_.clock().Advance(kAuthCacheTtl - std::chrono::milliseconds(1));
  auto before = other.Authenticate(req);
  EXPECT_TRUE(before.ok() && before->has_value()) << "served from the cache";
  f_.clock().Advance(std::chrono::milliseconds(2));
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
  EXPECT_EQ(reset.body["error"].at("message"),
            "not during break-glass: accounts and alerts are managed by a security officer "
            "signed in as themselves");
  Reply_ alerts = Call("GET", "/api/v1/alerts", "", Cookie(s.secret));
  ASSERT_EQ(alerts.status, 200);
  std::string alert(alerts.body["items"].as_array()[0].at("id").as_string());
  EXPECT_EQ(
      Call("POST", "/api/v1/alerts/" + alert + "/acknowledge", R"({"comment": "fine"})", headers)
          .status,
      403);
  EXPECT_EQ(Call("POST", "/api/v1/tokens", R"({"name": "keep"})", headers).status, 403);
}

}  // namespace
}  // namespace accord::http::identity_test
