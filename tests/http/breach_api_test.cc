// The breach assessment over HTTP against the demo server (TR-8): the demo's per-customer
// deadlines on the dashboard's list and in My work, the routes' roles, an assessment that
// refuses bad input without writing, a notice emailed without the individuals, whose list goes
// by Secure Message and is linked to the notice.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "support/api_server.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

std::string Str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }

class BreachApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ApiServer& s() { return *server_; }
  static ApiServer* server_;

  static std::string PartyId(const std::string& name) {
    json::value page = s().GetJson("/api/v1/parties?limit=500");
    json::array items = page.at("items").as_array();
    for (const auto& p : items) {
      if (Str(p.at("name")) == name) return Str(p.at("id"));
    }
    return "";
  }
  static std::string Incident(const std::string& title) {
    HttpResult r = s().Post(
        "/api/v1/incidents",
        json::serialize(json::object{
            {"title", title}, {"severity", "high"}, {"discovered_at", "2026-01-05T08:00:00Z"}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Str(json::parse(r.body).at("id")) : "";
  }
  static json::object Assessment(json::array customers) {
    json::object factors;
    for (auto k :
         {"nature_and_extent", "unauthorized_person", "acquired_or_viewed", "mitigation"}) {
      factors[k] = json::object{{"risk", "high"}};
    }
    return json::object{{"factors", factors},
                        {"what_happened", "A laptop with an unencrypted export was stolen."},
                        {"phi_types", "Names and visit dates."},
                        {"individual_steps", "Watch for unexpected mail."},
                        {"our_response", "We reported the theft and wiped the device remotely."},
                        {"contact", "privacy@luma.example"},
                        {"individuals", 3},
                        {"customer_ids", customers}};
  }
};
ApiServer* BreachApiTest::server_ = nullptr;

TEST_F(BreachApiTest, DemoDeadlinesShowOnTheDashboardAndInMyWork) {
  json::value due = s().GetJson("/api/v1/breach/notices-due", "privacy_officer");
  json::array items = due.at("items").as_array();
  ASSERT_EQ(items.size(), 2u) << json::serialize(due);
  // Soonest first: Northwind's BAA says 72 hours; Riverside has the rule's 60 days.
  EXPECT_EQ(Str(items[0].at("party_name")), "Northwind Clinics");
  EXPECT_EQ(Str(items[0].at("deadline_basis")), "the BAA: 72 hours after discovery");
  EXPECT_EQ(Str(items[1].at("party_name")), "Riverside Medical Group");
  EXPECT_LT(Str(items[0].at("deadline_at")), Str(items[1].at("deadline_at")));
  json::value work = s().GetJson("/api/v1/my-work", "security_officer");
  json::array groups = work.at("groups").as_array();
  bool found = false;
  for (const auto& g : groups) {
    if (Str(g.at("kind")) != "breach_notice") continue;
    found = true;
    EXPECT_EQ(g.at("count").as_int64(), 2);
    EXPECT_EQ(Str(g.at("items").at(0).at("title")), "Breach notice to Northwind Clinics");
    EXPECT_FALSE(Str(g.at("items").at(0).at("due_at")).empty());
  }
  EXPECT_TRUE(found);
  // Staff may not act on notices, so the group is empty for them.
  json::value staff = s().GetJson("/api/v1/my-work", "staff");
  for (const auto& g : staff.at("groups").as_array()) {
    if (Str(g.at("kind")) == "breach_notice") EXPECT_EQ(g.at("count").as_int64(), 0);
  }
}

TEST_F(BreachApiTest, BadInputIsRefusedWithTheFieldAndWritesNothing) {
  std::string incident = Incident("Stolen laptop");
  std::string harbor = PartyId("Riverside Medical Group");
  const std::string path = "/api/v1/incidents/" + incident + "/breach-assessment";
  uint64_t before = s().LedgerSize();
  json::object no_factors = Assessment({json::value(harbor)});
  no_factors.erase("factors");
  HttpResult r = s().Post(path, json::serialize(no_factors));
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("\"field\":\"factors\""), std::string::npos) << r.body;
  json::object prospect = Assessment({json::value(PartyId("Cedar Valley Health"))});
  r = s().Post(path, json::serialize(prospect));
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("customer_ids[0]"), std::string::npos) << r.body;
  json::object phi = Assessment({json::value(harbor)});
  phi["what_happened"] = "The export held SSN 123-45-6789 for one patient.";
  r = s().Post(path, json::serialize(phi));
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("what_happened"), std::string::npos) << r.body;
  EXPECT_EQ(s().Post(path, json::serialize(Assessment({json::value(harbor)})), "staff").status,
            403);
  EXPECT_EQ(s().Get(path, "auditor").status, 404);
  EXPECT_EQ(s().LedgerSize(), before);
  EXPECT_EQ(s().Post("/api/v1/incidents/inc_missing/breach-assessment",
                     json::serialize(Assessment({json::value(harbor)})))
                .status,
            404);
}

