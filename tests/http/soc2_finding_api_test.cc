// ReviewApiTest (review_api_test.h): TP-11 SOC 2 reports (an exception opens a finding) and
// TP-14 findings, due by the remediation window and resolved with evidence.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <string>
#include <vector>

#include "http/review_api_test.h"

namespace accord::testing::review_api {
namespace {

std::string PdfBytes(std::string_view tag) {
  std::string pdf = "%PDF-1.7\n";
  pdf += tag;
  pdf += std::string("\x00\x01\xFF\xFE\n%%EOF\n", 11);
  return pdf;
}

// --- TP-11: SOC 2 reports --------------------------------------------------------------------

TEST_F(ReviewApiTest, Soc2ReportWithExceptionsOpensAFindingForEach) {
  std::string party = NewParty("Stratus Hosting Partners");
  std::string officer = UserId("security_officer");
  json::object report{
      {"type", "type2"},
      {"period_start", At(Now() - days(400))},
      {"period_end", At(Now() - days(35))},
      {"auditor", "Example Assurance LLP"},
      {"opinion", "qualified"},
      {"issued_at", At(Now() - days(10))},
      {"reviewed_at", At(Now() - days(1))},
      {"exceptions",
       json::array{json::object{{"control", "CC6.1 logical access"},
                                {"description", "Shared admin account"},
                                {"severity", "high"}},
                   json::object{{"control", "CC7.2 monitoring"}, {"description", "Alert gap"}}}},
      {"user_entity_controls",
       json::array{json::object{{"control", "We enforce MFA on our console users"},
                                {"owner_id", officer},
                                {"in_place", true}}}}};
  std::string target = "/api/v1/parties/" + party + "/soc2-reports";
  uint64_t before = s().LedgerSize();
  json::object created = Ok(Post(target, report), 201);
  std::vector<std::string> types = TypesSince(before);
  ASSERT_EQ(types.size(), 5u) << json::serialize(json::value_from(types));
  EXPECT_EQ(types.front(), "soc2_report.created");
  EXPECT_EQ(std::count(types.begin(), types.end(), "finding.opened"), 3);
  EXPECT_EQ(types.back(), "soc2_report.findings_opened");
  std::string id = Str(created, "id");
  ASSERT_EQ(created.at("finding_ids").as_array().size(), 3u) << json::serialize(created);
  EXPECT_EQ(created.at("reviewed_by").at("id"), officer.c_str());

  json::object read = Get("/api/v1/soc2-reports/" + id);
  EXPECT_EQ(read.at("finding_ids"), created.at("finding_ids"));
  json::array listed = Items(target);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].at("id"), id.c_str());

  std::multiset<std::string> rules;
  std::map<std::string, std::string> severity_by_title;
  for (const auto& fid : created.at("finding_ids").as_array()) {
    json::object f = Get("/api/v1/findings/" + Str(fid));
    EXPECT_EQ(f.at("party_id"), party.c_str());
    EXPECT_EQ(f.at("source").at("kind"), "soc2_report");
    EXPECT_EQ(f.at("source").at("id"), id.c_str());
    rules.insert(Str(f, "rule"));
    severity_by_title[Str(f, "title")] = Str(f, "severity");
  }
  EXPECT_EQ(rules,
            (std::multiset<std::string>{"soc2_opinion", "soc2_exception", "soc2_exception"}));
  for (const auto& [title, severity] : severity_by_title) {
    if (title.find("CC6.1") != std::string::npos) {
      EXPECT_EQ(severity, "high") << title;
    }
    if (title.find("CC7.2") != std::string::npos) {
      EXPECT_EQ(severity, "medium") << title;
    }
  }

  // Bad reports name the field and write nothing.
  before = s().LedgerSize();
  auto refused = [&](json::object body, const std::string& field) {
    json::object e = ExpectError(Post(target, body), 422, "validation_failed");
    EXPECT_TRUE(Names(e, field)) << field << ": " << json::serialize(e);
  };
  json::object bad = report;
  bad["period_end"] = At(Now() - days(500));
  refused(bad, "period_end");
  bad = report;
  bad["user_entity_controls"].as_array()[0].as_object()["owner_id"] = "usr_nobody";
  refused(bad, "user_entity_controls[0].owner_id");
  bad["user_entity_controls"].as_array()[0].as_object()["owner_id"] =
      UserId("third_party_contact");  // a party's contact owns none of our controls
  refused(bad, "user_entity_controls[0].owner_id");
  bad = report;
  bad.erase("period_start");
  refused(bad, "period_start");
  bad = report;
  bad["reviewed_at"] = At(Now() + days(2));
  refused(bad, "reviewed_at");
  bad = report;
  bad["opinion"] = "glowing";
  refused(bad, "opinion");
  ExpectError(Call("POST", target, "{\"type\": "), 400, "malformed_json");
  ExpectError(Post("/api/v1/parties/pty_nobody/soc2-reports", report), 404, "not_found");
  for (const char* role : {"staff", "auditor"}) {
    ExpectError(Post(target, report, role), 403, "forbidden");
  }
  // A contact submits its own party's reports (soc2_intake_api_test.cc): another's is not found.
  ExpectError(Post(target, report, "third_party_contact"), 404, "not_found");
  // luma: SOC 2 reports are recorded by the profile's open roles, the security officer.
  json::object e = ExpectError(Post(target, report, "privacy_officer"), 403, "forbidden");
  EXPECT_NE(Str(e, "message").find("the Security Officer"), std::string::npos) << Str(e, "message");
  ExpectNothingWrittenSince(before, "refused SOC 2 reports");

