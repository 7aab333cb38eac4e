// Incidents (TR-8) on the store with a fake clock: declared, classified, updated (internal and
// public), resolved and closed by a postmortem whose action items are findings; every refusal
// writes nothing; a party's contact sees only its own incidents and their public updates; the
// status page reads the public ones in Statuspage's shape.
#include "accord/storage/incidents.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/policy/profile.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/registry_commands.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/status.h"
#include "support/runtime_fixture.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using domain::StateString;
using namespace std::chrono_literals;

class IncidentStoreTest : public ::testing::Test {
 protected:
  IncidentStoreTest() {
    auto profile = policy::LoadProfile("luma");
    EXPECT_TRUE(profile.ok());
    if (profile.ok()) profile_ = std::move(*profile);
    officer_ = AddUser("security_officer", "sol@incidents.example");
    owner_ = AddUser("staff", "ana@incidents.example");
    party_ = Registry("party", {{"name", "Courier Cloud"}, {"kind", "subcontractor"}});
    other_party_ = Registry("party", {{"name", "Other Health"}, {"kind", "customer"}});
    system_ = Registry("system", {{"name", "Claims API"},
                                  {"environment", "production"},
                                  {"contains_ephi", true},
                                  {"owner", "Platform"}});
    auto comp = storage::ParseStatusComponent(json::object{{"name", "Patient portal"}}, false);
    EXPECT_TRUE(comp.ok());
    component_ = StateString(Run([&](storage::CommandContext& c) -> Result<json::value> {
                               auto r = storage::SaveStatusComponent(c, Officer(), "", *comp);
                               if (!r.ok()) return std::move(r).error();
                               return json::value(std::move(*r));
                             }),
                             "id");
  }

  domain::Actor Officer() const { return {officer_, "security_officer"}; }
  Result<json::value> TryRun(std::function<Result<json::value>(storage::CommandContext&)> fn) {
    return f_.rt().log().Execute(std::move(fn));
  }
  json::object Run(std::function<Result<json::value>(storage::CommandContext&)> fn) {
    auto r = TryRun(std::move(fn));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
    return r.ok() && r->is_object() ? r->as_object() : json::object{};
  }
  std::string AddUser(const std::string& role, const std::string& email) {
    json::object body{{"email", email}, {"name", email.substr(0, email.find('@'))}, {"role", role}};
    return StateString(Run([&](storage::CommandContext& c) -> Result<json::value> {
                         auto user = storage::CreateUser(c, {"installer", "installer"}, body,
                                                         "not-a-hash", profile_.identity, true);
                         if (!user.ok()) return std::move(user).error();
                         // Owners of findings are active accounts: onboard it (only the first is at
                         // once).
                         if (StateString(*user, "status") == "active") {
                           return json::value(std::move(*user));
                         }
                         auto active = storage::OnboardUser(
                             c, {"installer", "installer"}, StateString(*user, "id"), c.Now(),
                             "onboarding records on file", profile_.identity);
                         if (!active.ok()) return std::move(active).error();
                         return json::value(std::move(*active));
                       }),
                       "id");
  }
  std::string Registry(const std::string& kind, json::object body) {
    return StateString(
        Run([&](storage::CommandContext& c) {
          return storage::CreateRegistryObject(c, kind, "", body, {"installer", "installer"});
        }),
        "id");
  }
  json::object DeclareBody() {
    return json::object{{"title", "Patient portal returns errors"},
                        {"description", "Logins fail for a third of patients."},
                        {"severity", "high"},
                        {"component_ids", json::array{component_.c_str()}},
                        {"system_ids", json::array{system_.c_str()}},
                        {"party_ids", json::array{party_.c_str(), other_party_.c_str()}},
                        {"discovered_at", FormatRfc3339(f_.clock().Now() - 30min)}};
  }
  Result<json::value> Declare(json::object body, domain::Actor actor = {}) {
    if (actor.id.empty()) actor = Officer();
    return TryRun([&](storage::CommandContext& c) -> Result<json::value> {
      auto r = storage::DeclareIncident(c, actor, body);
      if (!r.ok()) return std::move(r).error();
      return json::value(std::move(*r));
    });
  }
  Result<json::value> Act(const std::string& id, const std::string& action, json::object body,
                          domain::Actor actor = {}) {
    if (actor.id.empty()) actor = Officer();
    return TryRun([&](storage::CommandContext& c) -> Result<json::value> {
      auto r = storage::IncidentAction(c, actor, id, action, body, profile_.reviews);
      if (!r.ok()) return std::move(r).error();
      return json::value(std::move(*r));
    });
  }
  json::object Ok(Result<json::value> r) {
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
    return r.ok() ? r->as_object() : json::object{};
  }
  uint64_t Size() { return f_.LedgerSize(); }
  template <class Fn>
  void Read(Fn fn) {
    ASSERT_TRUE(f_.rt().store().Read([&](storage::Tx& tx) -> Status { return fn(tx); }).ok());
  }
  std::vector<std::string> Types(uint64_t from) {
    std::vector<std::string> out;
    Read([&](storage::Tx& tx) -> Status {
      return tx.ForEach("SELECT type FROM rm_ledger_events WHERE idx >= ? ORDER BY idx",
                        {static_cast<int64_t>(from)}, [&](const storage::Row& r) {
                          out.push_back(r.Text(0));
                          return true;
                        });
    });
    return out;
  }

