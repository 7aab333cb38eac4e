// ReviewApiTest (review_api_test.h): the TP-12 review workflow, one ledger event per step,
// separation of duties, refused steps, break-glass, and a review's questions to its party.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "accord/core/otp.h"

#include "http/review_api_test.h"

namespace accord::testing::review_api {
namespace {

// --- TP-12: the workflow ---------------------------------------------------------------------

TEST_F(ReviewApiTest, PartyReviewGoesThroughTheWorkflowOneEventPerStep) {
  std::string party = NewParty("Orbit Relay Partners");
  std::string officer = UserId("security_officer"), privacy = UserId("privacy_officer");
  TimePoint due = Now() + days(10);

  uint64_t before = s().LedgerSize();
  json::object r = Step(Post("/api/v1/reviews", {{"review_kind", "party_review"},
                                                 {"party_id", party},
                                                 {"due_at", At(due)},
                                                 {"comment", "ad hoc: new regional contract"}}),
                        before, {"review.opened"}, 201);
  std::string id = Str(r, "id");
  ASSERT_TRUE(id.starts_with("rev_")) << json::serialize(r);
  EXPECT_EQ(r.at("status"), "open");
  EXPECT_EQ(r.at("party_id"), party.c_str());
  EXPECT_EQ(r.at("due_at"), At(due).c_str());
  EXPECT_NE(Str(r, "title").find("Orbit Relay Partners"), std::string::npos) << Str(r, "title");

  before = s().LedgerSize();
  r = Step(Act(id, {{"action", "assign"}, {"assignee_id", privacy}}), before, {"review.assigned"});
  EXPECT_EQ(r.at("status"), "assigned");
  EXPECT_EQ(r.at("assignee").at("id"), privacy.c_str());

  before = s().LedgerSize();
  r = Step(
      Act(id, {{"action", "document"}, {"documentation", PartyReviewDocs()}}, "privacy_officer"),
      before, {"review.documented"});
  EXPECT_EQ(r.at("status"), "documented");
  EXPECT_EQ(r.at("documentation").at("documented_by").at("id"), privacy.c_str());

  before = s().LedgerSize();
  r = Step(Act(id, {{"action", "reject"}, {"comment", "Add the Q3 incident report figures"}}),
           before, {"review.rejected"});
  EXPECT_EQ(r.at("status"), "assigned");
  ASSERT_EQ(r.at("rejections").as_array().size(), 1u);
  EXPECT_EQ(r.at("rejections").at(0).at("comment"), "Add the Q3 incident report figures");
  EXPECT_EQ(r.at("rejections").at(0).at("by").at("id"), officer.c_str());

  json::object docs = PartyReviewDocs();
  docs["security_performance"] = "One P3 incident in Q3 (ticket 4411), closed in 2 days";
  before = s().LedgerSize();
  r = Step(Act(id, {{"action", "document"}, {"documentation", docs}}, "privacy_officer"), before,
           {"review.documented"});
  EXPECT_EQ(r.at("status"), "documented");

  before = s().LedgerSize();
  r = Step(Act(id, {{"action", "approve"}, {"comment", "Complete"}}), before, {"review.approved"});
  EXPECT_EQ(r.at("status"), "approved");
  EXPECT_EQ(r.at("on_time"), true);
  EXPECT_EQ(r.at("approved_by").at("id"), officer.c_str());
  EXPECT_EQ(r.at("rejections").as_array().size(), 1u);  // the rejection stays on record

  // The read side agrees, and the filters find it.
  json::object read = Get("/api/v1/reviews/" + id);
  EXPECT_EQ(read.at("status"), "approved");
  EXPECT_EQ(read.at("documentation").at("security_performance"), docs.at("security_performance"));
  auto listed = [&](const std::string& query) {
    for (const auto& item : Items("/api/v1/reviews?limit=500&" + query)) {
      if (item.at("id") == id.c_str()) return true;
    }
    return false;
  };
  EXPECT_TRUE(listed("review_kind=party_review&party_id=" + party));
  EXPECT_TRUE(listed("status=approved&party_id=" + party));
  EXPECT_FALSE(listed("status=open&party_id=" + party));
  EXPECT_TRUE(listed("due_after=" + At(due - minutes(1)) + "&due_before=" + At(due + minutes(1))));
  EXPECT_FALSE(listed("due_before=" + At(due - minutes(1))));
  EXPECT_FALSE(listed("overdue=true"));
  EXPECT_EQ(Get("/api/v1/reviews/" + id, "auditor").at("status"), "approved");
  // The due filters read today's reviews: with a past ledger size they would mix two times.
  EXPECT_EQ(FirstField(ExpectError(
                Call("GET", "/api/v1/reviews?overdue=true&as_of=3", "", "security_officer"), 422,
                "validation_failed")),
            "as_of");
}

// Separation of duties (issue 19): the Security Officer may document a review assigned to
// it, but then another approver decides; luma allows no self-approval.
TEST_F(ReviewApiTest, WhoeverDocumentedAReviewDoesNotApproveIt) {
  std::string party = NewParty("Separation Review Partners");
  json::object r = Create("/api/v1/reviews", {{"review_kind", "party_review"},
                                              {"party_id", party},
                                              {"due_at", At(Now() + days(20))},
                                              {"assignee_id", UserId("security_officer")}});
  std::string id = Str(r, "id");
  Ok(Act(id, {{"action", "document"}, {"documentation", PartyReviewDocs()}}));
  uint64_t before = s().LedgerSize();
  json::object e = ExpectError(Act(id, {{"action", "approve"}}), 403, "forbidden");
  EXPECT_EQ(FirstField(e), "documented_by");
  EXPECT_NE(Str(e, "message").find("another approver"), std::string::npos) << Str(e, "message");
  ExpectNothingWrittenSince(before, "a self-approval");
  // Rejecting its own documentation sends it back: no conflict of interest there.
  json::object back = Ok(Act(id, {{"action", "reject"}, {"comment", "Redo with the SOC 2"}}));
  EXPECT_EQ(back.at("status"), "assigned");
  // Documented by the Privacy Officer instead, the Security Officer approves.
  Ok(Act(id, {{"action", "assign"}, {"assignee_id", UserId("privacy_officer")}}));
  Ok(Act(id, {{"action", "document"}, {"documentation", PartyReviewDocs()}}, "privacy_officer"));
  json::object approved = Ok(Act(id, {{"action", "approve"}}));
  EXPECT_EQ(approved.at("status"), "approved");
  EXPECT_FALSE(approved.contains("self_approved"));
}

TEST_F(ReviewApiTest, RefusedStepsAnswerTheirStatusAndWriteNothing) {
  std::string party = NewParty("Refusal Test Partners");
  std::string privacy = UserId("privacy_officer"), staff = UserId("staff");
  json::object r = Create("/api/v1/reviews", {{"review_kind", "party_review"},
                                              {"party_id", party},
                                              {"due_at", At(Now() + days(20))},
                                              {"assignee_id", privacy}});
  std::string id = Str(r, "id");
  ASSERT_EQ(r.at("status"), "assigned");

  uint64_t before = s().LedgerSize();
  // The state machine: nothing to approve yet.
  json::object e = ExpectError(Act(id, {{"action", "approve"}}), 409, "conflict");
  EXPECT_NE(Str(e, "message").find("allowed: assign, document"), std::string::npos)
      << Str(e, "message");
  // Only the assignee documents, even a security officer who could be assigned.
  ExpectError(Act(id, {{"action", "document"}, {"documentation", PartyReviewDocs()}}), 403,
              "forbidden");
  // Every missing section is named.
  json::object partial = PartyReviewDocs();
  partial.erase("compliance_performance");
  partial["contacts_confirmed"] = false;
  e = ExpectError(Act(id, {{"action", "document"}, {"documentation", partial}}, "privacy_officer"),
                  422, "validation_failed");
  EXPECT_TRUE(Names(e, "documentation.compliance_performance")) << json::serialize(e);
  EXPECT_TRUE(Names(e, "documentation.contacts_confirmed")) << json::serialize(e);
  e = ExpectError(Act(id, {{"action", "document"}, {"documentation", {{"summary", "fine"}}}},
                      "privacy_officer"),
                  422, "validation_failed");
  for (const char* section : {"sla_performance", "security_performance", "compliance_performance",
                              "contacts_confirmed"}) {
    EXPECT_TRUE(Names(e, std::string("documentation.") + section)) << section;
  }
  e = ExpectError(Act(id, {{"action", "document"}}, "privacy_officer"), 422, "validation_failed");
  EXPECT_EQ(FirstField(e), "documentation");
  // Assignees come from the profile's assignee roles.
  e = ExpectError(Act(id, {{"action", "assign"}, {"assignee_id", staff}}), 422,
                  "validation_failed");
  EXPECT_EQ(FirstField(e), "assignee_id");
  e = ExpectError(Act(id, {{"action", "assign"}, {"assignee_id", "usr_nobody"}}), 422,
                  "validation_failed");
  EXPECT_EQ(FirstField(e), "assignee_id");
  e = ExpectError(Act(id, {{"action", "assign"}}), 422, "validation_failed");
  EXPECT_EQ(FirstField(e), "assignee_id");
  // Only the profile's open roles (luma: the security officer) assign.
  ExpectError(Act(id, {{"action", "assign"}, {"assignee_id", privacy}}, "privacy_officer"), 403,
              "forbidden");
  ExpectNothingWrittenSince(before, "refused steps on an assigned review");

  Ok(Act(id, {{"action", "document"}, {"documentation", PartyReviewDocs()}}, "privacy_officer"));
  before = s().LedgerSize();
  e = ExpectError(Act(id, {{"action", "reject"}}), 422, "validation_failed");
  EXPECT_EQ(FirstField(e), "comment");
  ExpectError(Act(id, {{"action", "reject"}, {"comment", ""}}), 422, "validation_failed");
  // luma: only the security officer approves or rejects (TP-12).
  e = ExpectError(Act(id, {{"action", "approve"}}, "privacy_officer"), 403, "forbidden");
  EXPECT_NE(Str(e, "message").find("the Security Officer"), std::string::npos) << Str(e, "message");
  ExpectError(Act(id, {{"action", "reject"}, {"comment", "no"}}, "privacy_officer"), 403,
              "forbidden");
  ExpectError(
      Act(id, {{"action", "document"}, {"documentation", PartyReviewDocs()}}, "privacy_officer"),
      409, "conflict");
  // The route table keeps roles outside the workforce out before the body is read; staff
  // is let in (a profile may name it) and luma's rules refuse it.
  for (const std::string& role : kNonOfficers) {
    bool workforce = role == "staff";
    e = ExpectError(Act(id, {{"action", "approve"}}, role), 403, "forbidden");
    EXPECT_EQ(Str(e, "message"),
              workforce
                  ? "the profile lets only the Security Officer approve or reject reviews (TP-12)"
                  : "the role " + role + " may not call POST /api/v1/reviews/{id}/actions");
    e = ExpectError(
        Post(
            "/api/v1/reviews",
            {{"review_kind", "party_review"}, {"party_id", party}, {"due_at", At(Now() + days(3))}},
            role),
        403, "forbidden");
    EXPECT_EQ(Str(e, "message"),
              workforce ? "the profile lets only the Security Officer open reviews (TP-12)"
                        : "the role " + role + " may not call POST /api/v1/reviews");
  }
  ExpectError(Call("POST", "/api/v1/reviews/" + id + "/actions", R"({"action": "approve"})", ""),
              401, "unauthenticated");
  // Unknown ids, bad bodies.
  ExpectError(Act("rev_doesnotexist", {{"action", "approve"}}), 404, "not_found");
  e = ExpectError(Act(id, {{"action", "escalate"}}), 422, "validation_failed");
  EXPECT_EQ(FirstField(e), "action");
  ExpectError(Call("POST", "/api/v1/reviews/" + id + "/actions", "{\"action\": "), 400,
              "malformed_json");
  e = ExpectError(Act(id, {{"action", "approve"}, {"approve_anyway", true}}), 422,
                  "validation_failed");
  EXPECT_EQ(FirstField(e), "approve_anyway");
  ExpectNothingWrittenSince(before, "refused steps on a documented review");

  // Opening: the open roles, a known kind, a party, a future due date, a well-formed body.
  before = s().LedgerSize();
  auto open = [&](json::object body, const std::string& role = "security_officer") {
    return Post("/api/v1/reviews", body, role);
  };
  json::object good{
      {"review_kind", "party_review"}, {"party_id", party}, {"due_at", At(Now() + days(3))}};
  e = ExpectError(open(good, "privacy_officer"), 403, "forbidden");
  EXPECT_NE(Str(e, "message").find("open reviews"), std::string::npos) << Str(e, "message");
  json::object bad = good;
  bad["review_kind"] = "vibe_check";
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "review_kind");
  bad["review_kind"] = "change_review";  // opened by a change notice only
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "review_kind");
  bad = good;
  bad["due_at"] = At(Now() - days(1));
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "due_at");
  bad["due_at"] = "next tuesday";
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "due_at");
  bad = good;
  bad.erase("due_at");
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "due_at");
  bad = good;
  bad.erase("party_id");
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "party_id");
  bad["party_id"] = "pty_nobody";
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "party_id");
  bad = good;
  bad["review_kind"] = "partner_list_review";  // covers every party
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "party_id");
  bad = good;
  bad["priority"] = "high";
  EXPECT_EQ(FirstField(ExpectError(open(bad), 422, "validation_failed")), "priority");
  ExpectError(Call("POST", "/api/v1/reviews", "{not json"), 400, "malformed_json");
  ExpectError(Call("POST", "/api/v1/reviews", "[1, 2]"), 422, "validation_failed");
  ExpectNothingWrittenSince(before, "refused review openings");

  // After all that the review still completes.
  json::object done = Ok(Act(id, {{"action", "approve"}}));
  EXPECT_EQ(done.at("status"), "approved");
  before = s().LedgerSize();
  ExpectError(Act(id, {{"action", "reject"}, {"comment", "too late"}}), 409, "conflict");
  ExpectError(Act(id, {{"action", "assign"}, {"assignee_id", privacy}}), 409, "conflict");
  ExpectNothingWrittenSince(before, "steps on an approved review");
}