TEST_F(BreachApiTest, NoticeGoesByEmailAndTheListBySecureMessage) {
  std::string incident = Incident("Misfiled discharge letters");
  std::string riverside = PartyId("Riverside Medical Group");
  HttpResult made =
      s().Post("/api/v1/incidents/" + incident + "/breach-assessment",
               json::serialize(Assessment({json::value(riverside)})), "privacy_officer");
  ASSERT_EQ(made.status, 201) << made.body;
  json::object b = json::parse(made.body).as_object();
  ASSERT_EQ(b.at("notices").as_array().size(), 1u);
  json::object notice = b.at("notices").at(0).as_object();
  std::string id = Str(notice.at("id"));
  // From discovery (2026-01-05T08:00Z) exactly 60 calendar days.
  EXPECT_EQ(Str(notice.at("deadline_at")), "2026-03-06T08:00:00.000Z");
  EXPECT_EQ(notice.at("allowed_actions").as_array().size(), 3u);
  EXPECT_EQ(s().GetJson("/api/v1/incidents/" + incident + "/breach-assessment", "auditor")
                .at("assessment")
                .at("allowed_actions")
                .as_array()
                .size(),
            0u);
  const std::string act = "/api/v1/breach-notices/" + id + "/actions";
  HttpResult r = s().Post(act, R"({"action": "send"})");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("recipient"), std::string::npos);
  EXPECT_EQ(s().Post(act, R"({"action": "record_sent"})", "auditor").status, 403);
  // Escalation is the schedule's: not an action the API takes.
  EXPECT_EQ(s().Post(act, R"({"action": "escalate"})").status, 422);
  // The list of individuals: a Secure Message, linked to the notice.
  HttpResult smg =
      s().Post("/api/v1/secure-messages",
               json::serialize(json::object{{"recipient", "privacy@riverside.example"},
                                            {"subject", "Affected individuals"},
                                            {"body", "Jane Roe, MRN 55512\nJohn Doe, MRN 55513"}}));
  ASSERT_EQ(smg.status, 201) << smg.body;
  std::string smg_id = Str(json::parse(smg.body).at("id"));
  r = s().Post(
      act, json::serialize(json::object{{"action", "link_list"}, {"secure_message_id", smg_id}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Str(json::parse(r.body).at("list_secure_message_id")), smg_id);
  r = s().Post(act, json::serialize(json::object{{"action", "link_list"},
                                                 {"secure_message_id", "smg_not_mine"}}));
  EXPECT_EQ(r.status, 422) << r.body;
  r = s().Post(act, R"({"action": "send", "recipient": "privacy@riverside.example"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Str(json::parse(r.body).at("status")), "sent");
  // The email says how many and where the list went, never who.
  json::value outbox = s().GetJson("/api/v1/outbox?ref_id=" + id);
  json::array queued = outbox.at("items").as_array();
  ASSERT_EQ(queued.size(), 1u);
  std::string body = Str(queued[0].at("body"));
  EXPECT_NE(body.find("3 individuals"), std::string::npos) << body;
  EXPECT_NE(body.find("Secure Message"), std::string::npos);
  EXPECT_EQ(body.find("Jane Roe"), std::string::npos);
  EXPECT_EQ(Str(s().GetJson("/api/v1/incidents/" + incident + "/breach-assessment")
                    .at("assessment")
                    .at("status")),
            "notified");
  EXPECT_EQ(s().Post(act, R"({"action": "record_sent"})").status, 409);
}

}  // namespace
}  // namespace accord::testing
