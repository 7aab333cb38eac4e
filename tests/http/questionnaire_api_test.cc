// Due-diligence questionnaires over HTTP (issue 28) on the bloomapi demo, whose access gate
// has the TP-2 due-diligence rule: a template imported from CSV and the shipped HIPAA one,
// sent to Relay SMS's contact, answered with a file, a follow-up asked and answered, accepted —
// and the gate's TP-2 rule passes on the record it made. Knockout answers open findings; the
// contact never sees our scoring; refused requests write nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <string>

#include "accord/core/clock.h"
#include "accord/core/time.h"
#include "support/api_assert.h"
#include "support/api_server.h"
#include "support/http_client.h"

namespace accord::testing {
namespace {

namespace json = boost::json;
using std::chrono::days;
using std::chrono::minutes;

const std::string kContact = "third_party_contact";

std::string Str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }
std::string Str(const json::object& o, std::string_view k) {
  const json::value* v = o.if_contains(k);
  return v ? Str(*v) : "";
}
std::string At(TimePoint t) { return FormatRfc3339(t); }

class QuestionnaireApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer({"--profile", "bloomapi"}); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  ApiServer& s() { return *server_; }
  TimePoint Now() const { return SystemClock().Now(); }

  HttpResult Call(const std::string& method, const std::string& target, const json::value& body,
                  const std::string& role = "security_officer") {
    return s().Call(method, target, body.is_null() ? "" : json::serialize(body), role);
  }
  json::object Ok(const HttpResult& r, int status = 200) {
    EXPECT_EQ(r.status, status) << r.body;
    if (r.status != status) return {};
    return json::parse(r.body).as_object();
  }
  json::object Get(const std::string& target, const std::string& role = "security_officer") {
    return s().GetJson(target, role).as_object();
  }
  std::string RelayId() {
    json::array items = Get("/api/v1/parties", kContact).at("items").as_array();
    return Str(items.at(0).as_object(), "id");
  }
  std::string RelayContact(const std::string& party) {
    json::array items = Get("/api/v1/parties/" + party + "/contacts").at("items").as_array();
    return Str(items.at(0).as_object(), "id");
  }
  std::string Upload(const std::string& party, const std::string& name) {
    HttpResult r = HttpCall(
        s().port(), "POST", "/api/v1/parties/" + party + "/documents?filename=" + name,
        "%PDF-1.7\n" + name + "\n%%EOF\n",
        {{"Content-Type", "application/pdf"}, {"Authorization", "Bearer " + s().token(kContact)}});
    EXPECT_EQ(r.status, 201) << r.body;
    return Str(json::parse(r.body).as_object(), "id");
  }
  // The outcome of the gate's TP-2 due-diligence rule for the party, for a grant starting soon.
  std::string DueDiligenceOutcome(const std::string& party, const std::string& contact) {
    json::array systems = Get("/api/v1/systems").at("items").as_array();
    json::object body{
        {"party_id", party},
        {"contact_id", contact},
        {"purpose", "support"},
        {"start_at", At(Now() + minutes(5))},
        {"end_at", At(Now() + days(20))},
        {"lines", json::array{json::object{{"system_id", Str(systems.at(0).as_object(), "id")},
                                           {"permission", "read"},
                                           {"justification", "Reproduce a support case"}}}}};
    json::object d = Ok(Call("POST", "/api/v1/access/evaluate", body));
    for (const auto& r : d["rules"].as_array()) {
      if (Str(r.as_object(), "id") == "tp2.due_diligence") return Str(r.as_object(), "outcome");
    }
    return "absent";
  }
  // The shipped template: the demo installs it; a second install is a conflict.
  std::string HipaaTemplate() {
    json::array templates = Get("/api/v1/questionnaire-templates").at("items").as_array();
    for (const auto& t : templates) {
      if (Str(t.as_object(), "name") == "HIPAA vendor security questionnaire") {
        ExpectError(Call("POST", "/api/v1/questionnaire-templates/hipaa-vendor", nullptr), 409,
                    "conflict");
        return Str(t.as_object(), "id");
      }
    }
    return Str(Ok(Call("POST", "/api/v1/questionnaire-templates/hipaa-vendor", nullptr), 201),
               "id");
  }
  // Answers to every question of a questionnaire: good ones, `file` on file questions.
  json::array Answers(const json::object& q, const std::string& file,
                      const std::string& knockout_on = "") {
    json::array out;
    std::map<std::string, std::string> given;
    for (const auto& s : q.at("sections").as_array()) {
      for (const auto& x : s.at("questions").as_array()) {
        const json::object& qq = x.as_object();
        std::string id = Str(qq, "id"), type = Str(qq, "type");
        json::object a{{"question", id}};
        if (type == "file") {
          a["document_ids"] = json::array{json::value(file)};
        } else if (type == "yes_no") {
          // Conditional follow-ons stay unasked: subcontractors and breaches answered no.
          a["value"] = id == knockout_on || id == "org-subcontractors" || id == "ir-breaches" ||
                               id == "ac-our-access"
                           ? "no"
                           : "yes";
        } else if (type == "choice") {
          a["value"] = qq.at("choices").as_array()[0];
          if (id == "au-retention") a["value"] = "6 years or more";
        } else if (type == "date") {
          a["value"] = "2026-03-01";
        } else {
          a["value"] = "Our own region in Frankfurt, on our own hardware.";
        }
        // A question is asked only when its condition holds on the answers so far.
        if (qq.contains("show_if")) {
          const json::object& c = qq.at("show_if").as_object();
          if (given[Str(c, "question")] != Str(c, "equals")) continue;
        }
        given[id] = Str(a, "value");
        out.push_back(std::move(a));
      }
    }
    return out;
  }