// An emergency elevation is for the emergency: a staff member in break-glass holds the
// security officer's role but opens, approves and records nothing of the review workflow.
TEST_F(ReviewApiTest, BreakGlassSessionDoesNotRunTheReviewWorkflow) {
  std::string party = NewParty("Break Glass Test Partners");
  std::string id = Str(OpenReview(party, Now() + days(4)), "id");
  std::string cookie, csrf;
  auto session = [&](const std::string& method, const std::string& target,
                     const json::object& body) {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Content-Type", "application/json"}};
    if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
    if (!csrf.empty()) headers.emplace_back("X-CSRF-Token", csrf);
    HttpResult r =
        HttpCall(s().port(), method, target, method == "GET" ? "" : json::serialize(body), headers);
    if (std::string set = r.Header("Set-Cookie"); !set.empty()) {
      cookie = set.substr(0, set.find(';'));
    }
    if (r.status == 200) {
      json::value v = json::parse(r.body);
      if (v.is_object() && v.as_object().contains("csrf_token")) {
        csrf = Str(v.at("csrf_token"));
      }
    }
    return r;
  };
  Ok(session("POST", "/api/v1/auth/sign-in",
             {{"email", s().email("staff")}, {"password", s().password("staff")}}));
  json::object enrol = Ok(session("POST", "/api/v1/auth/mfa/enrol", {}));
  auto secret = Base32Decode(Str(enrol, "secret"));
  ASSERT_TRUE(secret.ok());
  Ok(session("POST", "/api/v1/auth/mfa/confirm", {{"code", Totp(*secret, Now())}}));
  Ok(session("POST", "/api/v1/auth/break-glass",
             {{"reason", "review api test: production outage at the hosting provider"}}));

  // Elevated: it reads like a security officer...
  EXPECT_EQ(session("GET", "/api/v1/dashboard", {}).status, 200);
  EXPECT_EQ(session("GET", "/api/v1/reviews/" + id, {}).status, 200);
  // ...but the workflow refuses it.
  uint64_t before = s().LedgerSize();
  for (const auto& [target, body] : std::vector<std::pair<std::string, json::object>>{
           {"/api/v1/reviews",
            {{"review_kind", "party_review"},
             {"party_id", party},
             {"due_at", At(Now() + days(3))}}},
           {"/api/v1/reviews/" + id + "/actions",
            {{"action", "assign"}, {"assignee_id", UserId("privacy_officer")}}},
           {"/api/v1/findings", {{"title", "from break-glass"}, {"severity", "low"}}},
           {"/api/v1/findings/fnd_any/actions", {{"action", "reopen"}, {"comment", "x"}}},
           {"/api/v1/change-notices/chg_any/actions", {{"action", "withdrawn"}}},
           {"/api/v1/parties/" + party + "/soc2-reports",
            {{"type", "type1"},
             {"period_end", At(Now() - days(30))},
             {"auditor", "A"},
             {"opinion", "unqualified"},
             {"reviewed_at", At(Now() - days(1))}}},
           {"/api/v1/change-notices",
            {{"party_id", party},
             {"title", "t"},
             {"description", "d"},
             {"planned_at", At(Now() + days(3))}}}}) {
    json::object e = ExpectError(session("POST", target, body), 403, "forbidden");
    EXPECT_NE(Str(e, "message").find("break-glass"), std::string::npos)
        << target << ": " << Str(e, "message");
  }
  // A feed follows the account's own role (staff: none), so none is made for an elevation.
  json::object e = ExpectError(session("POST", "/api/v1/calendar-tokens", {{"name", "glass"}}), 403,
                               "forbidden");
  EXPECT_NE(Str(e, "message").find("break-glass"), std::string::npos) << Str(e, "message");
  ExpectNothingWrittenSince(before, "the review workflow during break-glass");
}

