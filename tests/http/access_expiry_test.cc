// Access grants expiring by time (TP-4), in process with a fake clock: at their end, once,
// and only approved grants; a request that waited for its approver can still be approved.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>

#include "accord/core/time.h"
#include "accord/policy/profile.h"
#include "accord/storage/grants.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/registry_store.h"
#include "support/runtime_fixture.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;

std::string Str(const json::value& v) { return std::string(v.as_string()); }
std::string At(TimePoint t) { return FormatRfc3339(t); }

class AccessExpiryTest : public ::testing::Test {
 protected:
  AccessExpiryTest() {
    auto profile = policy::LoadProfile("luma");
    EXPECT_TRUE(profile.ok());
    if (profile.ok()) profile_ = std::move(*profile);
  }
  const policy::AccessPolicy& policy() const { return profile_.access; }

  json::object Run(std::function<Result<json::value>(storage::CommandContext&)> fn) {
    auto r = f_.rt().log().Execute(std::move(fn));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
    return r.ok() ? r->as_object() : json::object{};
  }
  std::string Create(std::string_view kind, const std::string& parent, json::object body) {
    json::object o = Run([&](storage::CommandContext& c) {
      return storage::CreateRegistryObject(c, kind, parent, body, officer_);
    });
    return o.contains("id") ? Str(o.at("id")) : "";
  }
  json::object Grant(const std::string& id) {
    json::object doc;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto o = storage::GetObject(tx, "grant", id, storage::Scope{});
                      if (!o.ok()) return std::move(o).error();
                      if (o->has_value()) doc = (*o)->doc;
                      return Ok();
                    })
                    .ok());
    return doc;
  }
  json::object LastEvent() {
    json::object event;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto head = storage::ReadHead(tx);
                      if (!head.ok()) return std::move(head).error();
                      auto leaf = storage::ReadLeaf(tx, head->size() - 1);
                      if (!leaf.ok()) return std::move(leaf).error();
                      event = json::parse(leaf->leaf).as_object();
                      return Ok();
                    })
                    .ok());
    return event;
  }
  int Expire() {
    auto n = storage::ExpireGrants(f_.rt().log());
    EXPECT_TRUE(n.ok()) << (n.ok() ? "" : n.error().ToString());
    return n.ok() ? *n : -1;
  }
  // A staging grant for an onboarding customer with an executed BAA, requested now.
  std::string RequestGrant(TimePoint end) {
    TimePoint now = f_.clock().Now();
    if (party_.empty()) {
      system_ = Create("system", "",
                       {{"name", "Staging"},
                        {"environment", "staging"},
                        {"contains_ephi", false},
                        {"owner", "Platform"}});
      party_ = Create("party", "",
                      {{"name", "Expiry Clinic"}, {"kind", "customer"}, {"status", "onboarding"}});
      contact_ = Create("contact", party_, {{"name", "Desk"}, {"email", "desk@expiry.example"}});
      Create("agreement", party_,
             {{"type", "baa"},
              {"status", "executed"},
              {"effective_at", At(now - days(30))},
              {"expires_at", At(now + days(400))},
              {"baa",
               {{"safeguards", true},
                {"subcontractor_flow_down", true},
                {"incident_reporting", true},
                {"responsibilities", "Each party secures ePHI in its custody."}}}});
    }
    json::object body{{"party_id", party_},
                      {"contact_id", contact_},
                      {"start_at", At(now)},
                      {"end_at", At(end)},
                      {"lines", json::array{json::object{{"system_id", system_},
                                                         {"permission", "read"},
                                                         {"justification", "Support case"}}}}};
    json::object g = Run([&](storage::CommandContext& c) {
      return storage::RequestGrant(c, policy(), body, requester_);
    });
    EXPECT_EQ(g.at("status"), "requested") << json::serialize(g);
    return g.contains("id") ? Str(g.at("id")) : "";
  }
  json::object Decide(const std::string& id, const std::string& verb,
                      const std::string& comment = "") {
    return Run([&](storage::CommandContext& c) {
      return storage::ApplyGrantAction(c, policy(), id, verb, comment, officer_);
    });
  }

  RuntimeFixture f_;
  policy::Profile profile_;
  domain::Actor officer_{"usr_so", "security_officer"};
  domain::Actor requester_{"usr_staff", "staff"};  // not the approver: separation of duties
  std::string system_, party_, contact_;
};