 private:
  static inline ApiServer* server_ = nullptr;
};

TEST_F(QuestionnaireApiTest, CsvImportRoundTripsAndRefusesMalformedRowsWritingNothing) {
  const std::string csv =
      "section,id,text,type,choices,required,help,show_if,citations,rules,weight,knockout\r\n"
      "Encryption,enc,Is ePHI encrypted at rest?,yes_no,,yes,,,164.312(a)(2)(iv),TP-5,3,no\r\n"
      "Encryption,how,Which cipher?,choice,AES-256|Other,yes,,enc=yes,,,1,\r\n";
  HttpResult r = HttpCall(
      s().port(), "POST", "/api/v1/questionnaire-templates/import?name=Mini", csv,
      {{"Content-Type", "text/csv"}, {"Authorization", "Bearer " + s().token("security_officer")}});
  json::object t = Ok(r, 201);
  EXPECT_EQ(t["question_count"], 2);
  HttpResult out = s().Get("/api/v1/questionnaire-templates/" + Str(t, "id") + "/csv");
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body, csv);

  uint64_t before = s().LedgerSize();
  std::string bad = csv + "Encryption,how,Again?,text,,,,,,,,\r\n";
  HttpResult refused = HttpCall(
      s().port(), "POST", "/api/v1/questionnaire-templates/import?name=Bad", bad,
      {{"Content-Type", "text/csv"}, {"Authorization", "Bearer " + s().token("security_officer")}});
  json::object e = ExpectError(refused, 422, "validation_failed");
  json::object d = e.at("details").as_array().at(0).as_object();
  EXPECT_EQ(Str(d, "field"), "id");
  EXPECT_EQ(d.at("line"), 4);
  // The same name twice is a conflict; a staff member may not import.
  ExpectError(HttpCall(s().port(), "POST", "/api/v1/questionnaire-templates/import?name=Mini", csv,
                       {{"Content-Type", "text/csv"},
                        {"Authorization", "Bearer " + s().token("security_officer")}}),
              409, "conflict");
  ExpectError(
      HttpCall(s().port(), "POST", "/api/v1/questionnaire-templates/import?name=Other", csv,
               {{"Content-Type", "text/csv"}, {"Authorization", "Bearer " + s().token("staff")}}),
      403, "forbidden");
  EXPECT_EQ(s().LedgerSize(), before);
}