// A review asks the party for something; its contact reads only the request and answers with
// a message and its own documents; nobody else's contact can see or answer it.
TEST_F(ReviewApiTest, AReviewAsksThePartyAndItsContactAnswers) {
  std::string relay = PartyId("Relay SMS");
  std::string other = NewParty("Osprey Text Partners");
  std::string id = Str(OpenReview(relay, Now() + days(20)), "id");
  std::string requests = "/api/v1/parties/" + relay + "/requests";
  size_t asked_before = Items(requests, "third_party_contact").size();

  // Asking needs a message; a contact cannot ask; an organisation-wide review has nobody.
  ExpectError(Act(id, {{"action", "request_info"}}), 422, "validation_failed");
  ExpectError(Act(id, {{"action", "request_info"}, {"comment", "x"}}, "third_party_contact"), 403,
              "forbidden");
  uint64_t before = s().LedgerSize();
  json::object asked = Step(Act(id, {{"action", "request_info"},
                                     {"comment", "Please send your latest penetration test."}}),
                            before, {"review.info_requested"});
  EXPECT_EQ(asked.at("status"), "open") << "asking does not move the workflow";
  EXPECT_EQ(asked.at("awaiting_party"), true);

  json::array open = Items(requests, "third_party_contact");
  ASSERT_EQ(open.size(), asked_before + 1);
  json::object mine;
  for (const auto& r : open) {
    if (r.at("id") == id.c_str()) mine = r.as_object();
  }
  ASSERT_FALSE(mine.empty());
  EXPECT_EQ(mine.at("party_requests").at(0).at("message"),
            "Please send your latest penetration test.");
  EXPECT_FALSE(mine.contains("documentation")) << "the contact sees the request, not the review";
  EXPECT_FALSE(mine.contains("assignee"));
  ExpectError(Call("GET", "/api/v1/parties/" + other + "/requests", "", "third_party_contact"), 404,
              "not_found");
  EXPECT_EQ(Items(requests, "auditor").size(), open.size());

  // The answer: a message and a document of its own party, never another's.
  HttpResult up =
      HttpCall(s().port(), "POST", "/api/v1/parties/" + relay + "/documents?filename=pentest.txt",
               "Pen test 2026: no high findings.\n",
               {{"Content-Type", "text/plain"},
                {"Authorization", "Bearer " + s().token("third_party_contact")}});
  ASSERT_EQ(up.status, 201) << up.body;
  std::string doc = Str(json::parse(up.body).as_object(), "id");
  std::string respond = "/api/v1/reviews/" + id + "/responses";
  ExpectError(Post(respond, {{"message", ""}}, "third_party_contact"), 422, "validation_failed");
  ExpectError(Post(respond, {{"message", "here"}, {"documents", json::array{"doc_nope"}}},
                   "third_party_contact"),
              422, "validation_failed");
  ExpectError(Post(respond, {{"message", "here"}}, "security_officer"), 403, "forbidden");
  before = s().LedgerSize();
  json::object answered = Step(Post(respond,
                                    {{"message", "Attached: our 2026 penetration test."},
                                     {"documents", json::array{json::value(doc)}}},
                                    "third_party_contact"),
                               before, {"review.party_responded"});
  EXPECT_EQ(answered.at("awaiting_party"), false);
  EXPECT_EQ(answered.at("party_responses").at(0).at("documents").at(0), doc.c_str());
  EXPECT_EQ(answered.at("party_responses").at(0).at("by").at("role"), "third_party_contact");
  EXPECT_EQ(Get("/api/v1/reviews/" + id).at("party_responses").as_array().size(), 1u);

  // Another party's review: as if it did not exist. One that asked nothing: 409.
  std::string theirs = Str(OpenReview(other, Now() + days(20)), "id");
  Ok(Act(theirs, {{"action", "request_info"}, {"comment", "Send your BAA."}}));
  ExpectError(
      Post("/api/v1/reviews/" + theirs + "/responses", {{"message", "hi"}}, "third_party_contact"),
      404, "not_found");
  std::string quiet = Str(OpenReview(relay, Now() + days(25)), "id");
  ExpectError(
      Post("/api/v1/reviews/" + quiet + "/responses", {{"message", "hi"}}, "third_party_contact"),
      409, "conflict");
}

}  // namespace
}  // namespace accord::testing::review_api
