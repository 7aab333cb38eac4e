// TR-3 entitlement reviews: the schedule (regular every 90 days, elevated every 60, opened
// 14 days ahead, due dates fixed by the organisation's creation), overdue alerts, the lines
// of each scope, and certify/revoke with immediate effect. In process with a fake clock
// where time matters (entitlement_schedule_test.cc, entitlement_review_test.cc); one test
// against a real server for the revoked token. This header holds the in-process fixture.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "accord/app/serve.h"
#include "accord/core/time.h"
#include "accord/domain/identity.h"
#include "accord/domain/registry.h"
#include "accord/http/api.h"
#include "accord/http/registry_http.h"
#include "accord/policy/profile.h"
#include "accord/storage/entitlement_reviews.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/registry_store.h"
#include "support/api_assert.h"
#include "support/api_server.h"
#include "support/runtime_fixture.h"

namespace accord::testing::entitlement {

namespace json = boost::json;
using domain::StateString;
using std::chrono::days;
using std::chrono::milliseconds;

inline std::string Str(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : "";
}

// The lines of a campaign of one kind, in order.
inline std::vector<json::object> LinesOf(const json::object& review, std::string_view kind) {
  std::vector<json::object> out;
  for (const auto& l : review.at("lines").as_array()) {
    if (StateString(l.as_object(), "kind") == kind) out.push_back(l.as_object());
  }
  return out;
}

// The line about a user or a grant ("" when absent).
inline std::string LineFor(const json::object& review, std::string_view kind, std::string_view key,
                           std::string_view value) {
  for (const auto& l : LinesOf(review, kind)) {
    if (StateString(l, key) == value) return StateString(l, "line_id");
  }
  return "";
}

class EntitlementFixture : public ::testing::Test {
 protected:
  EntitlementFixture() {
    auto profile = policy::LoadProfile("luma");
    EXPECT_TRUE(profile.ok());
    if (profile.ok()) profile_ = std::move(*profile);
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto a = storage::ReviewAnchor(tx);
                      if (!a.ok()) return std::move(a).error();
                      if (a->has_value()) anchor_ = **a;
                      return Ok();
                    })
                    .ok());
  }
  const policy::IdentityPolicy& policy() const { return profile_.identity; }

  json::object Run(std::function<Result<json::value>(storage::CommandContext&)> fn) {
    auto r = f_.rt().log().Execute(std::move(fn));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
    return r.ok() && r->is_object() ? r->as_object() : json::object{};
  }
  int Schedule() {
    auto n = storage::RunEntitlementSchedule(f_.rt().log(), policy());
    EXPECT_TRUE(n.ok()) << (n.ok() ? "" : n.error().ToString());
    return n.ok() ? *n : -1;
  }
  json::object Event(uint64_t index) {
    json::object event;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto leaf = storage::ReadLeaf(tx, index);
                      if (!leaf.ok()) return std::move(leaf).error();
                      event = json::parse(leaf->leaf).as_object();
                      return Ok();
                    })
                    .ok());
    return event;
  }
  std::vector<std::string> TypesSince(uint64_t from) {
    std::vector<std::string> types;
    for (uint64_t i = from; i < f_.LedgerSize(); ++i) types.push_back(Str(Event(i).at("type")));
    return types;
  }
  // Current objects of a kind (and tag), in creation order.
  std::vector<json::object> Current(const std::string& kind, const std::string& tag = "") {
    std::vector<json::object> out;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto page = storage::ListObjects(
                          tx, storage::ListQuery{.kind = kind, .tag = tag, .limit = 500},
                          storage::Scope{});
                      if (!page.ok()) return std::move(page).error();
                      for (auto& o : page->items) out.push_back(std::move(o.doc));
                      return Ok();
                    })
                    .ok());
    return out;
  }
  json::object Object(const std::string& kind, const std::string& id) {
    json::object doc;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto o = storage::GetObject(tx, kind, id, storage::Scope{});
                      if (!o.ok()) return std::move(o).error();
                      if (o->has_value()) doc = (*o)->doc;
                      return Ok();
                    })
                    .ok());
    return doc;
  }
  // An active account (the installer attests onboarding), without a real password hash.
  std::string AddUser(const std::string& role, const std::string& email,
                      const std::string& party_id = "") {
    json::object body{{"email", email}, {"name", email.substr(0, email.find('@'))}, {"role", role}};
    if (!party_id.empty()) body["party_id"] = party_id;
    json::object u = Run([&](storage::CommandContext& c) -> Result<json::value> {
      domain::Actor installer{"installer", "installer"};
      auto user = storage::CreateUser(c, installer, body, "not-a-hash", policy(), true);
      if (!user.ok()) return std::move(user).error();
      if (StateString(*user, "status") != "pending") return json::value(std::move(*user));
      // Only the first officer is attested by the installer: onboard the others.
      auto active = storage::OnboardUser(c, installer, StateString(*user, "id"), c.Now(),
                                         "test onboarding", policy());
      if (!active.ok()) return std::move(active).error();
      return json::value(std::move(*active));
    });
    return Str(u["id"]);
  }
  // What the break-glass route records (api_auth.cc), without a signed-in session.
  void BreakGlass(const std::string& user_id, const std::string& reason) {
    Run([&](storage::CommandContext& c) -> Result<json::value> {
      auto e = c.Append(domain::Event{
          .type = "auth.break_glass_started",
          .actor = {user_id, "user"},
          .subject = {"user", user_id},
          .payload = json::object{{"reason", reason},
                                  {"session_id", "ses_test"},
                                  {"role", "staff"},
                                  {"elevated_to", "security_officer"},
                                  {"until", FormatRfc3339(c.Now() + std::chrono::hours(1))}}});
      if (!e.ok()) return std::move(e).error();
      return json::value(json::object{});
    });
  }
  json::object Decide(const std::string& review, const std::string& line,
                      const std::string& decision, const std::string& comment,
                      const domain::Actor& actor) {
    return Run([&](storage::CommandContext& c) -> Result<json::value> {
      auto s =
          storage::DecideEntitlementLine(c, actor, review, line, {decision, comment}, policy(), {});
      if (!s.ok()) return std::move(s).error();
      return json::value(std::move(*s));
    });
  }

  RuntimeFixture f_;
  policy::Profile profile_;
  TimePoint anchor_;
};

}  // namespace accord::testing::entitlement