TEST_F(QuestionnaireApiTest, VendorAnswersOfficerFollowsUpAcceptsAndTheGateSeesIt) {
  std::string party = RelayId();
  std::string contact = RelayContact(party);
  // Relay's recorded due diligence is made to fail, so TP-2 now refuses.
  json::array records = Get("/api/v1/parties/" + party + "/due-diligence").at("items").as_array();
  for (const auto& dd : records) {
    Ok(Call("PATCH", "/api/v1/due-diligence/" + Str(dd.as_object(), "id"),
            json::object{{"result", "failed"}}));
  }
  EXPECT_EQ(DueDiligenceOutcome(party, contact), "deny");

  json::object tmpl{{"id", HipaaTemplate()}};
  std::string send_to = "/api/v1/parties/" + party + "/questionnaires";
  // Refused sends name the field and write nothing.
  uint64_t before = s().LedgerSize();
  json::object e = ExpectError(Call("POST", send_to,
                                    json::object{{"template_id", Str(tmpl, "id")},
                                                 {"contact_id", contact},
                                                 {"due_at", At(Now() - days(1))}}),
                               422, "validation_failed");
  EXPECT_EQ(Str(e.at("details").as_array()[0].as_object(), "field"), "due_at");
  ExpectError(Call("POST", send_to,
                   json::object{{"template_id", Str(tmpl, "id")},
                                {"contact_id", "cnt_nobody"},
                                {"due_at", At(Now() + days(14))}}),
              422, "validation_failed");
  ExpectError(Call("POST", send_to,
                   json::object{{"template_id", Str(tmpl, "id")},
                                {"contact_id", contact},
                                {"due_at", At(Now() + days(14))}},
                   "staff"),
              403, "forbidden");
  EXPECT_EQ(s().LedgerSize(), before);

  json::object q = Ok(Call("POST", send_to,
                           json::object{{"template_id", Str(tmpl, "id")},
                                        {"contact_id", contact},
                                        {"due_at", At(Now() + days(14))}}),
                      201);
  std::string id = Str(q, "id");
  EXPECT_EQ(q["status"], "sent");

  // The contact sees the questions, not our scoring.
  json::object seen = Get("/api/v1/questionnaires/" + id, kContact);
  for (const char* ours : {"scoring", "reviews", "score", "finding_ids"}) {
    EXPECT_FALSE(seen.contains(ours)) << ours;
  }
  std::string file = Upload(party, "relay-soc2.pdf");
  json::array answers = Answers(seen, file);
  // A draft of half, then the rest; a bad answer is refused naming the question.
  json::array half(answers.begin(), answers.begin() + 10);
  Ok(Call("PUT", "/api/v1/questionnaires/" + id + "/answers", json::object{{"answers", half}},
          kContact));
  before = s().LedgerSize();
  e = ExpectError(Call("PUT", "/api/v1/questionnaires/" + id + "/answers",
                       json::object{{"answers", json::array{json::object{{"question", "enc-rest"},
                                                                         {"value", "maybe"}}}}},
                       kContact),
                  422, "validation_failed");
  EXPECT_EQ(Str(e.at("details").as_array()[0].as_object(), "field"), "answers.enc-rest");
  // Submitting a half-answered questionnaire names what is missing.
  e = ExpectError(Call("POST", "/api/v1/questionnaires/" + id + "/actions",
                       json::object{{"action", "submit"}}, kContact),
                  422, "validation_failed");
  // An officer cannot answer for the party.
  ExpectError(
      Call("PUT", "/api/v1/questionnaires/" + id + "/answers", json::object{{"answers", half}}),
      403, "forbidden");
  EXPECT_EQ(s().LedgerSize(), before);

  Ok(Call("PUT", "/api/v1/questionnaires/" + id + "/answers", json::object{{"answers", answers}},
          kContact));
  json::object submitted = Ok(Call("POST", "/api/v1/questionnaires/" + id + "/actions",
                                   json::object{{"action", "submit"}}, kContact));
  EXPECT_EQ(submitted["status"], "submitted");
  EXPECT_EQ(Str(submitted, "answers_sha256").size(), 64u);
  // The submission's ledger event carries the answers' hash.
  json::object event =
      Get("/api/v1/ledger/entries/" + std::to_string(s().LedgerSize() - 1)).at("event").as_object();
  EXPECT_EQ(event["type"], "questionnaire.submitted");
  EXPECT_EQ(event["payload"].as_object()["answers_sha256"], submitted["answers_sha256"]);

  // The officer asks a follow-up; the vendor replies and submits again.
  json::object asked = Ok(Call(
      "POST", "/api/v1/questionnaires/" + id + "/actions",
      json::object{{"action", "ask"},
                   {"questions",
                    json::array{json::object{{"question", "enc-keys"},
                                             {"text", "Who holds the key-encryption keys?"}}}}}));
  EXPECT_EQ(asked["status"], "follow_up");
  ExpectError(Call("POST", "/api/v1/questionnaires/" + id + "/actions",
                   json::object{{"action", "submit"}}, kContact),
              422, "validation_failed");
  Ok(Call("PUT", "/api/v1/questionnaires/" + id + "/answers",
          json::object{{"replies",
                        json::array{json::object{{"question", "enc-keys"},
                                                 {"text", "Our cloud KMS, with two operators."}}}}},
          kContact));
  Ok(Call("POST", "/api/v1/questionnaires/" + id + "/actions", json::object{{"action", "submit"}},
          kContact));
  // The vendor may not decide; the officer accepts.
  ExpectError(Call("POST", "/api/v1/questionnaires/" + id + "/actions",
                   json::object{{"action", "accept"}}, kContact),
              403, "forbidden");
  json::object accepted = Ok(Call("POST", "/api/v1/questionnaires/" + id + "/actions",
                                  json::object{{"action", "accept"}, {"note", "Clean answers."}}));
  EXPECT_EQ(accepted["status"], "accepted");
  EXPECT_EQ(accepted["score"].as_object()["suggested_tier"], "low");
  std::string dd = Str(accepted, "due_diligence_id");
  json::object record = Get("/api/v1/due-diligence/" + dd);
  EXPECT_EQ(record["result"], "passed");
  EXPECT_EQ(DueDiligenceOutcome(party, contact), "pass");

  // The suggested tier applied as a recorded override of the computed one.
  json::object applied = Ok(Call("POST", "/api/v1/questionnaires/" + id + "/actions",
                                 json::object{{"action", "apply_tier"}, {"note", "Clean year."}}));
  EXPECT_EQ(applied["tier_override"].as_object()["tier"], "low");
  json::object p = Get("/api/v1/parties/" + party);
  EXPECT_EQ(p["risk_tier"], "low");
  EXPECT_EQ(Str(p["risk_tier_override"].as_object(), "questionnaire_id"), id);

  // Next year's is pre-filled from this one; the review page lists what changed.
  json::object next = Ok(Call("POST", send_to,
                              json::object{{"template_id", Str(tmpl, "id")},
                                           {"contact_id", contact},
                                           {"due_at", At(Now() + days(30))},
                                           {"prefill", true}}),
                         201);
  EXPECT_EQ(Str(next, "previous_id"), id);
  EXPECT_EQ(next["answers"].as_array().size(), answers.size());
  std::string next_id = Str(next, "id");
  Ok(Call("PUT", "/api/v1/questionnaires/" + next_id + "/answers",
          json::object{
              {"answers", json::array{json::object{{"question", "wf-phishing"}, {"value", "no"}}}}},
          kContact));
  Ok(Call("POST", "/api/v1/questionnaires/" + next_id + "/actions",
          json::object{{"action", "submit"}}, kContact));
  json::object review = Get("/api/v1/questionnaires/" + next_id);
  EXPECT_EQ(json::serialize(review["changed_since_previous"]), R"(["wf-phishing"])");
  EXPECT_TRUE(review.contains("previous_answers"));
  EXPECT_FALSE(Get("/api/v1/questionnaires/" + next_id, kContact).contains("previous_answers"));
}

