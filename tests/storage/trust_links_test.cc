// The trust center's loose ends (issue 29) in process: subscription links derived by HMAC from
// the server's key (nothing secret stored, a tampered or foreign token opens nothing, a new
// subscription gets a new link), the one-click unsubscribe URL on list emails, and the daily
// per-email limit on report requests that a stranger can no longer use up.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "accord/core/time.h"
#include "accord/domain/event.h"
#include "accord/storage/outbox.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/report_requests.h"
#include "accord/storage/trust_subscriptions.h"
#include "support/runtime_fixture.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

const std::string kKey(32, 'k');
const std::string kBase = "https://trust.example.com";

class TrustLinksTest : public ::testing::Test {
 protected:
  Status Write(const std::function<Status(storage::Tx&)>& fn) { return f_.rt().store().Write(fn); }
  // Every outbox row's recipient, body and unsubscribe URL, oldest first.
  struct Mail {
    std::string to, subject, body, unsubscribe;
  };
  std::vector<Mail> Outbox() {
    std::vector<Mail> out;
    EXPECT_TRUE(
        f_.rt()
            .store()
            .Read([&](storage::Tx& tx) -> Status {
              auto rows = tx.Query(
                  "SELECT recipient, subject, body, list_unsubscribe FROM outbox "
                  "ORDER BY created_at, id",
                  {});
              if (!rows.ok()) return std::move(rows).error();
              for (const auto& r : *rows) {
                out.push_back({r.Text(0), r.Text(1), r.Text(2), r.IsNull(3) ? "" : r.Text(3)});
              }
              return Ok();
            })
            .ok());
    return out;
  }
  static std::string TokenIn(const std::string& body) {
    std::string marker = "/trust/subscriptions/";
    size_t at = body.find(marker);
    if (at == std::string::npos) return "";
    size_t from = at + marker.size();
    size_t end = body.find_first_of("\n ", from);
    return body.substr(from, end - from);
  }
  std::optional<storage::Subscriber> Find(const std::string& token, const std::string& key) {
    std::optional<storage::Subscriber> sub;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto s = storage::FindSubscriber(tx, token, key);
                      if (!s.ok()) return std::move(s).error();
                      sub = *s;
                      return Ok();
                    })
                    .ok());
    return sub;
  }
  Status Change(const std::string& token, const std::string& action) {
    return Write([&](storage::Tx& tx) -> Status {
      auto r = storage::ChangeSubscription(tx, token, action, kKey, f_.clock().Now());
      if (!r.ok()) return std::move(r).error();
      return Ok();
    });
  }
  Status Subscribe(const std::string& email) {
    return Write([&](storage::Tx& tx) {
      return storage::Subscribe(tx, email, "127.0.0.2", kBase, kKey, f_.clock().Now());
    });
  }

  RuntimeFixture f_;
};

TEST_F(TrustLinksTest, SubscriptionLinksAreDerivedNotStored) {
  ASSERT_TRUE(Subscribe("reader@example.org").ok());
  std::vector<Mail> mails = Outbox();
  ASSERT_EQ(mails.size(), 1u);
  std::string token = TokenIn(mails[0].body);
  ASSERT_GT(token.size(), 43u) << mails[0].body;
  EXPECT_TRUE(mails[0].unsubscribe.empty());  // a confirmation is not a list email
  // Nothing in the subscribers' table can make the link.
  std::string rows;
  ASSERT_TRUE(f_.rt()
                  .store()
                  .Read([&](storage::Tx& tx) -> Status {
                    auto r = tx.Query("SELECT * FROM trust_subscribers", {});
                    if (!r.ok()) return std::move(r).error();
                    for (const auto& row : *r) {
                      for (size_t i = 0; i < row.size(); ++i) {
                        rows += (row.IsNull(i) ? "" : row.Text(i)) + "|";
                      }
                    }
                    return Ok();
                  })
                  .ok());
  EXPECT_EQ(rows.find(token.substr(token.size() - 43)), std::string::npos) << rows;
  // The link opens it; a changed character, another server's key or a bare id do not.
  ASSERT_TRUE(Find(token, kKey).has_value());
  std::string tampered = token;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(Find(tampered, kKey).has_value());
  EXPECT_FALSE(Find(token, std::string(32, 'x')).has_value());
  EXPECT_FALSE(Find(token.substr(0, token.size() - 43), kKey).has_value());
  EXPECT_FALSE(Find("", kKey).has_value());
  EXPECT_EQ(Change(tampered, "confirm").error().code, ErrorCode::kNotFound);

  ASSERT_TRUE(Change(token, "confirm").ok());
  ASSERT_TRUE(Change(token, "unsubscribe").ok());
  EXPECT_EQ(Find(token, kKey)->status, "ended");
  // Subscribing again: a new link; the old one opens nothing.
  f_.clock().Advance(std::chrono::seconds(5));
  ASSERT_TRUE(Subscribe("reader@example.org").ok());
  std::string fresh = TokenIn(Outbox().back().body);
  EXPECT_NE(fresh, token);
  EXPECT_TRUE(Find(fresh, kKey).has_value());
  EXPECT_FALSE(Find(token, kKey).has_value());
}

