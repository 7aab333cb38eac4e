// Incidents over HTTP against a running demo server (TR-8): the officers declare and run an
// incident, the organisation and the auditor read it, a party's contact reads only its own
// party's incidents and their public updates; bad input is a 4xx naming the field and writes
// nothing; public updates reach /status and the Statuspage JSON, which the same reader that
// reads vendors' feeds reads back; the annual incident-response test is recorded.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <string>

#include "accord/core/time.h"
#include "accord/domain/statuspage.h"
#include "support/shared_server_test.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

std::string Str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }

TimePoint Now() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

class IncidentApiTest : public SharedServerTest {
 protected:
  json::object Json(const HttpResult& r, int status, const std::string& what) {
    EXPECT_EQ(r.status, status) << what << ": " << r.body;
    return r.status == status ? json::parse(r.body).as_object() : json::object{};
  }
  std::string FirstId(const std::string& target) {
    json::value page = s().GetJson(target);
    const json::array& items = page.at("items").as_array();
    return items.empty() ? "" : Str(items[0].at("id"));
  }
  std::string Relay() {
    json::value page = s().GetJson("/api/v1/parties?limit=5&q=relay");
    return Str(page.at("items").as_array().at(0).at("id"));
  }
  std::string SmsComponent() {
    json::value list = s().GetJson("/api/v1/status/components");
    for (const auto& c : list.at("items").as_array()) {
      if (c.at("name") == "SMS reminders") return Str(c.at("id"));
    }
    return "";
  }
  json::object Declare(const std::string& title, const std::string& party) {
    json::object body{{"title", title},
                      {"severity", "high"},
                      {"component_ids", json::array{json::value(SmsComponent())}},
                      {"discovered_at", FormatRfc3339(Now() - std::chrono::minutes(20))}};
    if (!party.empty()) body["party_ids"] = json::array{json::value(party)};
    return Json(s().Post("/api/v1/incidents", json::serialize(body)), 201, "declare");
  }
  HttpResult Step(const std::string& id, const std::string& step, const json::object& body,
                  const std::string& role = "security_officer") {
    return s().Post("/api/v1/incidents/" + id + "/" + step, json::serialize(body), role);
  }
};