TEST_F(AccessExpiryTest, AnApprovedGrantExpiresAtItsEndOnceAndNotBefore) {
  TimePoint end = f_.clock().Now() + hours(8);
  std::string id = RequestGrant(end);
  EXPECT_EQ(Decide(id, "approve").at("status"), "approved");
  uint64_t size = f_.LedgerSize();

  EXPECT_EQ(Expire(), 0);
  f_.clock().Set(end - milliseconds(1));
  EXPECT_EQ(Expire(), 0);
  EXPECT_EQ(f_.LedgerSize(), size);
  EXPECT_EQ(Grant(id).at("status"), "approved");

  f_.clock().Set(end);
  EXPECT_EQ(Expire(), 1);
  EXPECT_EQ(f_.LedgerSize(), size + 1);
  json::object event = LastEvent();
  EXPECT_EQ(event.at("type"), "grant.expired");
  EXPECT_EQ(event.at("subject").at("id"), id.c_str());
  EXPECT_EQ(event.at("actor").at("role"), domain::SystemActor().role.c_str());
  EXPECT_EQ(event.at("time"), At(end).c_str());
  json::object g = Grant(id);
  EXPECT_EQ(g.at("status"), "expired");
  EXPECT_EQ(g.at("version"), 3);

  // Running the sweep again, now or much later, records nothing twice.
  EXPECT_EQ(Expire(), 0);
  f_.clock().Advance(days(5));
  EXPECT_EQ(Expire(), 0);
  EXPECT_EQ(f_.LedgerSize(), size + 1);
  // An expired grant cannot be revoked or approved any more.
  auto r = f_.rt().log().Execute([&](storage::CommandContext& c) {
    return storage::ApplyGrantAction(c, policy(), id, "revoke", "too late", officer_);
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
}

TEST_F(AccessExpiryTest, ARequestThatWaitedForItsApproverCanStillBeApproved) {
  std::string id = RequestGrant(f_.clock().Now() + days(30));
  f_.clock().Advance(days(2));  // the Security Officer was away; the start has passed
  json::object g = Decide(id, "approve");
  ASSERT_EQ(g.at("status"), "approved") << json::serialize(g);
  EXPECT_EQ(Str(g.at("decision").at("decision")), "needs_approval");

  // A request whose end has passed meanwhile is refused, naming the rule.
  std::string late = RequestGrant(f_.clock().Now() + hours(1));
  f_.clock().Advance(hours(2));
  auto r = f_.rt().log().Execute([&](storage::CommandContext& c) {
    return storage::ApplyGrantAction(c, policy(), late, "approve", "", officer_);
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  ASSERT_FALSE(r.error().details.empty());
  EXPECT_EQ(r.error().details.front().field, "tr3.entitlement_review_period");
  EXPECT_EQ(Grant(late).at("status"), "requested");
}

TEST_F(AccessExpiryTest, OnlyApprovedGrantsExpire) {
  TimePoint end = f_.clock().Now() + hours(1);
  std::string requested = RequestGrant(end);
  std::string revoked = RequestGrant(end);
  std::string approved = RequestGrant(end + hours(1));
  Decide(revoked, "approve");
  EXPECT_EQ(Decide(revoked, "revoke", "Work finished early").at("status"), "revoked");
  Decide(approved, "approve");
  uint64_t size = f_.LedgerSize();

  f_.clock().Set(end + minutes(30));
  EXPECT_EQ(Expire(), 0);
  EXPECT_EQ(f_.LedgerSize(), size);
  f_.clock().Set(end + hours(2));
  EXPECT_EQ(Expire(), 1);
  EXPECT_EQ(Grant(requested).at("status"), "requested");
  EXPECT_EQ(Grant(revoked).at("status"), "revoked");
  EXPECT_EQ(Grant(approved).at("status"), "expired");
  // Two sweeps with two due grants record each once.
  std::string a = RequestGrant(f_.clock().Now() + hours(1));
  std::string b = RequestGrant(f_.clock().Now() + hours(1));
  Decide(a, "approve");
  Decide(b, "approve");
  f_.clock().Advance(hours(1));
  EXPECT_EQ(Expire(), 2);
  EXPECT_EQ(Expire(), 0);
}

}  // namespace
}  // namespace accord::testing