  RuntimeFixture f_;
  policy::Profile profile_;
  std::string officer_, owner_, party_, other_party_, system_, component_;
};

TEST_F(IncidentStoreTest, AnIncidentIsDeclaredRunAndClosedByItsPostmortem) {
  uint64_t start = Size();
  json::object inc = Ok(Declare(DeclareBody()));
  std::string id = StateString(inc, "id");
  EXPECT_TRUE(id.starts_with("inc_")) << id;
  EXPECT_EQ(inc.at("status"), "investigating");
  EXPECT_EQ(inc.at("impact"), "major");  // from the severity
  EXPECT_EQ(inc.at("components").at(0).at("name"), "Patient portal");
  EXPECT_EQ(inc.at("systems").at(0).at("name"), "Claims API");
  EXPECT_EQ(inc.at("parties").as_array().size(), 2u);
  EXPECT_EQ(inc.at("allowed_actions"), json::value(json::array{"classify", "update", "resolve"}));

  f_.clock().Advance(5min);
  json::object c = Ok(Act(id, "classify", {{"category", "availability"}, {"severity", "medium"}}));
  EXPECT_EQ(c.at("category"), "availability");
  EXPECT_EQ(c.at("impact"), "minor");
  Ok(Act(id, "update", {{"body", "Database failover suspected."}, {"visibility", "internal"}}));
  json::object u = Ok(Act(id, "update",
                          {{"body", "We found the cause and are fixing it."},
                           {"visibility", "public"},
                           {"status", "identified"}}));
  EXPECT_EQ(u.at("status"), "identified");
  EXPECT_EQ(u.at("updates").as_array().size(), 2u);
  f_.clock().Advance(1h);
  json::object r =
      Ok(Act(id, "resolve", {{"body", "Logins work again."}, {"visibility", "public"}}));
  EXPECT_EQ(r.at("status"), "resolved");
  EXPECT_EQ(r.at("allowed_actions"), json::value(json::array{"classify", "update", "postmortem"}));

  std::string due = FormatRfc3339(f_.clock().Now() + std::chrono::days(30));
  json::object pm =
      Ok(Act(id, "postmortem",
             {{"root_cause", "A failover left the pool pointing at the replica."},
              {"lessons", "Test failover monthly."},
              {"action_items",
               json::array{json::object{
                   {"title", "Monthly failover drill"}, {"owner_id", owner_}, {"due_at", due}}}}}));
  EXPECT_EQ(pm.at("status"), "postmortem");
  EXPECT_EQ(pm.at("allowed_actions"), json::value(json::array()));
  std::string finding_id =
      StateString(pm.at("postmortem").at("action_items").at(0).as_object(), "finding_id");
  Read([&](storage::Tx& tx) -> Status {
    auto f = storage::GetObject(tx, "finding", finding_id, storage::Scope{});
    EXPECT_TRUE(f.ok() && f->has_value());
    if (f.ok() && f->has_value()) {
      const json::object& doc = (*f)->doc;
      EXPECT_EQ(doc.at("source").at("kind"), "incident");
      EXPECT_EQ(doc.at("source").at("id"), id.c_str());
      EXPECT_EQ(doc.at("owner").at("id"), owner_.c_str());
      EXPECT_EQ(doc.at("due_at"), due.c_str());
    }
    return accord::Ok();
  });
  std::vector<std::string> types = Types(start);
  EXPECT_EQ(types, (std::vector<std::string>{"incident.declared", "incident.classified",
                                             "incident.update_posted", "incident.update_posted",
                                             "incident.resolved", "finding.opened",
                                             "incident.postmortem_recorded"}));
}