TEST_F(IncidentApiTest, OfficersRunAnIncidentAndEveryoneElseReadsWhatIsTheirs) {
  json::object inc = Declare("Incidentapi portal sign-in failures", Relay());
  std::string id = Str(inc.at("id"));
  ASSERT_TRUE(id.starts_with("inc_")) << id;
  Json(Step(id, "updates",
            {{"body", "Incidentapi internal: the session store is full."},
             {"visibility", "internal"}}),
       200, "internal update");
  json::object u = Json(Step(id, "updates",
                             {{"body", "Incidentapi public: sign-in is failing."},
                              {"visibility", "public"},
                              {"status", "identified"}}),
                        200, "public update");
  EXPECT_EQ(Str(u.at("status")), "identified");

  // Who may write: the officers alone (the route table refuses staff, the auditor and contacts).
  for (const char* role : {"staff", "auditor", "third_party_contact"}) {
    EXPECT_EQ(Step(id, "resolve", {{"body", "x"}, {"visibility", "public"}}, role).status, 403)
        << role;
  }
  json::object read = Json(s().Get("/api/v1/incidents/" + id, "auditor"), 200, "auditor");
  EXPECT_EQ(read.at("updates").as_array().size(), 2u);
  EXPECT_TRUE(read.at("allowed_actions").as_array().empty());
  HttpResult contact = s().Get("/api/v1/incidents/" + id, "third_party_contact");
  ASSERT_EQ(contact.status, 200) << contact.body;
  EXPECT_EQ(contact.body.find("Incidentapi internal"), std::string::npos) << contact.body;
  EXPECT_NE(contact.body.find("Incidentapi public"), std::string::npos) << contact.body;

  // An incident of no party of the contact's: not found, and not listed.
  std::string ours = Str(Declare("Incidentapi our own outage", "").at("id"));
  EXPECT_EQ(s().Get("/api/v1/incidents/" + ours, "third_party_contact").status, 404);
  HttpResult list = s().Get("/api/v1/incidents?limit=500", "third_party_contact");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.body.find(ours), std::string::npos);
  EXPECT_NE(list.body.find(id), std::string::npos);
  EXPECT_NE(s().Get("/api/v1/incidents?status=open", "staff").body.find(ours), std::string::npos);

  json::object resolved =
      Json(Step(id, "resolve", {{"body", "Incidentapi public: fixed."}, {"visibility", "public"}}),
           200, "resolve");
  EXPECT_EQ(Str(resolved.at("status")), "resolved");
  std::string staff_id;
  json::value users = s().GetJson("/api/v1/users?limit=500");
  for (const auto& user : users.at("items").as_array()) {
    if (user.at("email") == "staff@luma.example") staff_id = Str(user.at("id"));
  }
  ASSERT_FALSE(staff_id.empty());
  json::object pm = Json(
      Step(id, "postmortem",
           {{"root_cause", "The session store had no eviction."},
            {"lessons", "Alert on the store's size."},
            {"action_items", json::array{json::object{
                                 {"title", "Incidentapi evict old sessions"},
                                 {"owner_id", staff_id},
                                 {"due_at", FormatRfc3339(Now() + std::chrono::hours(240))}}}}}),
      200, "postmortem");
  std::string finding =
      Str(pm.at("postmortem").at("action_items").as_array().at(0).at("finding_id"));
  json::value f = s().GetJson("/api/v1/findings/" + finding);
  EXPECT_EQ(Str(f.at("source").at("kind")), "incident");
  EXPECT_EQ(Str(f.at("owner").at("id")), staff_id);
  // The contact never sees the postmortem.
  HttpResult after = s().Get("/api/v1/incidents/" + id, "third_party_contact");
  EXPECT_EQ(after.body.find("session store had no eviction"), std::string::npos) << after.body;
}

TEST_F(IncidentApiTest, BadInputNamesTheFieldAndWritesNothing) {
  uint64_t before = s().LedgerSize();
  struct Case {
    json::object body;
    int status;
    std::string field;
  } cases[] = {
      {{{"severity", "high"}, {"discovered_at", FormatRfc3339(Now())}}, 422, "title"},
      {{{"title", "x"}, {"severity", "dire"}, {"discovered_at", FormatRfc3339(Now())}},
       422,
       "severity"},
      {{{"title", "x"},
        {"severity", "low"},
        {"discovered_at", FormatRfc3339(Now() + std::chrono::hours(2))}},
       422,
       "discovered_at"},
      {{{"title", "x"},
        {"severity", "low"},
        {"component_ids", json::array{"cmp_nothing"}},
        {"discovered_at", FormatRfc3339(Now())}},
       422,
       "component_ids[0]"},
  };
  for (const auto& c : cases) {
    HttpResult r = s().Post("/api/v1/incidents", json::serialize(c.body));
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_NE(r.body.find("\"field\":\"" + c.field + "\""), std::string::npos) << r.body;
  }
  EXPECT_EQ(s().Post("/api/v1/incidents", "{not json").status, 400);
  std::string id = FirstId("/api/v1/incidents?status=postmortem");
  ASSERT_FALSE(id.empty());
  HttpResult closed = Step(id, "resolve", {{"body", "again"}, {"visibility", "public"}});
  EXPECT_EQ(closed.status, 409) << closed.body;
  EXPECT_EQ(Step("inc_nothing", "classify", {{"severity", "low"}}).status, 404);
  EXPECT_EQ(s().Get("/api/v1/incidents?status=sideways").status, 422);
  // The server's own jobs may append meanwhile; nobody's request did.
  uint64_t after = s().LedgerSize();
  for (uint64_t i = before; i < after; ++i) {
    json::value entry = s().GetJson("/api/v1/ledger/entries/" + std::to_string(i));
    EXPECT_EQ(Str(entry.at("event").at("actor").at("id")), "system") << json::serialize(entry);
  }
}