  // A clean Type I report opens nothing.
  json::object clean{{"type", "type1"},
                     {"period_end", At(Now() - days(20))},
                     {"auditor", "Example Assurance LLP"},
                     {"opinion", "unqualified"},
                     {"reviewed_at", At(Now() - days(1))}};
  before = s().LedgerSize();
  json::object c = Step(Post(target, clean), before, {"soc2_report.created"}, 201);
  EXPECT_TRUE(!c.contains("finding_ids") || c.at("finding_ids").is_null() ||
              c.at("finding_ids").as_array().empty())
      << json::serialize(c);

  // Another party's review cannot cite this party's report, nor evidence that does not exist.
  std::string other = NewParty("Otter Hosting Partners");
  json::object review = Create("/api/v1/reviews", {{"review_kind", "party_review"},
                                                   {"party_id", other},
                                                   {"due_at", At(Now() + days(20))},
                                                   {"assignee_id", UserId("privacy_officer")}});
  json::object docs = PartyReviewDocs();
  docs["soc2_report_ids"] = json::array{c.at("id")};
  docs["evidence"] = json::array{"doc_nope"};
  before = s().LedgerSize();
  json::object bad_docs = ExpectError(
      Act(Str(review, "id"), {{"action", "document"}, {"documentation", docs}}, "privacy_officer"),
      422, "validation_failed");
  EXPECT_TRUE(Names(bad_docs, "documentation.soc2_report_ids")) << json::serialize(bad_docs);
  EXPECT_TRUE(Names(bad_docs, "documentation.evidence")) << json::serialize(bad_docs);
  ExpectNothingWrittenSince(before, "documentation citing another party's report");
}

// --- TP-14: findings -------------------------------------------------------------------------

