// Subprocessor-list subscriptions (api_trust_subscriptions.cc): double opt-in, then each
// change is emailed until the subscriber unsubscribes.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "http/report_request_test.h"
#include "support/api_server.h"
#include "support/smtp_server.h"

namespace accord::testing::report_request {
namespace {

// Subscriptions to the subprocessor list, against their own server and mail server (the
// per-address form counter is shared with the request form).
TEST(SubscriptionTest, DoubleOptInThenEachChangeIsEmailedUntilUnsubscribed) {
  SmtpTestServer smtp;
  ASSERT_TRUE(smtp.started()) << smtp.error();
  ApiServer s({"--smtp-host", "127.0.0.1", "--smtp-port", std::to_string(smtp.port()),
               "--smtp-from", "trust@luma.example", "--smtp-ca-file", smtp.ca_file().string()});
  auto mail = [&](const std::string& to, const std::string& subject) -> std::string {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    while (std::chrono::steady_clock::now() < deadline) {
      for (const auto& m : smtp.Messages()) {
        if (Has(m, "To: <" + to + ">") && Has(m, "Subject: " + subject)) return DecodeQp(m);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    ADD_FAILURE() << "no email to " << to << ": " << subject;
    return "";
  };
  auto form = [&](const std::string& target, const std::string& body) {
    return HttpCall(s.port(), "POST", target, body,
                    {{"Content-Type", "application/x-www-form-urlencoded"}});
  };
  EXPECT_TRUE(Has(HttpCall(s.port(), "GET", "/trust").body, "action=\"/trust/subscribe\""));
  HttpResult bad = form("/trust/subscribe", "email=not-an-address");
  EXPECT_EQ(bad.status, 422);
  HttpResult ok = form("/trust/subscribe", "email=Customer%40Example.org");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(Has(ok.body, "Check your inbox"));
  // Entered again the same day: the same answer, no second email.
  HttpResult again =
      HttpCall(s.port(), "POST", "/api/v1/public/subscriptions",
               R"({"email": "customer@example.org"})", {{"Content-Type", "application/json"}});
  EXPECT_EQ(again.status, 202) << again.body;

  std::string body = mail("customer@example.org", "Confirm your subscription");
  std::string token = LinkToken(body, "subscriptions");
  ASSERT_GE(token.size(), 43u) << body;
  HttpResult page = HttpCall(s.port(), "GET", "/trust/subscriptions/" + token);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "waiting for your confirmation"));
  HttpResult confirmed = form("/trust/subscriptions/" + token, "action=confirm");
  ASSERT_EQ(confirmed.status, 200);
  EXPECT_TRUE(Has(confirmed.body, "Subscription confirmed"));

  // A new subprocessor is announced while it is onboarded, then added.
  HttpResult created = s.Post("/api/v1/parties", R"({"name": "Wombat Storage",
      "kind": "subcontractor", "public_subprocessor": true, "purpose": "Backups",
      "location": "Canada"})");
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id = Str(json::parse(created.body).at("id"));
  ASSERT_EQ(s.Call("PATCH", "/api/v1/parties/" + id, R"({"status": "onboarding"})").status, 200);
  body = mail("customer@example.org", "Our subprocessor list changed");
  EXPECT_TRUE(Has(body, "Wombat Storage is planned")) << body;
  EXPECT_TRUE(Has(body, "Backups; data location: Canada")) << body;
  EXPECT_TRUE(Has(body, "/trust/subscriptions/" + token)) << body;

  // The list email names its one-click unsubscribe (RFC 2369, RFC 8058): the manage link,
  // which a mail client POSTs List-Unsubscribe=One-Click to.
  std::string raw;
  for (const auto& m : smtp.Messages()) {
    if (Has(m, "Subject: Our subprocessor list changed")) raw = m;
  }
  EXPECT_TRUE(Has(raw, "/trust/subscriptions/" + token + ">")) << raw;
  EXPECT_TRUE(Has(raw, "List-Unsubscribe: <http")) << raw;
  EXPECT_TRUE(Has(raw, "List-Unsubscribe-Post: List-Unsubscribe=One-Click")) << raw;
  HttpResult ended = form("/trust/subscriptions/" + token, "List-Unsubscribe=One-Click");
  ASSERT_EQ(ended.status, 200);
  EXPECT_TRUE(Has(ended.body, "You are unsubscribed"));
  EXPECT_TRUE(Has(HttpCall(s.port(), "GET", "/trust/subscriptions/" + token).body, "ended"));
  // Subscribing again after ending it: a new confirmation at once, a new link.
  ASSERT_EQ(form("/trust/subscribe", "email=customer%40example.org").status, 200);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  size_t confirmations = 0;
  while (confirmations < 2 && std::chrono::steady_clock::now() < deadline) {
    confirmations = 0;
    for (const auto& m : smtp.Messages()) confirmations += Has(m, "Subject: Confirm your") ? 1 : 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  EXPECT_EQ(confirmations, 2u);
  EXPECT_EQ(form("/trust/subscriptions/unknown-token", "action=confirm").status, 404);
}

}  // namespace
}  // namespace accord::testing::report_request
