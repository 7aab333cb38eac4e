// The notification outbox: queued once per dedupe key in the caller's transaction, delivered
// by registered channels with back-off, `failed` after too many attempts, and left queued
// (visible) while no channel for it exists.
#include "accord/storage/outbox.h"

#include <gtest/gtest.h>

#include <functional>
#include <utility>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "accord/core/time.h"
#include "support/runtime_fixture.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using std::chrono::minutes;

// A channel whose answers the test decides; it records what it was asked to send.
class ScriptedChannel final : public storage::OutboxChannel {
 public:
  explicit ScriptedChannel(bool* fail, std::vector<std::string>* sent, bool down = false)
      : fail_(fail), sent_(sent), down_(down) {}
  std::string name() const override { return "email"; }
  Status Send(const storage::OutboxMessage& m) override {
    if (*fail_) return Error{ErrorCode::kInternal, "mail server refused: 451 try later", {}};
    if (down_) return Error{ErrorCode::kUnavailable, "connection refused", {}};
    sent_->push_back(m.recipient + "|" + m.subject);
    return Ok();
  }

 private:
  bool* fail_;
  std::vector<std::string>* sent_;
  bool down_;
};

// A channel during whose Send another server's delivery pass runs.
class OverlappingChannel final : public storage::OutboxChannel {
 public:
  explicit OverlappingChannel(std::vector<std::string>* sent) : sent_(sent) {}
  std::string name() const override { return "email"; }
  Status Send(const storage::OutboxMessage& m) override {
    sent_->push_back(m.dedupe_key);
    if (during) std::exchange(during, nullptr)();
    return Ok();
  }
  std::function<void()> during;

 private:
  std::vector<std::string>* sent_;
};

