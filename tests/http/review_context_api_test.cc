// ReviewApiTest (review_api_test.h): what a review is about (issue 20, item 7), read with the
// review: the partner list with what changed since the last approved list review, the party's
// agreements, SOC 2 reports and open findings, the documents it names, and why the caller
// cannot approve it yet, in words with a link.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "http/review_api_test.h"

namespace accord::testing::review_api {
namespace {

const json::object* LineOf(const json::object& list, const std::string& name) {
  for (const auto& p : list.at("parties").as_array()) {
    if (p.at("name") == name.c_str()) return &p.as_object();
  }
  return nullptr;
}

TEST_F(ReviewApiTest, ReviewContextShowsThePartnerListAndWhatChanged) {
  auto open_list_review = [&] {
    return Str(Create("/api/v1/reviews",
                      {{"review_kind", "partner_list_review"}, {"due_at", At(Now() + days(30))}}),
               "id");
  };
  std::string first = open_list_review();
  json::object read = Get("/api/v1/reviews/" + first);
  json::object list = read.at("context").at("partner_list").as_object();
  EXPECT_TRUE(list.at("since").is_null()) << json::serialize(list);
  const json::object* relay = LineOf(list, "Relay SMS");
  ASSERT_NE(relay, nullptr) << json::serialize(list);
  EXPECT_EQ(relay->at("kind"), "subcontractor");
  EXPECT_FALSE(relay->at("services").as_array().empty());
  EXPECT_FALSE(relay->at("contacts").as_array().empty());
  EXPECT_EQ(relay->at("change"), "unchanged");
  EXPECT_TRUE(read.at("context").at("party").is_null());

  ApproveThrough(first, {{"summary", "The list is complete."},
                         {"list_confirmed", true},
                         {"contacts_confirmed", true}});
  // After the approval: a new partner, and a new contact at Relay SMS.
  NewParty("Quokka List Partners");
  std::string relay_id = PartyId("Relay SMS");
  Create("/api/v1/parties/" + relay_id + "/contacts",
         {{"name", "Night desk, Relay SMS"}, {"email", "night@relaysms.example"}});
  std::string second = open_list_review();
  list = Get("/api/v1/reviews/" + second).at("context").at("partner_list").as_object();
  EXPECT_FALSE(list.at("since").is_null()) << json::serialize(list);
  EXPECT_EQ(Str(list.at("since_review_id")), first);
  const json::object* quokka = LineOf(list, "Quokka List Partners");
  ASSERT_NE(quokka, nullptr);
  EXPECT_EQ(quokka->at("change"), "added");
  relay = LineOf(list, "Relay SMS");
  ASSERT_NE(relay, nullptr);
  EXPECT_EQ(relay->at("change"), "changed");
  EXPECT_EQ(relay->at("changes"), (json::array{"contacts"})) << json::serialize(*relay);
}

TEST_F(ReviewApiTest, ReviewContextShowsThePartyAndExplainsABlockedApproval) {
  std::string party = PartyId("Relay SMS");
  json::object review = OpenReview(party, Now() + days(20));
  std::string id = Str(review, "id");
  json::object c = Get("/api/v1/reviews/" + id).at("context").as_object();
  EXPECT_EQ(c.at("party").at("name"), "Relay SMS");
  bool sla = false;
  for (const auto& a : c.at("agreements").as_array()) {
    if (a.at("type") == "sla") sla = a.as_object().contains("sla");
  }
  EXPECT_TRUE(sla) << "the SLA's terms: " << json::serialize(c.at("agreements"));
  EXPECT_TRUE(c.at("approval").is_null()) << "nothing waits for approval yet";

  // Documented by the Privacy Officer with a document as evidence.
  HttpResult up = HttpCall(s().port(), "POST",
                           "/api/v1/parties/" + party + "/documents?filename=uptime-report.pdf",
                           "%PDF-1.7\nuptime\n%%EOF\n",
                           {{"Content-Type", "application/pdf"},
                            {"Authorization", "Bearer " + s().token("security_officer")}});
  ASSERT_EQ(up.status, 201) << up.body;
  std::string doc = Str(json::parse(up.body).as_object(), "id");
  Ok(Act(id, {{"action", "assign"}, {"assignee_id", UserId("privacy_officer")}}));
  json::object docs = PartyReviewDocs();
  docs["evidence"] = json::array{doc.c_str()};
  Ok(Act(id, {{"action", "document"}, {"documentation", docs}}, "privacy_officer"));

  // The Privacy Officer may not approve in luma: said in words before any click.
  c = Get("/api/v1/reviews/" + id, "privacy_officer").at("context").as_object();
  ASSERT_TRUE(c.at("approval").is_object());
  EXPECT_EQ(c.at("approval").at("blocked"), true);
  std::string text = Str(c.at("approval").at("reasons").as_array().at(0).at("text"));
  EXPECT_EQ(text, "Only the Security Officer approves reviews.");
  // The Security Officer may.
  c = Get("/api/v1/reviews/" + id).at("context").as_object();
  EXPECT_EQ(c.at("approval").at("blocked"), false) << json::serialize(c.at("approval"));
  // The evidence by name.
  ASSERT_EQ(c.at("documents").as_array().size(), 1u);
  EXPECT_EQ(c.at("documents").at(0).at("filename"), "uptime-report.pdf");
  // A read as of an earlier ledger size carries no context (it describes the present).
  json::object past = Get("/api/v1/reviews/" + id + "?as_of=" + std::to_string(s().LedgerSize()));
  EXPECT_FALSE(past.contains("context"));
}

TEST_F(ReviewApiTest, ReviewContextLinksTheRiskAssessmentAChangeReviewWaitsFor) {
  // A substantial change opens a change review and a risk assessment; the change review waits.
  json::object notice =
      Create("/api/v1/change-notices", {{"party_id", PartyId("Relay SMS")},
                                        {"title", "Messages stored in a second region"},
                                        {"description", "A second data centre for Relay SMS."},
                                        {"planned_at", At(Now() + days(40))},
                                        {"substantial", true}});
  std::string change_review = Str(notice, "change_review_id");
  std::string risk = Str(notice, "risk_assessment_id");
  ASSERT_FALSE(change_review.empty() || risk.empty()) << json::serialize(notice);
  json::object read = Get("/api/v1/reviews/" + change_review);
  ASSERT_TRUE(read.at("context").at("change_notice").is_object());
  EXPECT_EQ(read.at("context").at("change_notice").at("title"),
            "Messages stored in a second region");
  if (Str(read, "status") == "open") {
    Ok(Act(change_review, {{"action", "assign"}, {"assignee_id", UserId("privacy_officer")}}));
  }
  std::string assignee =
      Str(Get("/api/v1/reviews/" + change_review).at("assignee").as_object(), "id");
  Ok(Act(change_review,
         {{"action", "document"},
          {"documentation", json::object{{"summary", "Second region"},
                                         {"impact", "None for us"},
                                         {"backout_plan", "Route back"}}}},
         assignee == UserId("privacy_officer") ? "privacy_officer" : "security_officer"));
  json::object approval =
      Get("/api/v1/reviews/" + change_review).at("context").at("approval").as_object();
  EXPECT_EQ(approval.at("blocked"), true);
  bool linked = false;
  for (const auto& r : approval.at("reasons").as_array()) {
    linked = linked || Str(r.as_object(), "href") == "/reviews/" + risk;
  }
  EXPECT_TRUE(linked) << json::serialize(approval);
}

}  // namespace
}  // namespace accord::testing::review_api
