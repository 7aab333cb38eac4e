// SMS and voice through the Twilio-format adapter (app/phone_channel.h) against the local
// provider (tests/support/phone_provider.h): what it sends, how each misbehaviour maps onto the
// outbox's rules (down or slow: wait; a refused number: fail at once), the per-channel rate
// limit, STOP replies, and each message's status history.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "accord/app/phone_channel.h"
#include "accord/storage/deliveries.h"
#include "accord/storage/outbox.h"
#include "support/phone_provider.h"
#include "support/runtime_fixture.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

app::PhoneConfig ConfigFor(const TestPhoneProvider& p) {
  app::PhoneConfig c;
  c.api_url = p.api_url();
  c.account_sid = p.account_sid();
  c.auth_token = p.auth_token();
  c.from = "+15005550006";
  c.timeout = std::chrono::seconds(5);
  c.status_callback = "http://127.0.0.1:9/hooks/twilio/status";
  return c;
}

storage::OutboxMessage Sms(const std::string& key, const std::string& to) {
  return storage::OutboxMessage{.dedupe_key = key,
                                .channel = "sms",
                                .user_id = "usr_1",
                                .recipient = to,
                                .subject = "Due in 7 days: Security review: Relay SMS",
                                .ref_kind = "review",
                                .ref_id = "rev_1"};
}

TEST(PhoneChannelTest, SendsAnSmsAndACallInTheProvidersFormat) {
  TestPhoneProvider provider;
  app::PhoneChannel sms("sms", ConfigFor(provider));
  auto sid = sms.Deliver(Sms("k1", "+14155550123"));
  ASSERT_TRUE(sid.ok()) << sid.error().message;
  EXPECT_TRUE(sid->starts_with("SM")) << *sid;
  app::PhoneChannel voice("voice", ConfigFor(provider));
  storage::OutboxMessage call = Sms("k2", "+14155550124");
  call.subject = "Escalation: <on-call> & you";
  auto call_sid = voice.Deliver(call);
  ASSERT_TRUE(call_sid.ok()) << call_sid.error().message;
  EXPECT_TRUE(call_sid->starts_with("CA")) << *call_sid;

  auto sent = provider.sent();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].resource, "Messages");
  EXPECT_EQ(sent[0].to, "+14155550123");
  EXPECT_EQ(sent[0].from, "+15005550006");
  EXPECT_EQ(sent[0].body, "Due in 7 days: Security review: Relay SMS");
  EXPECT_EQ(sent[0].status_callback, "http://127.0.0.1:9/hooks/twilio/status");
  EXPECT_EQ(sent[1].resource, "Calls");
  EXPECT_EQ(sent[1].twiml, "<Response><Say>Escalation: &lt;on-call&gt; &amp; you</Say></Response>");
}

TEST(PhoneChannelTest, MapsEachMisbehaviourOntoTheOutboxsRules) {
  TestPhoneProvider provider;
  app::PhoneChannel sms("sms", ConfigFor(provider));
  // Not E.164: refused before any request.
  auto bad = sms.Deliver(Sms("k", "0155 555 0123"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kValidationFailed);
  EXPECT_EQ(provider.requests(), 0);
  // The provider refuses the number (error 21211): never deliverable.
  auto refused = sms.Deliver(Sms("k", "+15005550001"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kValidationFailed);
  EXPECT_NE(refused.error().message.find("21211"), std::string::npos) << refused.error().message;
  // Down (5xx): wait, nothing fails.
  provider.FailNext(1, 503);
  auto down = sms.Deliver(Sms("k", "+14155550123"));
  ASSERT_FALSE(down.ok());
  EXPECT_EQ(down.error().code, ErrorCode::kUnavailable);
  // Wrong credentials: every message would fail alike, so they wait too.
  app::PhoneConfig wrong = ConfigFor(provider);
  wrong.auth_token = "not-it";
  auto unauthorised = app::PhoneChannel("sms", wrong).Deliver(Sms("k", "+14155550123"));
  ASSERT_FALSE(unauthorised.ok());
  EXPECT_EQ(unauthorised.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(unauthorised.error().message.find("20003"), std::string::npos);
  // Slow beyond the timeout: unreachable.
  app::PhoneConfig impatient = ConfigFor(provider);
  impatient.timeout = std::chrono::seconds(1);
  provider.SetDelay(std::chrono::milliseconds(1500));
  auto slow = app::PhoneChannel("sms", impatient).Deliver(Sms("k", "+14155550123"));
  ASSERT_FALSE(slow.ok());
  EXPECT_EQ(slow.error().code, ErrorCode::kUnavailable);
}

class PhoneOutboxTest : public ::testing::Test {
 protected:
  void Queue(const storage::OutboxMessage& m) {
    ASSERT_TRUE(f.rt()
                    .store()
                    .Write([&](storage::Tx& tx) -> Status {
                      auto q = storage::QueueMessage(tx, m, f.clock().Now());
                      if (!q.ok()) return std::move(q).error();
                      return Ok();
                    })
                    .ok());
  }
  std::vector<json::object> List(const std::string& status) {
    std::vector<json::object> out;
    EXPECT_TRUE(f.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto r = storage::ListOutbox(tx, {.status = status, .limit = 100});
                      if (!r.ok()) return std::move(r).error();
                      out = std::move(r->first);
                      return Ok();
                    })
                    .ok());
    return out;
  }
  json::array History(const std::string& id) {
    json::array out;
    EXPECT_TRUE(f.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto r = storage::ReadOutboxEntry(tx, id);
                      if (!r.ok()) return std::move(r).error();
                      if (*r) out = (*r)->at("history").as_array();
                      return Ok();
                    })
                    .ok());
    return out;
  }
  static std::string Steps(const json::array& history) {
    std::string out;
    for (const auto& h : history)
      out += (out.empty() ? "" : ",") + std::string(h.at("status").as_string());
    return out;
  }
  RuntimeFixture f;
  TestPhoneProvider provider;
};