TEST_F(ReviewApiTest, FindingIsDueByTheRemediationWindowAndResolvedWithEvidence) {
  std::string party = NewParty("Heron Analytics Partners");
  std::string officer = UserId("security_officer");
  uint64_t before = s().LedgerSize();
  TimePoint at = Now();
  json::object f = Step(Post("/api/v1/findings", {{"title", "Heron keeps logs 400 days"},
                                                  {"description", "Retention beyond contract"},
                                                  {"severity", "high"},
                                                  {"party_id", party}}),
                        before, {"finding.opened"}, 201);
  std::string id = Str(f, "id");
  EXPECT_EQ(f.at("status"), "open");
  EXPECT_EQ(f.at("rule"), "manual");
  EXPECT_EQ(f.at("owner").at("id"), officer.c_str());  // default: whoever opened it
  auto due = ParseRfc3339(Str(f, "due_at"));
  ASSERT_TRUE(due.ok()) << Str(f, "due_at");
  // luma keeps the default: high findings are remediated within 30 days.
  EXPECT_LT(std::chrono::abs(*due - (at + days(30))), minutes(1)) << Str(f, "due_at");

  std::string act = "/api/v1/findings/" + id + "/actions";
  before = s().LedgerSize();
  EXPECT_EQ(FirstField(ExpectError(Post(act, {{"action", "resolve"}, {"comment", "Fixed"}}), 422,
                                   "validation_failed")),
            "evidence");
  EXPECT_EQ(FirstField(ExpectError(Post(act, {{"action", "resolve"}}), 422, "validation_failed")),
            "comment");
  EXPECT_EQ(FirstField(ExpectError(Post(act, {{"action", "resolve"},
                                              {"comment", "Fixed"},
                                              {"evidence", json::array{"doc_nope"}}}),
                                   422, "validation_failed")),
            "evidence");
  ExpectError(Post(act, {{"action", "reopen"}, {"comment", "again"}}), 409, "conflict");
  EXPECT_EQ(FirstField(ExpectError(Post("/api/v1/findings", {{"title", "x"}, {"severity", "dire"}}),
                                   422, "validation_failed")),
            "severity");
  EXPECT_EQ(FirstField(ExpectError(
                Post("/api/v1/findings",
                     {{"title", "x"}, {"severity", "low"}, {"due_at", At(Now() - days(1))}}),
                422, "validation_failed")),
            "due_at");
  ExpectError(Post("/api/v1/findings/fnd_nope/actions", {{"action", "reopen"}, {"comment", "x"}}),
              404, "not_found");
  for (const std::string& role : kNonOfficers) {
    ExpectError(Post("/api/v1/findings", {{"title", "x"}, {"severity", "low"}}, role), 403,
                "forbidden");
    ExpectError(Post(act, {{"action", "accept_risk"}, {"comment", "x"}}, role), 403, "forbidden");
  }
  ExpectNothingWrittenSince(before, "refused finding actions");

  // The proof, uploaded as the finding's evidence: ours alone, filed under no party.
  HttpResult up = HttpCall(s().port(), "POST",
                           "/api/v1/findings/" + id + "/documents?filename=retention-fix.pdf",
                           PdfBytes("retention policy v2"),
                           {{"Content-Type", "application/pdf"},
                            {"Authorization", "Bearer " + s().token("security_officer")}});
  json::object uploaded = Ok(up, 201);
  std::string doc = Str(uploaded, "id");
  ASSERT_FALSE(doc.empty());
  EXPECT_EQ(Str(uploaded, "finding_id"), id);
  EXPECT_EQ(Str(uploaded, "party_id"), "");
  json::object evidence = Get("/api/v1/findings/" + id + "/documents", "auditor");
  ASSERT_EQ(evidence.at("items").as_array().size(), 1u);
  EXPECT_EQ(evidence.at("items").at(0).at("filename"), "retention-fix.pdf");
  (void)party;

  before = s().LedgerSize();
  json::object resolved = Step(Post(act, {{"action", "resolve"},
                                          {"comment", "Retention set to 90 days"},
                                          {"evidence", json::array{json::value(doc)}}}),
                               before, {"finding.resolved"});
  EXPECT_EQ(resolved.at("status"), "resolved");
  EXPECT_EQ(resolved.at("resolution").at("evidence"), json::array{json::value(doc)});
  EXPECT_EQ(resolved.at("resolution").at("on_time"), true);
  ExpectError(Post(act, {{"action", "accept_risk"}, {"comment", "x"}}), 409, "conflict");

  before = s().LedgerSize();
  json::object reopened =
      Step(Post(act, {{"action", "reopen"}, {"comment", "Logs still found at 120 days"}},
                "privacy_officer"),
           before, {"finding.reopened"});
  EXPECT_EQ(reopened.at("status"), "open");
  EXPECT_TRUE(reopened.at("resolution").is_null());

  // Accepting a risk: one officer asks, with an expiry; another approves (issue 20, item 5).
  before = s().LedgerSize();
  EXPECT_EQ(
      FirstField(ExpectError(Post(act, {{"action", "accept_risk"}}), 422, "validation_failed")),
      "comment");
  EXPECT_EQ(FirstField(ExpectError(
                Post(act, {{"action", "accept_risk"}, {"comment", "Contract ends in 60 days"}}),
                422, "validation_failed")),
            "expires_at");
  EXPECT_EQ(FirstField(ExpectError(Post(act, {{"action", "accept_risk"},
                                              {"comment", "Contract ends in 60 days"},
                                              {"expires_at", At(Now() + days(400))}}),
                                   422, "validation_failed")),
            "expires_at");
  ExpectNothingWrittenSince(before, "accept_risk without a comment or a valid expiry");
  json::object asked = Step(Post(act, {{"action", "accept_risk"},
                                       {"comment", "Contract ends in 60 days"},
                                       {"expires_at", At(Now() + days(60))}}),
                            before, {"finding.risk_acceptance_requested"});
  EXPECT_EQ(asked.at("status"), "acceptance_requested");
  before = s().LedgerSize();
  EXPECT_EQ(FirstField(ExpectError(Post(act, {{"action", "approve_risk"}}), 403, "forbidden")),
            "risk_acceptance.requested_by");
  ExpectNothingWrittenSince(before, "approving one's own risk acceptance");
  json::object accepted = Step(Post(act, {{"action", "approve_risk"}}, "privacy_officer"), before,
                               {"finding.risk_accepted"});
  EXPECT_EQ(accepted.at("status"), "risk_accepted");
  EXPECT_EQ(accepted.at("resolution").at("comment"), "Contract ends in 60 days");
  EXPECT_EQ(accepted.at("risk_acceptance").at("approved_by").at("role"), "privacy_officer");
  EXPECT_EQ(Get("/api/v1/findings/" + id, "auditor").at("status"), "risk_accepted");
}

}  // namespace
}  // namespace accord::testing::review_api
