// ReviewApiTest (review_api_test.h): TP-9 change notices, their risk assessment and
// implementation, and a third party announcing changes to its own services.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "http/review_api_test.h"

namespace accord::testing::review_api {
namespace {

// --- TP-9: change notices --------------------------------------------------------------------

TEST_F(ReviewApiTest, SubstantialChangeNeedsItsRiskAssessmentApprovedFirst) {
  std::string party = NewParty("Fjord Data Partners");
  json::object ephi = Create("/api/v1/systems", {{"name", "Fjord claims store"},
                                                 {"environment", "production"},
                                                 {"contains_ephi", true},
                                                 {"owner", "Claims team"}});
  TimePoint planned = Now() + days(12);
  uint64_t before = s().LedgerSize();
  json::object notice =
      Step(Post("/api/v1/change-notices", {{"party_id", party},
                                           {"title", "Claims API moves to a new cluster"},
                                           {"description", "Fjord migrates the claims API."},
                                           {"system_ids", json::array{ephi.at("id")}},
                                           {"planned_at", At(planned)}}),
           before, {"change_notice.created", "review.opened", "review.opened"}, 201);
  EXPECT_EQ(notice.at("substantial"), true);
  EXPECT_EQ(notice.at("status"), "under_review");
  ASSERT_EQ(notice.at("substantial_reasons").as_array().size(), 1u);
  EXPECT_NE(Str(notice.at("substantial_reasons").at(0)).find("ePHI"), std::string::npos)
      << json::serialize(notice);
  std::string change_review = Str(notice, "change_review_id");
  std::string risk = Str(notice, "risk_assessment_id");
  ASSERT_FALSE(change_review.empty());
  ASSERT_FALSE(risk.empty());
  json::object cr = Get("/api/v1/reviews/" + change_review);
  EXPECT_EQ(cr.at("review_kind"), "change_review");
  EXPECT_EQ(cr.at("due_at"), At(planned).c_str());
  EXPECT_EQ(Get("/api/v1/reviews/" + risk).at("review_kind"), "risk_assessment");

  // The change review is ready first; it still waits for the risk assessment.
  std::string privacy = UserId("privacy_officer");
  Ok(Act(change_review, {{"action", "assign"}, {"assignee_id", privacy}}));
  json::object change_docs{{"summary", "Cluster move with a rolling cut-over"},
                           {"impact", "Claims API, 5 minutes of read-only"},
                           {"backout_plan", "DNS back to the old cluster"}};
  json::object missing = change_docs;
  missing.erase("backout_plan");
  json::object e = ExpectError(
      Act(change_review, {{"action", "document"}, {"documentation", missing}}, "privacy_officer"),
      422, "validation_failed");
  EXPECT_TRUE(Names(e, "documentation.backout_plan")) << json::serialize(e);
  Ok(Act(change_review, {{"action", "document"}, {"documentation", change_docs}},
         "privacy_officer"));
  before = s().LedgerSize();
  e = ExpectError(Act(change_review, {{"action", "approve"}}), 409, "conflict");
  EXPECT_NE(Str(e, "message").find(risk), std::string::npos) << Str(e, "message");
  ExpectNothingWrittenSince(before, "approving a change review before its risk assessment");

  json::object risk_done =
      ApproveThrough(risk, {{"summary", "New cluster in the same region"}, {"risk_level", "low"}});
  EXPECT_EQ(risk_done.at("status"), "approved");

  // Approving the change review approves the change notice: two events.
  before = s().LedgerSize();
  json::object approved = Step(Act(change_review, {{"action", "approve"}, {"comment", "Go"}}),
                               before, {"review.approved", "change_notice.status_changed"});
  EXPECT_EQ(approved.at("status"), "approved");
  json::object read = Get("/api/v1/change-notices/" + Str(notice, "id"));
  EXPECT_EQ(read.at("status"), "approved");

  // Implemented after approval: no finding.
  before = s().LedgerSize();
  json::object implemented = Step(
      Post("/api/v1/change-notices/" + Str(notice, "id") + "/actions", {{"action", "implemented"}}),
      before, {"change_notice.implemented"});
  EXPECT_EQ(implemented.at("status"), "implemented");
  EXPECT_TRUE(implemented.at("finding_id").is_null());
  ExpectError(
      Post("/api/v1/change-notices/" + Str(notice, "id") + "/actions", {{"action", "withdrawn"}}),
      409, "conflict");
}

TEST_F(ReviewApiTest, RoutineChangeHasNoRiskAssessmentAndUnapprovedImplementationIsAFinding) {
  std::string party = NewParty("Kestrel Routing Partners");
  json::object body{{"party_id", party},
                    {"title", "Kestrel renames its status page"},
                    {"description", "Cosmetic"},
                    {"planned_at", At(Now() + days(5))}};
  uint64_t before = s().LedgerSize();
  json::object routine = Step(Post("/api/v1/change-notices", body), before,
                              {"change_notice.created", "review.opened"}, 201);
  EXPECT_EQ(routine.at("substantial"), false);
  EXPECT_TRUE(routine.at("risk_assessment_id").is_null());
  EXPECT_TRUE(routine.at("substantial_reasons").as_array().empty());

  // A new subprocessor is substantial by the profile's rules.
  json::object sub = body;
  sub["title"] = "Kestrel adds a subprocessor";
  sub["new_subprocessor"] = true;
  json::object substantial = Create("/api/v1/change-notices", sub);
  EXPECT_EQ(substantial.at("substantial"), true);
  EXPECT_FALSE(substantial.at("risk_assessment_id").is_null());

  // Implemented while its review is still open: a finding of rule unapproved_change.
  std::string id = Str(routine, "id");
  before = s().LedgerSize();
  json::object done =
      Step(Post("/api/v1/change-notices/" + id + "/actions",
                {{"action", "implemented"}, {"comment", "They went ahead"}}),
           before, {"finding.opened", "review.cancelled", "change_notice.implemented"});
  std::string finding = Str(done, "finding_id");
  ASSERT_FALSE(finding.empty()) << json::serialize(done);
  // Its review is cancelled (the finding carries the follow-up), and the change is final.
  json::object review = Get("/api/v1/reviews/" + Str(done, "change_review_id"));
  EXPECT_EQ(review.at("status"), "cancelled");
  EXPECT_NE(Str(review, "title").find("Change review"), std::string::npos);
  ExpectError(Post("/api/v1/change-notices/" + id + "/actions", {{"action", "withdrawn"}}), 409,
              "conflict");
  bool found = false;
  for (const auto& f : Items("/api/v1/findings?limit=500&party_id=" + party)) {
    if (f.at("id") != finding.c_str()) continue;
    found = true;
    EXPECT_EQ(f.at("rule"), "unapproved_change");
    EXPECT_EQ(f.at("status"), "open");
    EXPECT_EQ(f.at("source").at("id"), id.c_str());
  }
  EXPECT_TRUE(found) << "GET /api/v1/findings does not show " << finding;

  // Refused: a plan in the past, an unknown system, a future implementation date.
  before = s().LedgerSize();
  json::object past = body;
  past["planned_at"] = At(Now() - days(1));
  EXPECT_EQ(FirstField(ExpectError(Post("/api/v1/change-notices", past), 422, "validation_failed")),
            "planned_at");
  json::object unknown_system = body;
  unknown_system["system_ids"] = json::array{"sys_nope"};
  EXPECT_EQ(FirstField(ExpectError(Post("/api/v1/change-notices", unknown_system), 422,
                                   "validation_failed")),
            "system_ids");
  json::object no_party = body;
  no_party["party_id"] = "pty_nope";
  EXPECT_EQ(
      FirstField(ExpectError(Post("/api/v1/change-notices", no_party), 422, "validation_failed")),
      "party_id");
  EXPECT_EQ(
      FirstField(ExpectError(Post("/api/v1/change-notices/" + Str(substantial, "id") + "/actions",
                                  {{"action", "implemented"}, {"at", At(Now() + days(1))}}),
                             422, "validation_failed")),
      "at");
  ExpectError(Post("/api/v1/change-notices/chg_nope/actions", {{"action", "withdrawn"}}), 404,
              "not_found");
  ExpectError(Post("/api/v1/change-notices", body, "privacy_officer"), 403, "forbidden");
  ExpectError(Post("/api/v1/change-notices", body, "staff"), 403, "forbidden");
  ExpectError(Post("/api/v1/change-notices/" + Str(substantial, "id") + "/actions",
                   {{"action", "withdrawn"}}, "third_party_contact"),
              403, "forbidden");
  // The workflow's role question (workflow/change_notice.h), in the route's words.
  json::object officer =
      ExpectError(Post("/api/v1/change-notices/" + Str(substantial, "id") + "/actions",
                       {{"action", "withdrawn"}}, "privacy_officer"),
                  403, "forbidden");
  EXPECT_EQ(Str(officer, "message"),
            "the profile lets only the Security Officer record what became of a change (TP-12)");
  ExpectNothingWrittenSince(before, "refused change notices");

  // Withdrawn: its open reviews are cancelled.
  before = s().LedgerSize();
  json::object withdrawn =
      Step(Post("/api/v1/change-notices/" + Str(substantial, "id") + "/actions",
                {{"action", "withdrawn"}}),
           before, {"review.cancelled", "review.cancelled", "change_notice.withdrawn"});
  EXPECT_EQ(withdrawn.at("status"), "withdrawn");
  EXPECT_EQ(Get("/api/v1/reviews/" + Str(substantial, "risk_assessment_id")).at("status"),
            "cancelled");
}

TEST_F(ReviewApiTest, AThirdPartyAnnouncesChangesToItsOwnServicesOnly) {
  std::string relay = PartyId("Relay SMS");
  std::string other = NewParty("Gannet Messaging Partners");
  json::object body{{"party_id", relay},
                    {"title", "Relay SMS rotates its sender ids"},
                    {"description", "New short codes from next month."},
                    {"planned_at", At(Now() + days(30))}};
  uint64_t before = s().LedgerSize();
  json::object own = Step(Post("/api/v1/change-notices", body, "third_party_contact"), before,
                          {"change_notice.created", "review.opened"}, 201);
  EXPECT_EQ(own.at("party_id"), relay.c_str());
  // Whether it is substantial, and its review, are ours (vendor_view_test.cc): the officer
  // sees them, the contact does not.
  EXPECT_FALSE(own.contains("substantial"));
  json::object ours = Get("/api/v1/change-notices/" + Str(own, "id"));
  EXPECT_EQ(ours.at("substantial"), false);
  // Its own change notices it can read back; the review is not its to see.
  EXPECT_EQ(Get("/api/v1/change-notices/" + Str(own, "id"), "third_party_contact").at("id"),
            own.at("id"));
  ExpectError(
      Call("GET", "/api/v1/reviews/" + Str(ours, "change_review_id"), "", "third_party_contact"),
      403, "forbidden");

  before = s().LedgerSize();
  json::object elsewhere = body;
  elsewhere["party_id"] = other;
  ExpectError(Post("/api/v1/change-notices", elsewhere, "third_party_contact"), 404, "not_found");
  json::object decided = body;
  decided["substantial"] = false;
  EXPECT_EQ(FirstField(ExpectError(Post("/api/v1/change-notices", decided, "third_party_contact"),
                                   422, "validation_failed")),
            "substantial");
  json::object systems = body;  // which of our systems a change touches is ours to say
  systems["system_ids"] = json::array{"sys_any"};
  EXPECT_EQ(FirstField(ExpectError(Post("/api/v1/change-notices", systems, "third_party_contact"),
                                   422, "validation_failed")),
            "system_ids");
  ExpectNothingWrittenSince(before, "a third party's refused change notices");
  // Another party's change notice is invisible to it.
  json::object theirs = Create("/api/v1/change-notices", elsewhere);
  ExpectError(Call("GET", "/api/v1/change-notices/" + Str(theirs, "id"), "", "third_party_contact"),
              404, "not_found");
  for (const auto& c : Items("/api/v1/change-notices?limit=500", "third_party_contact")) {
    EXPECT_EQ(c.at("party_id"), relay.c_str()) << json::serialize(c);
  }
}

}  // namespace
}  // namespace accord::testing::review_api