TEST_F(PhoneOutboxTest, RetriesAfterA5xxThenRecordsTheProvidersStatuses) {
  Queue(Sms("reminder:1", "+14155550123"));
  storage::OutboxDelivery delivery(f.rt().store(), f.clock());
  delivery.AddChannel(std::make_unique<app::PhoneChannel>("sms", ConfigFor(provider)));
  provider.FailNext(1, 500);
  EXPECT_EQ(*delivery.RunOnce(), 0);
  auto waiting = List("queued");
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_NE(std::string(waiting[0].at("last_error").as_string()).find("500"), std::string::npos);
  f.clock().Advance(std::chrono::minutes(2));
  EXPECT_EQ(*delivery.RunOnce(), 1);
  auto sent = List("sent");
  ASSERT_EQ(sent.size(), 1u);
  std::string id(sent[0].at("id").as_string());
  EXPECT_EQ(sent[0].at("delivery_status"), "sent");

  std::string sid = provider.sent().at(0).sid;
  auto apply = [&](const std::string& status, const std::string& code) {
    std::optional<std::string> message;
    EXPECT_TRUE(
        f.rt()
            .store()
            .Write([&](storage::Tx& tx) -> Status {
              auto r = storage::ApplyProviderStatus(tx, {sid, status, code, ""}, f.clock().Now());
              if (!r.ok()) return std::move(r).error();
              message = *r;
              return Ok();
            })
            .ok());
    return message;
  };
  EXPECT_EQ(apply("sending", ""), id);  // a step in between changes nothing
  EXPECT_EQ(apply("delivered", ""), id);
  EXPECT_EQ(apply("failed", "30003"), id);  // late and out of order: delivered stays
  EXPECT_EQ(Steps(History(id)), "queued,retrying,sent,delivered");
  EXPECT_EQ(List("sent")[0].at("delivery_status"), "delivered");
}

TEST_F(PhoneOutboxTest, AFailedDeliveryKeepsTheProvidersError) {
  Queue(Sms("reminder:1", "+14155550123"));
  storage::OutboxDelivery delivery(f.rt().store(), f.clock());
  delivery.AddChannel(std::make_unique<app::PhoneChannel>("sms", ConfigFor(provider)));
  EXPECT_EQ(*delivery.RunOnce(), 1);
  std::string id(List("sent").at(0).at("id").as_string());
  ASSERT_TRUE(f.rt()
                  .store()
                  .Write([&](storage::Tx& tx) -> Status {
                    auto r = storage::ApplyProviderStatus(
                        tx, {provider.sent().at(0).sid, "undelivered", "30005", "Unknown handset"},
                        f.clock().Now());
                    if (!r.ok()) return std::move(r).error();
                    return Ok();
                  })
                  .ok());
  auto entry = List("sent").at(0);
  EXPECT_EQ(entry.at("delivery_status"), "failed");
  EXPECT_EQ(entry.at("provider_error"), "undelivered (error 30005): Unknown handset");
  EXPECT_EQ(Steps(History(id)), "queued,sent,failed");
}

TEST_F(PhoneOutboxTest, ARefusedNumberFailsAtOnceAndStopIsHonoured) {
  Queue(Sms("reminder:bad", "+15005550001"));
  Queue(Sms("reminder:stopped", "+14155550199"));
  ASSERT_TRUE(f.rt()
                  .store()
                  .Write([&](storage::Tx& tx) {
                    return storage::SetOptOut(tx, "sms", "+14155550199", true, f.clock().Now());
                  })
                  .ok());
  storage::OutboxDelivery delivery(f.rt().store(), f.clock());
  delivery.AddChannel(std::make_unique<app::PhoneChannel>("sms", ConfigFor(provider)));
  EXPECT_EQ(*delivery.RunOnce(), 0);
  auto failed = List("failed");
  ASSERT_EQ(failed.size(), 2u);
  for (const auto& m : failed) {
    std::string error(m.at("last_error").as_string());
    if (m.at("recipient") == "+15005550001") {
      EXPECT_NE(error.find("21211"), std::string::npos) << error;
    } else {
      EXPECT_NE(error.find("STOP"), std::string::npos) << error;
    }
  }
  EXPECT_EQ(provider.sent().size(), 0u);  // the opted-out number was never sent to
}

TEST_F(PhoneOutboxTest, APassSendsNoMoreThanTheChannelsLimitAMinute) {
  for (int i = 0; i < 5; ++i)
    Queue(Sms("r:" + std::to_string(i), "+1415555010" + std::to_string(i)));
  app::PhoneConfig limited = ConfigFor(provider);
  limited.per_minute = 2;
  storage::OutboxDelivery delivery(f.rt().store(), f.clock());
  delivery.AddChannel(std::make_unique<app::PhoneChannel>("sms", limited));
  EXPECT_EQ(*delivery.RunOnce(), 2);
  EXPECT_EQ(*delivery.RunOnce(), 0);  // the same minute: the rest wait, untried
  for (const auto& m : List("queued")) EXPECT_EQ(m.at("attempts").as_int64(), 0);
  f.clock().Advance(std::chrono::seconds(61));
  EXPECT_EQ(*delivery.RunOnce(), 2);
  f.clock().Advance(std::chrono::seconds(61));
  EXPECT_EQ(*delivery.RunOnce(), 1);
  EXPECT_EQ(provider.sent().size(), 5u);
}

}  // namespace
}  // namespace accord::testing
