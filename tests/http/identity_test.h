// Identity in-process with a fake clock (issue 5), one suite (IdentityTest): sign-in, TOTP,
// replay, throttling, session timeouts and CSRF (sign_in_test.cc); break-glass, the
// onboarding gate, training expiry, token revocation across servers and the purge
// (identity_test.cc). This header holds the suite's fixture: routes, accounts, a fake clock.
#pragma once

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

namespace accord::http::identity_test {

namespace json = boost::json;
using testing::RuntimeFixture;

inline constexpr const char* kPassword = "violet harbour lantern 1987";

struct Reply_ {
  int status = 0;
  json::object body;
  std::string set_cookie;
  std::string retry_after;
  std::string location;
  std::string content_type;
  std::string text;  // the body as sent (pages are HTML)
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

  // One request through the router, as the server would dispatch it. A body goes as JSON
  // unless `headers` name a Content-Type (an empty one sends none).
  Reply_ Call(const std::string& method, const std::string& target, const std::string& body = "",
              std::vector<Header> headers = {}, const std::string& address = "192.0.2.7") {
    bool typed = false;
    for (const auto& h : headers) typed |= h.name == "Content-Type";
    if (!body.empty() && !typed) headers.push_back({"Content-Type", "application/json"});
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
    out.content_type = r.content_type;
    out.text = r.body;
    boost::system::error_code ec;
    json::value v = json::parse(r.body, ec);
    if (!ec && v.is_object()) out.body = v.as_object();
    for (const auto& h : r.headers) {
      if (h.name == "Set-Cookie") out.set_cookie = h.value;
      if (h.name == "Retry-After") out.retry_after = h.value;
      if (h.name == "Location") out.location = h.value;
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

}  // namespace accord::http::identity_test