TEST_F(QuestionnaireApiTest, KnockoutAnswersOpenFindings) {
  std::string party = RelayId();
  std::string contact = RelayContact(party);
  std::string tmpl = HipaaTemplate();
  json::object q = Ok(
      Call("POST", "/api/v1/parties/" + party + "/questionnaires",
           json::object{
               {"template_id", tmpl}, {"contact_id", contact}, {"due_at", At(Now() + days(14))}}),
      201);
  std::string id = Str(q, "id");
  std::string file = Upload(party, "relay-policy.pdf");
  Ok(Call("PUT", "/api/v1/questionnaires/" + id + "/answers",
          json::object{{"answers",
                        Answers(Get("/api/v1/questionnaires/" + id, kContact), file, "enc-rest")}},
          kContact));
  Ok(Call("POST", "/api/v1/questionnaires/" + id + "/actions", json::object{{"action", "submit"}},
          kContact));
  json::object officer = Get("/api/v1/questionnaires/" + id);
  EXPECT_EQ(json::serialize(officer["score"].as_object()["knockouts"]), R"(["enc-rest"])");
  EXPECT_EQ(officer["score"].as_object()["suggested_tier"], "high");
  json::object decided = Ok(Call("POST", "/api/v1/questionnaires/" + id + "/actions",
                                 json::object{{"action", "accept"}}));
  ASSERT_EQ(decided["finding_ids"].as_array().size(), 1u);
  json::object finding = Get("/api/v1/findings/" + Str(decided["finding_ids"].as_array()[0]));
  EXPECT_EQ(finding["severity"], "high");
  EXPECT_EQ(Str(finding, "party_id"), party);
  // Accepted with a knockout: the record is conditional, not passed.
  EXPECT_EQ(Get("/api/v1/due-diligence/" + Str(decided, "due_diligence_id"))["result"],
            "conditional");
}

}  // namespace
}  // namespace accord::testing
