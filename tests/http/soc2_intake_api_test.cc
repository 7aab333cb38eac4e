// ReviewApiTest (review_api_test.h): SOC 2 intake (TP-11, issue 20 item 6). A party's contact
// submits its report with the file; our officer's review records exceptions and complementary
// user-entity controls (each may cite a HIPAA specification) and opens findings. The contact
// sees its own submissions and never our review of them.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "http/review_api_test.h"
#include "support/http_client.h"

namespace accord::testing::review_api {
namespace {

const std::string kContact = "third_party_contact";

// What the contact must never read of a report: our review of it.
const char* const kOurs[] = {"exceptions",  "user_entity_controls", "summary",
                             "finding_ids", "reviewed_by",          "history"};

void ExpectNothingOfOurs(const json::object& o, const std::string& where) {
  for (const char* f : kOurs) EXPECT_FALSE(o.contains(f)) << where << " shows " << f;
}

TEST_F(ReviewApiTest, Soc2IntakeAPartySubmitsAndOurReviewOpensFindings) {
  // The contact's own party (the demo's Relay SMS), and a file uploaded as a role.
  std::string party = Str(Items("/api/v1/parties", kContact).at(0).as_object(), "id");
  auto upload = [&](const std::string& to, const std::string& name, const std::string& role) {
    HttpResult r = HttpCall(
        s().port(), "POST", "/api/v1/parties/" + to + "/documents?filename=" + name,
        "%PDF-1.7\n" + name + "\n%%EOF\n",
        {{"Content-Type", "application/pdf"}, {"Authorization", "Bearer " + s().token(role)}});
    EXPECT_EQ(r.status, 201) << r.body;
    return Str(json::parse(r.body).as_object(), "id");
  };
  std::string report_doc = upload(party, "relay-soc2-2026.pdf", kContact);
  std::string bridge_doc = upload(party, "relay-bridge-letter.pdf", kContact);
  std::string target = "/api/v1/parties/" + party + "/soc2-reports";
  json::object submission{{"type", "type2"},
                          {"period_start", At(Now() - days(380))},
                          {"period_end", At(Now() - days(15))},
                          {"auditor", "Example Assurance LLP"},
                          {"opinion", "qualified"},
                          {"issued_at", At(Now() - days(5))},
                          {"document_id", report_doc},
                          {"bridge_letter", json::object{{"covered_until", At(Now() + days(60))},
                                                         {"document_id", bridge_doc}}}};

  // Bad submissions name the field and write nothing.
  std::string elsewhere = NewParty("Cirrus Intake Partners");
  std::string not_yours = upload(elsewhere, "not-yours.pdf", "security_officer");
  uint64_t before = s().LedgerSize();
  auto refused = [&](json::object body, const std::string& field,
                     const std::string& as = kContact) {
    json::object e = ExpectError(Post(target, body, as), 422, "validation_failed");
    EXPECT_TRUE(Names(e, field)) << field << ": " << json::serialize(e);
  };
  for (const char* ours : {"reviewed_at", "exceptions", "summary"}) {
    json::object bad = submission;
    bad[ours] = std::string(ours) == "exceptions"
                    ? json::value(json::array{json::object{{"control", "CC6.1"}}})
                    : json::value(At(Now() - days(1)));
    refused(bad, ours);
  }
  json::object bad = submission;
  bad.erase("period_end");
  refused(bad, "period_end");
  bad = submission;
  bad["type"] = "type3";
  refused(bad, "type");
  // The file must be the party's own document.
  bad = submission;
  bad["document_id"] = not_yours;
  refused(bad, "document_id");
  bad = submission;
  bad["bridge_letter"].as_object()["document_id"] = "doc_nothing";
  refused(bad, "bridge_letter.document_id");
  // Another party's page is not the contact's to submit to: not found, like a missing one.
  ExpectError(Post("/api/v1/parties/" + elsewhere + "/soc2-reports", submission, kContact), 404,
              "not_found");
  ExpectError(Post(target, submission, "staff"), 403, "forbidden");
  ExpectError(Post(target, submission, "auditor"), 403, "forbidden");
  ExpectNothingWrittenSince(before, "refused submissions");

  // Submitted: awaiting our review, no findings yet.
  before = s().LedgerSize();
  json::object mine =
      Step(Post(target, submission, kContact), before, {"soc2_report.created"}, 201);
  std::string id = Str(mine, "id");
  EXPECT_EQ(Str(mine, "status"), "submitted");
  EXPECT_FALSE(mine.contains("reviewed_at"));
  ExpectNothingOfOurs(mine, "the submission's answer");
  json::object ours = Get("/api/v1/soc2-reports/" + id);
  EXPECT_EQ(ours.at("allowed_actions"), (json::array{"review"}));
  EXPECT_EQ(Str(ours, "party_name"), "Relay SMS");
  EXPECT_EQ(Str(ours.at("history").as_array().at(0).as_object().at("by").as_object(), "role"),
            kContact);
  json::object seen = Get("/api/v1/soc2-reports/" + id, kContact);
  EXPECT_TRUE(seen.at("allowed_actions").as_array().empty());
  ExpectNothingOfOurs(seen, "the contact's read");

  // It waits in the reviewer's My work, not in the Privacy Officer's (luma: the SO reviews).
  auto waits = [&](const std::string& role) {
    json::object work = Get("/api/v1/my-work", role);
    for (const auto& g : work.at("groups").as_array()) {
      if (g.at("kind") != "soc2_to_review") continue;
      for (const auto& item : g.at("items").as_array()) {
        if (item.at("id") == id.c_str()) return true;
      }
    }
    return false;
  };
  EXPECT_TRUE(waits("security_officer"));
  EXPECT_FALSE(waits("privacy_officer"));

  // The review: bad input first.
  std::string review = "/api/v1/soc2-reports/" + id + "/actions";
  std::string officer = UserId("security_officer");
  json::object cuec{{"control", "We enforce MFA for our users of their console"},
                    {"owner_id", officer},
                    {"in_place", true},
                    {"hipaa_citation", "164.308(a)(1)(ii)(A)"}};
  json::object verdict{
      {"action", "review"},
      {"exceptions", json::array{json::object{{"control", "CC6.1 logical access"},
                                              {"description", "Shared administrator account"},
                                              {"severity", "high"}}}},
      {"user_entity_controls", json::array{cuec}},
      {"summary", "Qualified on logical access; the bridge letter covers to spring."}};
  before = s().LedgerSize();
  auto refused_review = [&](json::object body, const std::string& field) {
    json::object e = ExpectError(Post(review, body), 422, "validation_failed");
    EXPECT_TRUE(Names(e, field)) << field << ": " << json::serialize(e);
  };
  for (const char* cite : {"164.999(a)", "164.308(1)(a)", "CC6.1", "HIPAA 164.308"}) {
    json::object b = verdict;
    b["user_entity_controls"].as_array()[0].as_object()["hipaa_citation"] = cite;
    refused_review(b, "user_entity_controls[0].hipaa_citation");
  }
  json::object b = verdict;
  b["user_entity_controls"].as_array()[0].as_object()["owner_id"] = UserId(kContact);
  refused_review(b, "user_entity_controls[0].owner_id");
  b = verdict;
  b["reviewed_at"] = At(Now() + days(1));
  refused_review(b, "reviewed_at");
  b = verdict;
  b["reviewed_at"] = At(Now() - days(30));  // before the period ended
  refused_review(b, "reviewed_at");
  b = verdict;
  b["action"] = "approve";
  refused_review(b, "action");
  ExpectError(Post(review, verdict, "privacy_officer"), 403, "forbidden");  // luma: the SO
  for (const std::string& role : kNonOfficers) {
    ExpectError(Post(review, verdict, role), 403, "forbidden");
  }
  ExpectError(Post("/api/v1/soc2-reports/soc_nothing/actions", verdict), 404, "not_found");
  ExpectNothingWrittenSince(before, "refused reviews");

  // Reviewed: the qualified opinion and the exception each open a finding.
  before = s().LedgerSize();
  json::object done = Step(Post(review, verdict), before,
                           {"finding.opened", "finding.opened", "soc2_report.reviewed"});
  EXPECT_EQ(Str(done, "status"), "reviewed");
  EXPECT_EQ(Str(done.at("reviewed_by").as_object(), "id"), officer);
  EXPECT_FALSE(Str(done, "reviewed_at").empty());
  ASSERT_EQ(done.at("finding_ids").as_array().size(), 2u) << json::serialize(done);
  EXPECT_EQ(Str(done.at("user_entity_controls").as_array().at(0).as_object(), "hipaa_citation"),
            "164.308(a)(1)(ii)(A)");
  for (const auto& fid : done.at("finding_ids").as_array()) {
    json::object f = Get("/api/v1/findings/" + Str(fid));
    EXPECT_EQ(Str(f.at("source").as_object(), "id"), id);
    EXPECT_EQ(Str(f, "party_id"), party);
  }
  ours = Get("/api/v1/soc2-reports/" + id);
  EXPECT_TRUE(ours.at("allowed_actions").as_array().empty());
  EXPECT_FALSE(waits("security_officer")) << "reviewed: no longer waiting";
  // Once is enough.
  before = s().LedgerSize();
  json::object again = ExpectError(Post(review, verdict), 409, "conflict");
  EXPECT_TRUE(Names(again, "action")) << json::serialize(again);
  ExpectNothingWrittenSince(before, "a second review");

  // The contact sees that its report was reviewed, and nothing of what we found.
  seen = Get("/api/v1/soc2-reports/" + id, kContact);
  EXPECT_EQ(Str(seen, "status"), "reviewed");
  ExpectNothingOfOurs(seen, "the contact's read after review");
  bool listed = false;
  for (const auto& item : Items(target, kContact)) {
    ExpectNothingOfOurs(item.as_object(), "the contact's list");
    listed = listed || Str(item.as_object(), "id") == id;
  }
  EXPECT_TRUE(listed);
  ExpectError(Call("GET", "/api/v1/parties/" + elsewhere + "/soc2-reports", "", kContact), 404,
              "not_found");
}

}  // namespace
}  // namespace accord::testing::review_api