TEST_F(IncidentStoreTest, RefusalsNameTheFieldAndWriteNothing) {
  uint64_t before = Size();
  json::object future = DeclareBody();
  future["discovered_at"] = FormatRfc3339(f_.clock().Now() + 1h);
  auto r = Declare(future);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "discovered_at");
  json::object unknown = DeclareBody();
  unknown["party_ids"] = json::array{party_.c_str(), "pty_nobody"};
  r = Declare(unknown);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "party_ids[1]");
  json::object missing = DeclareBody();
  missing.erase("severity");
  r = Declare(missing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "severity");
  r = Declare(DeclareBody(), {owner_, "staff"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(Size(), before);

  std::string id = StateString(Ok(Declare(DeclareBody())), "id");
  before = Size();
  // A postmortem before resolution; an action item with a bad owner after: nothing written,
  // not even the findings of the items before it.
  r = Act(id, "postmortem", {{"root_cause", "x"}, {"lessons", "y"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  Ok(Act(id, "resolve", {{"body", "Fixed."}, {"visibility", "internal"}}));
  before = Size();
  std::string due = FormatRfc3339(f_.clock().Now() + std::chrono::days(10));
  r = Act(
      id, "postmortem",
      {{"root_cause", "x"},
       {"lessons", "y"},
       {"action_items",
        json::array{json::object{{"title", "Good"}, {"owner_id", owner_}, {"due_at", due}},
                    json::object{{"title", "Bad"}, {"owner_id", "usr_nobody"}, {"due_at", due}}}}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "action_items[1].owner_id");
  r = Act(id, "update",
          {{"body", "Back to work"}, {"visibility", "public"}, {"status", "monitoring"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "status");
  r = Act(id, "update", {{"body", "Note"}, {"visibility", "secret"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "visibility");
  r = Act("inc_nobody", "update", {{"body", "Note"}, {"visibility", "public"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Size(), before);
}

TEST_F(IncidentStoreTest, APartysContactSeesItsOwnIncidentsAndOnlyPublicUpdates) {
  std::string id = StateString(Ok(Declare(DeclareBody())), "id");
  json::object alone = DeclareBody();
  alone["party_ids"] = json::array{other_party_.c_str()};
  alone["title"] = "Other Health only";
  Ok(Declare(alone));
  Ok(Act(id, "update", {{"body", "Internal: the replica lagged."}, {"visibility", "internal"}}));
  Ok(Act(id, "update", {{"body", "Public: we are on it."}, {"visibility", "public"}}));
  storage::IncidentViewer contact{"third_party_contact", party_};
  Read([&](storage::Tx& tx) -> Status {
    auto list = storage::ListIncidents(tx, contact, "", 50);
    EXPECT_TRUE(list.ok());
    EXPECT_EQ(list->size(), 1u);
    auto one = storage::GetIncident(tx, id, contact);
    EXPECT_TRUE(one.ok());
    std::string text = json::serialize(*one);
    EXPECT_EQ(text.find("Internal: the replica"), std::string::npos) << text;
    EXPECT_NE(text.find("Public: we are on it."), std::string::npos) << text;
    EXPECT_EQ(text.find("Other Health"), std::string::npos) << text;
    EXPECT_EQ(text.find("Claims API"), std::string::npos) << text;
    EXPECT_EQ(text.find(officer_), std::string::npos) << text;
    EXPECT_EQ(one->at("allowed_actions"), json::value(json::array()));
    auto elsewhere = storage::ListIncidents(tx, {"third_party_contact", "pty_nobody"}, "", 50);
    EXPECT_TRUE(elsewhere->empty());
    auto hidden = storage::GetIncident(tx, id, {"third_party_contact", "pty_nobody"});
    EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
    auto org = storage::ListIncidents(tx, {"auditor", ""}, "open", 50);
    EXPECT_EQ(org->size(), 2u);
    EXPECT_EQ(org->at(0).at("allowed_actions"), json::value(json::array()));  // the auditor reads
    return accord::Ok();
  });
}

}  // namespace
}  // namespace accord::testing