TEST_F(TrustLinksTest, ListEmailsCarryTheOneClickUnsubscribeLink) {
  ASSERT_TRUE(Subscribe("list@example.org").ok());
  std::string token = TokenIn(Outbox().back().body);
  ASSERT_TRUE(Change(token, "confirm").ok());
  // The first run only sets the starting point; a subprocessor announced after it is news.
  auto notify = [&]() {
    int n = -1;
    EXPECT_TRUE(Write([&](storage::Tx& tx) -> Status {
                  auto r = storage::NotifySubprocessorChanges(tx, kBase, kKey, f_.clock().Now());
                  if (!r.ok()) return std::move(r).error();
                  n = *r;
                  return Ok();
                }).ok());
    return n;
  };
  EXPECT_EQ(notify(), 0);
  f_.clock().Advance(std::chrono::seconds(5));
  auto r = f_.rt().log().Execute([&](storage::CommandContext& c) {
    return storage::CreateRegistryObject(c, "party", "",
                                         json::object{{"name", "Wombat Storage"},
                                                      {"kind", "subcontractor"},
                                                      {"status", "onboarding"},
                                                      {"public_subprocessor", true}},
                                         domain::Actor{"usr_test", "security_officer"});
  });
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(notify(), 1);
  Mail m = Outbox().back();
  EXPECT_EQ(m.subject, "Our subprocessor list changed");
  EXPECT_EQ(m.unsubscribe, kBase + "/trust/subscriptions/" + token);
  EXPECT_NE(m.body.find(m.unsubscribe), std::string::npos);
}

TEST_F(TrustLinksTest, AStrangerCannotUseUpSomeoneElsesDailyRequests) {
  auto request = [&](const std::string& address, const std::string& type) {
    auto r = f_.rt().log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto out = storage::SubmitReportRequest(c, domain::Actor{"public_form", "requester"},
                                              json::object{{"name", "Dana Kim"},
                                                           {"email", "dana@victim.example"},
                                                           {"organisation", "Victim Clinic"},
                                                           {"report_type", type}},
                                              {"public_form", address},
                                              storage::ReportRequestSettings{.link_base = kBase});
      if (!out.ok()) return std::move(out).error();
      return json::value(std::move(*out));
    });
    return r.ok()                                      ? std::string("ok")
           : r.error().code == ErrorCode::kRateLimited ? "limited"
                                                       : r.error().ToString();
  };
  // A stranger types Dana's address for three different reports: their share is used up...
  EXPECT_EQ(request("127.0.0.2", "soc2_type2"), "ok");
  EXPECT_EQ(request("127.0.0.2", "iso27001"), "ok");
  EXPECT_EQ(request("127.0.0.2", "hitrust"), "ok");
  EXPECT_EQ(request("127.0.0.2", "penetration_test"), "limited");
  // ...but Dana, asking from her own network, is not refused.
  EXPECT_EQ(request("127.0.0.3", "penetration_test"), "ok");
}

}  // namespace
}  // namespace accord::testing
