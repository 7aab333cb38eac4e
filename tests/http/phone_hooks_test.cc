// SMS end to end (issue 26): `accord serve` with [sms] in --config sends through the local
// provider (tests/support/phone_provider.h), whose signed status callbacks and inbound STOP /
// HELP reach /hooks/twilio/…; a wrong signature or an unknown message changes nothing. Also a
// person's phone number and channel choices, and the delivery view.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <thread>

#include "support/api_server.h"
#include "support/phone_provider.h"
#include "support/temp_dir.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

std::string WriteConfig(const TempDir& dir, const TestPhoneProvider& provider) {
  std::ofstream(dir.path() / "sms.token") << provider.auth_token() << "\n";
  std::string config = (dir.path() / "accord.toml").string();
  std::ofstream(config) << "[sms]\napi_url = \"" << provider.api_url() << "\"\naccount_sid = \""
                        << provider.account_sid() << "\"\nauth_token_file = \""
                        << (dir.path() / "sms.token").string()
                        << "\"\nfrom = \"+15005550006\"\nper_minute = 30\n"
                        // Calls through the same account.
                        << "[voice]\napi_url = \"" << provider.api_url() << "\"\naccount_sid = \""
                        << provider.account_sid() << "\"\nauth_token_file = \""
                        << (dir.path() / "sms.token").string() << "\"\nfrom = \"+15005550006\"\n";
  return config;
}

// The demo's Security Officer has a phone number already (demo_channels.cc): the Privacy
// Officer starts without one.
const char* kWho = "privacy_officer";

