// IdentityTest (identity_test.h), issue 21 item 5: failed sign-ins are ledger events until
// the account or the address is throttled; after that they are counted, not appended one by
// one, so guessing from many addresses cannot grow the ledger without bound.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "accord/storage/sign_in_failures.h"
#include "http/identity_test.h"

namespace accord::http::identity_test {
namespace {

class ThrottleLedgerTest : public IdentityTest {
 protected:
  // Guesses until `attempts` wrong passwords were checked, waiting as told after each 429,
  // so every guess is a real, counted failure; returns how many were answered 401.
  int Guess(const std::string& email, const std::string& address, int attempts) {
    int failed = 0;
    for (int i = 0; i < attempts * 3 && failed < attempts; ++i) {
      Reply_ r = SignIn(email, "wrong guess number " + std::to_string(i), address);
      if (r.status == 429) {
        Advance(std::chrono::seconds(std::stoll(r.retry_after)));
        continue;
      }
      EXPECT_EQ(r.status, 401);
      ++failed;
    }
    return failed;
  }
};

TEST_F(ThrottleLedgerTest, ThrottledFailuresOfOneAccountAddABoundedNumberOfEvents) {
  AddUser("tess@luma.example", "staff");
  const uint64_t before = f_.LedgerSize();
  ASSERT_EQ(Guess("tess@luma.example", "192.0.2.50", 30), 30);
  const uint64_t grown = f_.LedgerSize() - before;
  // 5 free failures one event each, one event when throttling starts; the other 24 counted.
  EXPECT_LE(grown, 7u) << "30 failed sign-ins appended " << grown << " events";
  EXPECT_NE(AllLeaves().find("\"auth.sign_in_throttled\""), std::string::npos);
}

TEST_F(ThrottleLedgerTest, ManyAddressesGuessingUnknownAccountsAddABoundedNumberOfEvents) {
  const uint64_t before = f_.LedgerSize();
  for (int a = 0; a < 4; ++a) {
    std::string address = "198.51.100." + std::to_string(10 + a);
    ASSERT_EQ(Guess("nobody" + std::to_string(a) + "@luma.example", address, 25), 25);
  }
  const uint64_t grown = f_.LedgerSize() - before;
  EXPECT_LE(grown, 4u * 7u) << "100 failed sign-ins from 4 addresses appended " << grown;
}

// The payloads of the events of `type`, oldest first.
std::vector<json::object> EventsOf(const std::string& leaves, const std::string& type) {
  std::vector<json::object> out;
  size_t start = 0;
  for (size_t end; (end = leaves.find('\n', start)) != std::string::npos; start = end + 1) {
    json::value v = json::parse(leaves.substr(start, end - start));
    if (v.at("type") == type.c_str()) out.push_back(v.as_object());
  }
  return out;
}

TEST_F(ThrottleLedgerTest, AQuietDayEndsTheRunWithTheCount) {
  ASSERT_EQ(Guess("ghost@luma.example", "192.0.2.60", 30), 30);
  auto early = storage::EndQuietThrottles(f_.rt().log());
  ASSERT_TRUE(early.ok()) << early.error().message;
  EXPECT_EQ(*early, 0) << "still guessing: the run goes on";
  Advance(std::chrono::hours(25));
  auto ended = storage::EndQuietThrottles(f_.rt().log());
  ASSERT_TRUE(ended.ok()) << ended.error().message;
  EXPECT_EQ(*ended, 2) << "the account's run and the address's";
  auto events = EventsOf(AllLeaves(), "auth.sign_in_throttle_ended");
  ASSERT_EQ(events.size(), 2u);
  for (const auto& e : events) {
    EXPECT_EQ(e.at("payload").at("failures"), 30) << json::serialize(e);
    EXPECT_EQ(e.at("payload").at("ended_by"), "quiet_day");
    EXPECT_EQ(e.at("subject").at("id"), "unknown") << "a mistyped email is not kept";
  }
  EXPECT_EQ(AllLeaves().find("ghost@"), std::string::npos);
  auto again = storage::EndQuietThrottles(f_.rt().log());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0) << "each run ends once";
}

TEST_F(ThrottleLedgerTest, TheOwnersNextSignInEndsTheRunWithTheCount) {
  std::string id = AddUser("uri@luma.example", "staff");
  Signed s = SignInAndEnrol("uri@luma.example");
  ASSERT_EQ(Guess("uri@luma.example", "192.0.2.61", 9), 9);
  // The owner waits out the block, then signs in with both factors.
  Reply_ r = SignIn("uri@luma.example", kPassword, "192.0.2.62");
  for (int i = 0; i < 3 && r.status == 429; ++i) {
    Advance(std::chrono::seconds(std::stoll(r.retry_after)));
    r = SignIn("uri@luma.example", kPassword, "192.0.2.62");
  }
  ASSERT_EQ(r.status, 200) << json::serialize(r.body);
  Advance(std::chrono::seconds(30));
  Reply_ t = Call("POST", "/api/v1/auth/totp",
                  json::serialize(json::object{{"code", Totp(s.totp, f_.clock().Now())}}),
                  Cookie(CookieValue(r.set_cookie), std::string(r.body["csrf_token"].as_string())));
  ASSERT_EQ(t.status, 200) << json::serialize(t.body);
  auto events = EventsOf(AllLeaves(), "auth.sign_in_throttle_ended");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].at("subject").at("id"), id.c_str());
  EXPECT_EQ(events[0].at("payload").at("throttled"), "account");
  EXPECT_EQ(events[0].at("payload").at("failures"), 9);
  EXPECT_EQ(events[0].at("payload").at("ended_by"), "signed_in");
}

}  // namespace
}  // namespace accord::http::identity_test