TEST_F(IncidentApiTest, PublicUpdatesReachTheStatusPageAndReadBackAsAFeed) {
  json::object inc = Declare("Incidentapi reminders slow", "");
  std::string id = Str(inc.at("id"));
  // Not public before its first public update.
  HttpResult none = HttpCall(s().port(), "GET", "/api/v2/incidents/unresolved.json");
  ASSERT_EQ(none.status, 200);
  EXPECT_EQ(none.body.find(id), std::string::npos);
  Step(id, "updates", {{"body", "Incidentapi secret cause"}, {"visibility", "internal"}});
  Step(id, "updates", {{"body", "Incidentapi reminders are late."}, {"visibility", "public"}});

  HttpResult r = HttpCall(s().port(), "GET", "/api/v2/incidents/unresolved.json");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.find("Incidentapi secret cause"), std::string::npos);
  auto feed = domain::ParseStatusFeed(r.body);
  ASSERT_TRUE(feed.ok()) << feed.error().ToString();
  const domain::FeedIncident* mine = nullptr;
  for (const auto& i : feed->incidents) {
    if (i.id == id) mine = &i;
  }
  ASSERT_NE(mine, nullptr) << r.body;
  EXPECT_EQ(mine->name, "Incidentapi reminders slow");
  EXPECT_EQ(mine->status, "investigating");
  EXPECT_EQ(mine->impact, "major");
  ASSERT_EQ(mine->updates.size(), 1u);
  EXPECT_EQ(mine->updates[0].body, "Incidentapi reminders are late.");
  ASSERT_EQ(mine->component_ids.size(), 1u);
  EXPECT_EQ(mine->component_ids[0], SmsComponent());

  HttpResult page = HttpCall(s().port(), "GET", "/status");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Incidentapi reminders are late."), std::string::npos);
  EXPECT_EQ(page.body.find("Incidentapi secret cause"), std::string::npos);
  // The demo's resolved incident is in the history, with its public updates.
  EXPECT_NE(page.body.find("Appointment reminders by text message delayed"), std::string::npos);
}

TEST_F(IncidentApiTest, TheAnnualIncidentResponseTestIsRecorded) {
  json::value before = s().GetJson("/api/v1/incident-response-tests", "auditor");
  EXPECT_FALSE(before.at("next_due_on").is_null());  // the demo's drill, last year
  std::string today = FormatRfc3339(Now()).substr(0, 10);
  json::object t =
      Json(s().Post("/api/v1/incident-response-tests",
                    json::serialize(json::object{
                        {"conducted_on", today},
                        {"scenario", "Ransomware on a billing workstation"},
                        {"participants", json::array{"Sam Rivera", "Priya Shah"}},
                        {"outcome", "Isolated in 12 minutes; restore took two hours."}})),
           201, "record");
  EXPECT_TRUE(Str(t.at("id")).starts_with("irt_"));
  json::value after = s().GetJson("/api/v1/incident-response-tests");
  EXPECT_EQ(Str(after.at("items").as_array().at(0).at("id")), Str(t.at("id")));
  // A year after the latest: later than the demo's drill made it.
  EXPECT_GT(Str(after.at("next_due_on")), Str(before.at("next_due_on")));
  HttpResult staff = s().Post("/api/v1/incident-response-tests", "{}", "staff");
  EXPECT_EQ(staff.status, 403);
  HttpResult bad = s().Post("/api/v1/incident-response-tests",
                            json::serialize(json::object{{"conducted_on", today},
                                                         {"scenario", "x"},
                                                         {"participants", json::array()},
                                                         {"outcome", "y"}}));
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("participants"), std::string::npos);
}

}  // namespace
}  // namespace accord::testing