class PhoneHooksTest : public ::testing::Test {
 protected:
  PhoneHooksTest() : server({"--config", WriteConfig(config_dir, provider)}) {}
  std::string Url(const std::string& path) {
    return "http://127.0.0.1:" + std::to_string(server.port()) + path;
  }
  // What the provider got for one number (the demo's Security Officer takes reminders by SMS
  // too: those go to the same provider).
  std::vector<TestPhoneProvider::Sent> SentTo(const std::string& to) {
    std::vector<TestPhoneProvider::Sent> out;
    for (auto& s : provider.sent()) {
      if (s.to == to) out.push_back(s);
    }
    return out;
  }
  // The outbox's delivery thread passes every 5 s: waits (bounded) for the provider to get
  // `n` messages for `to`.
  bool WaitForSent(const std::string& to, size_t n) {
    for (int i = 0; i < 300 && SentTo(to).size() < n; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return SentTo(to).size() >= n;
  }
  HttpResult Patch(const std::string& body) {
    return server.Call("PATCH", "/api/v1/account/notifications", body, kWho);
  }
  std::string SendTest(const std::string& channel = "sms") {
    auto r = server.Post("/api/v1/account/notifications/test",
                         R"({"channel":")" + channel + R"("})", kWho);
    EXPECT_EQ(r.status, 202) << r.body;
    return std::string(json::parse(r.body).at("id").as_string());
  }
  std::string Steps(const std::string& id) {
    json::value entry = server.GetJson("/api/v1/outbox/" + id);
    std::string out;
    for (const auto& h : entry.at("history").as_array()) {
      out += (out.empty() ? "" : ",") + std::string(h.at("status").as_string());
    }
    return out;
  }

  TestPhoneProvider provider;
  TempDir config_dir;
  ApiServer server;
};

TEST_F(PhoneHooksTest, ASignedStatusCallbackMarksTheSmsDelivered) {
  auto r = Patch(R"({"phone":"+14155550123","channels":{"reminders":["email","sms"]}})");
  ASSERT_EQ(r.status, 200) << r.body;
  json::value prefs = json::parse(r.body);
  EXPECT_EQ(prefs.at("channels").at("reminders"), (json::array{"email", "sms"}));
  EXPECT_EQ(prefs.at("channels").at("alerts"), (json::array{"email"}));

  std::string id = SendTest();
  ASSERT_TRUE(WaitForSent("+14155550123", 1));
  auto sent = SentTo("+14155550123").at(0);
  EXPECT_EQ(sent.to, "+14155550123");
  EXPECT_EQ(sent.status_callback, Url("/hooks/twilio/status"));

  // A wrongly signed callback and one for a message nobody sent change nothing.
  provider.SignWrongly(true);
  EXPECT_EQ(provider.Report(sent.sid, "delivered"), 403);
  provider.SignWrongly(false);
  EXPECT_EQ(provider.ReportUnknown(Url("/hooks/twilio/status")), 404);
  // Sent is recorded once the provider accepted it (the delivery thread's write follows the
  // provider's answer): wait for it before the callback.
  for (int i = 0; i < 100 && Steps(id) != "queued,sent"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(Steps(id), "queued,sent");
  EXPECT_EQ(provider.Report(sent.sid, "sent"), 200);
  EXPECT_EQ(provider.Report(sent.sid, "delivered"), 200);
  json::value entry = server.GetJson("/api/v1/outbox/" + id);
  EXPECT_EQ(entry.at("channel"), "sms");
  EXPECT_EQ(entry.at("recipient"), "+14155550123");
  EXPECT_EQ(entry.at("delivery_status"), "delivered");
  EXPECT_EQ(Steps(id), "queued,sent,delivered");

  json::value rates = server.GetJson("/api/v1/outbox/delivery-rates?days=7");
  // Today's SMS: this one (and the demo's latest); the demo officer's reminders sent here wait
  // for their callbacks: pending.
  const json::array& sms = rates.at("channels").at("sms").as_array();
  ASSERT_FALSE(sms.empty());
  EXPECT_GE(sms.back().at("delivered").as_int64(), 1) << json::serialize(sms.back());
  EXPECT_GE(sms.back().at("pending").as_int64(), 1) << json::serialize(sms.back());
  EXPECT_EQ(sms.back().at("rate").as_double(), 1.0);
  EXPECT_EQ(server.Get("/api/v1/outbox/delivery-rates?days=0").status, 422);
  EXPECT_EQ(server.Get("/api/v1/outbox/msg_nothing").status, 404);
}

TEST_F(PhoneHooksTest, StopEndsMessagesToTheNumberAndHelpSaysWhatTheyAre) {
  ASSERT_EQ(Patch(R"({"phone":"+14155550124"})").status, 200);
  auto help = provider.Inbound(Url("/hooks/twilio/inbound"), "+14155550124", "help");
  EXPECT_EQ(help.status, 200);
  EXPECT_NE(help.body.find("Reply STOP"), std::string::npos) << help.body;
  provider.SignWrongly(true);
  EXPECT_EQ(provider.Inbound(Url("/hooks/twilio/inbound"), "+14155550124", "STOP").status, 403);
  provider.SignWrongly(false);
  auto stop = provider.Inbound(Url("/hooks/twilio/inbound"), "+14155550124", " Stop ");
  EXPECT_EQ(stop.status, 200);
  EXPECT_NE(stop.body.find("no more messages"), std::string::npos) << stop.body;

  std::string id = SendTest();
  json::value entry;
  for (int i = 0; i < 300; ++i) {
    entry = server.GetJson("/api/v1/outbox/" + id);
    if (entry.at("status") != "queued") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(entry.at("status"), "failed");
  EXPECT_NE(std::string(entry.at("last_error").as_string()).find("STOP"), std::string::npos);
  EXPECT_EQ(SentTo("+14155550124").size(), 0u);

  // START: the number receives messages again.
  EXPECT_EQ(provider.Inbound(Url("/hooks/twilio/inbound"), "+14155550124", "START").status, 200);
  SendTest();
  EXPECT_TRUE(WaitForSent("+14155550124", 1));
}

TEST_F(PhoneHooksTest, PreferencesAreValidatedAndNothingIsWrittenOnARefusal) {
  auto bad = Patch(R"({"phone":"0155 555"})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("\"field\":\"phone\""), std::string::npos) << bad.body;
  auto no_phone = Patch(R"({"channels":{"alerts":["sms"]}})");
  EXPECT_EQ(no_phone.status, 422) << no_phone.body;
  EXPECT_NE(no_phone.body.find("channels.alerts"), std::string::npos) << no_phone.body;
  auto unknown = Patch(R"({"channels":{"gossip":["email"]}})");
  EXPECT_EQ(unknown.status, 422) << unknown.body;
  json::value now = server.GetJson("/api/v1/account/notifications", kWho);
  EXPECT_TRUE(now.at("phone").is_null());
  EXPECT_EQ(now.at("available"), (json::array{"email"}));
  EXPECT_EQ(server.Post("/api/v1/account/notifications/test", R"({"channel":"sms"})", kWho).status,
            422);
  // A party's contact has no notifications here.
  EXPECT_EQ(server.Get("/api/v1/account/notifications", "third_party_contact").status, 403);
}

// The demo's Security Officer takes reminders by SMS (demo_channels.cc): with [sms] set, the
// demo's reminders go out through the provider, and its callback marks one delivered.
TEST_F(PhoneHooksTest, TheDemosSmsReminderGoesThroughTheProvider) {
  ASSERT_TRUE(WaitForSent("+14155550100", 1));
  auto reminder = SentTo("+14155550100").at(0);
  EXPECT_EQ(reminder.from, "+15005550006");
  EXPECT_FALSE(reminder.body.empty());
  std::string id;
  for (int i = 0; i < 100 && id.empty(); ++i) {
    json::value page = server.GetJson("/api/v1/outbox?status=sent&limit=500");
    for (const auto& m : page.at("items").as_array()) {
      if (m.at("channel") == "sms" && m.at("delivery_status") == "sent" &&
          m.at("subject").as_string() == reminder.body.substr(0, reminder.body.find('\n'))) {
        id = std::string(m.at("id").as_string());
      }
    }
    if (id.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_FALSE(id.empty()) << reminder.body;
  EXPECT_EQ(provider.Report(reminder.sid, "delivered"), 200);
  EXPECT_EQ(Steps(id), "queued,sent,delivered");
}

TEST_F(PhoneHooksTest, AnUnansweredCallFailsWithTheProvidersWord) {
  ASSERT_EQ(Patch(R"({"phone":"+14155550125","channels":{"alerts":["voice"]}})").status, 200);
  std::string id = SendTest("voice");
  ASSERT_TRUE(WaitForSent("+14155550125", 1));
  auto call = SentTo("+14155550125").at(0);
  EXPECT_EQ(call.resource, "Calls");
  EXPECT_EQ(call.twiml, "<Response><Say>Accord: a test message you asked for</Say></Response>");
  for (int i = 0; i < 100 && Steps(id) != "queued,sent"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(provider.Report(call.sid, "ringing"), 200);  // a step in between: nothing changes
  EXPECT_EQ(Steps(id), "queued,sent");
  EXPECT_EQ(provider.Report(call.sid, "no-answer"), 200);
  json::value entry = server.GetJson("/api/v1/outbox/" + id);
  EXPECT_EQ(entry.at("channel"), "voice");
  EXPECT_EQ(entry.at("delivery_status"), "failed");
  EXPECT_EQ(entry.at("provider_error"), "no-answer");
  EXPECT_EQ(Steps(id), "queued,sent,failed");
}

}  // namespace
}  // namespace accord::testing