class OutboxTest : public ::testing::Test {
 protected:
  bool Queue(const std::string& key, const std::string& to = "so@example.com") {
    bool queued = false;
    Status s = f_.rt().store().Write([&](storage::Tx& tx) -> Status {
      auto r = storage::QueueMessage(tx,
                                     storage::OutboxMessage{.dedupe_key = key,
                                                            .user_id = "usr_x",
                                                            .recipient = to,
                                                            .subject = "Due: " + key,
                                                            .body = "body",
                                                            .ref_kind = "review",
                                                            .ref_id = "rev_1"},
                                     f_.clock().Now());
      if (!r.ok()) return std::move(r).error();
      queued = *r;
      return Ok();
    });
    EXPECT_TRUE(s.ok());
    return queued;
  }
  std::vector<json::object> List(const std::string& status = "") {
    std::vector<json::object> out;
    EXPECT_TRUE(f_.rt()
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

  RuntimeFixture f_;
};

TEST_F(OutboxTest, QueuesEachKeyOnceAndWaitsWithoutAChannel) {
  EXPECT_TRUE(Queue("reminder:rev_1:0"));
  EXPECT_FALSE(Queue("reminder:rev_1:0"));
  EXPECT_TRUE(Queue("reminder:rev_1:1"));
  storage::OutboxDelivery delivery(f_.rt().store(), f_.clock());
  auto n = delivery.RunOnce();
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0);
  EXPECT_EQ(List("queued").size(), 2u);
}

TEST_F(OutboxTest, AClaimedMessageIsSentOnceAcrossServersAndOtherChannelsWait) {
  Queue("a");
  ASSERT_TRUE(f_.rt()
                  .store()
                  .Write([&](storage::Tx& tx) -> Status {
                    auto r = storage::QueueMessage(
                        tx, {.dedupe_key = "sms-1", .channel = "sms", .recipient = "+15550100"},
                        f_.clock().Now());
                    if (!r.ok()) return std::move(r).error();
                    return Ok();
                  })
                  .ok());
  std::vector<std::string> sent_first, sent_second;
  storage::OutboxDelivery first(f_.rt().store(), f_.clock());
  storage::OutboxDelivery second(f_.rt().store(), f_.clock());
  auto channel = std::make_unique<OverlappingChannel>(&sent_first);
  channel->during = [&] {
    auto n = second.RunOnce();
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(*n, 0);
  };
  first.AddChannel(std::move(channel));
  second.AddChannel(std::make_unique<OverlappingChannel>(&sent_second));
  auto n = first.RunOnce();
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(sent_first, std::vector<std::string>{"a"});
  EXPECT_TRUE(sent_second.empty());
  auto waiting = List("queued");
  ASSERT_EQ(waiting.size(), 1u);  // the SMS: no channel for it, not tried, not counted
  EXPECT_EQ(waiting[0].at("channel").as_string(), "sms");
  EXPECT_EQ(waiting[0].at("attempts").as_int64(), 0);
}

TEST_F(OutboxTest, AnUnreachableServerEndsThePassAndNeverFailsAMessage) {
  bool fail = false;
  std::vector<std::string> sent;
  storage::OutboxDelivery down(f_.rt().store(), f_.clock());
  down.AddChannel(std::make_unique<ScriptedChannel>(&fail, &sent, true));
  for (const char* key : {"a", "b", "c"}) Queue(key);
  // A day and a half of outage: one try per pass (the first message), the others untried.
  for (int pass = 0; pass < 2 * storage::OutboxDelivery::kMaxAttempts; ++pass) {
    ASSERT_EQ(*down.RunOnce(), 0);
    f_.clock().Advance(std::chrono::hours(7));
  }
  auto waiting = List("queued");
  ASSERT_EQ(waiting.size(), 3u);
  int64_t tries = 0;
  for (const auto& m : waiting) tries += m.at("attempts").as_int64();
  EXPECT_EQ(tries, 2 * storage::OutboxDelivery::kMaxAttempts);
  EXPECT_TRUE(List("failed").empty());
  // The server is back: everything goes, once.
  storage::OutboxDelivery up(f_.rt().store(), f_.clock());
  up.AddChannel(std::make_unique<ScriptedChannel>(&fail, &sent));
  EXPECT_EQ(*up.RunOnce(), 3);
  EXPECT_EQ(sent.size(), 3u);
}

TEST_F(OutboxTest, DeliversAndBacksOffThenFails) {
  bool fail = false;
  std::vector<std::string> sent;
  storage::OutboxDelivery delivery(f_.rt().store(), f_.clock());
  delivery.AddChannel(std::make_unique<ScriptedChannel>(&fail, &sent));
  Queue("a");
  ASSERT_EQ(*delivery.RunOnce(), 1);
  EXPECT_EQ(sent, std::vector<std::string>{"so@example.com|Due: a"});
  auto done = List("sent");
  ASSERT_EQ(done.size(), 1u);
  EXPECT_FALSE(done[0].at("sent_at").is_null());
  EXPECT_EQ(*delivery.RunOnce(), 0);  // sent once, never again

  fail = true;
  Queue("b");
  EXPECT_EQ(*delivery.RunOnce(), 0);
  auto waiting = List("queued");
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_EQ(waiting[0].at("attempts").as_int64(), 1);
  EXPECT_NE(std::string(waiting[0].at("last_error").as_string()).find("451"), std::string::npos);
  // Not retried before its back-off (1 minute after the first failure, then 2, 4, ...).
  EXPECT_EQ(*delivery.RunOnce(), 0);
  EXPECT_EQ(List("queued")[0].at("attempts").as_int64(), 1);
  for (int i = 1; i < storage::OutboxDelivery::kMaxAttempts; ++i) {
    f_.clock().Advance(std::chrono::hours(7));
    EXPECT_EQ(*delivery.RunOnce(), 0);
  }
  auto failed = List("failed");
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].at("attempts").as_int64(), storage::OutboxDelivery::kMaxAttempts);
  f_.clock().Advance(std::chrono::hours(7));
  fail = false;
  EXPECT_EQ(*delivery.RunOnce(), 0);  // a failed message stays failed
}

TEST_F(OutboxTest, ListsNewestFirstWithCursorPages) {
  for (int i = 0; i < 5; ++i) {
    Queue("k" + std::to_string(i));
    f_.clock().Advance(minutes(1));
  }
  std::vector<std::string> subjects;
  std::optional<std::string> after;
  for (int page = 0; page < 5; ++page) {
    ASSERT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto r = storage::ListOutbox(tx, {.after_id = after, .limit = 2});
                      if (!r.ok()) return std::move(r).error();
                      for (const auto& o : r->first) {
                        subjects.emplace_back(o.at("subject").as_string());
                      }
                      after = r->second;
                      return Ok();
                    })
                    .ok());
    if (!after) break;
  }
  EXPECT_EQ(subjects,
            (std::vector<std::string>{"Due: k4", "Due: k3", "Due: k2", "Due: k1", "Due: k0"}));
}

}  // namespace
}  // namespace accord::testing
